// One sign-in attempt, shared by the API and the HTML form so both are throttled alike:
// a locked account or address is refused before its password is looked at.

import type { Portal } from '../http/env';
import { checkSignIn } from './sessions';

export type SignInAttempt =
  | { kind: 'signed-in'; userId: string }
  | { kind: 'wrong-credentials' }
  | { kind: 'locked'; retryAfterSeconds: number };

export function attemptSignIn(
  portal: Portal,
  email: string,
  password: string,
  address: string,
): SignInAttempt {
  const wait = portal.signInThrottle.wait(email, address);
  if (wait > 0) return { kind: 'locked', retryAfterSeconds: wait };
  const userId = checkSignIn(portal.db, email, password);
  if (!userId) {
    portal.signInThrottle.recordFailure(email, address);
    return { kind: 'wrong-credentials' };
  }
  portal.signInThrottle.recordSuccess(email);
  return { kind: 'signed-in', userId };
}
