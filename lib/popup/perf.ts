// Performance marks for the end-to-end run, which reads them to print how soon the popup
// shows cached data after its page starts. Imported first by the popup's entrypoint.
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
