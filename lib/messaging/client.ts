// Extension pages ask the background through here. Types only from the protocol: the popup
// must not bundle the background's schemas. A request that gets no answer (the service
// worker restarting, the extension reloaded) becomes an error value, not a rejection.
import { browser } from 'wxt/browser';
import { messageOf } from '../result';
import type { ExtensionMessageType, RequestOf, ResponseOf } from './protocol';
import type { BackgroundError, Result } from './results';

export async function askBackground<T extends ExtensionMessageType>(
  request: RequestOf<T> & { type: T },
): Promise<ResponseOf<T>> {
  try {
    const answer = (await browser.runtime.sendMessage(request)) as ResponseOf<T> | undefined;
    if (answer !== undefined && answer !== null) return answer;
    return unavailable('no answer');
  } catch (error) {
    return unavailable(messageOf(error));
  }
}

function unavailable<T>(detail: string): T {
  const failure: Result<never, BackgroundError> = {
    ok: false,
    error: { kind: 'background-unavailable', detail },
  };
  return failure as T;
}
