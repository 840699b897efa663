// What every row needs to add a renewal: the credits choice the user made (or the default
// from the options), today's date for the wording, and the popup's announcer.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { CreditsOption } from '@/lib/messaging/portal-results';

export interface RenewalContextValue {
  credits: CreditsOption;
  announce: (message: string) => void;
}

export const RenewalContext = createContext<RenewalContextValue>({
  credits: 'organization',
  announce: () => undefined,
});

export const useRenewalContext = () => useContext(RenewalContext);
