// Performance marks for the end-to-end runs, which read them to print how soon the popup
// shows cached data after its page starts, and how soon rows follow a support answer.
// Imported first by the popup's entrypoint.
performance.mark('popup-start');

/** Epoch ms when the popup page started: any answer older than this came from the cache. */
export const POPUP_STARTED_AT = Date.now();

let markedCachedRender = false;

/** Marks `popup-first-cached-render` the first time data from the persisted cache is shown. */
export function noteRender(dataUpdatedAt: number): void {
  if (markedCachedRender || dataUpdatedAt === 0 || dataUpdatedAt >= POPUP_STARTED_AT) return;
  markedCachedRender = true;
  performance.mark('popup-first-cached-render');
}

let markedSupportData = false;
let markedSupportRows = false;

/** Marks `popup-support-data` when the first support answer (or page of one) arrives. */
export function noteSupportData(): void {
  if (markedSupportData) return;
  markedSupportData = true;
  performance.mark('popup-support-data');
}

/** Marks `popup-support-rows` when rows showing that answer are first in the DOM. */
export function noteSupportRows(): void {
  if (markedSupportRows || !markedSupportData) return;
  markedSupportRows = true;
  performance.mark('popup-support-rows');
}
