// How long the user waits for the portal. Someone is looking at the popup: every action
// answers within ten seconds whatever the portal does; the time left over is for
// storage, messaging and the popup's own rendering on a busy machine.

/** Each portal call the popup asks for, retries and waits included. */
export const ACTION_DEADLINE_MS = 7_500;

/**
 * Per attempt: a hung portal gets one retry inside the deadline (an attempt, a pause, the rest)
 * rather than one long attempt, since a dropped connection is often fine a moment later.
 */
export const POPUP_PATIENCE = {
  timeoutMs: 5_000,
  deadlineMs: ACTION_DEADLINE_MS,
  retry: { retries: 2 },
} as const;

/**
 * The part of a write's deadline kept for reading the cart when the write's answer is
 * lost or unreadable, so the check still fits inside the same action.
 */
export function reconcileReserveMs(actionDeadlineMs: number): number {
  return Math.round(actionDeadlineMs / 3);
}
