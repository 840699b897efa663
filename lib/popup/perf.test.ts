import { expect, test } from 'vitest';
import { noteRender, noteSupportData, noteSupportRows, POPUP_STARTED_AT } from './perf';

const marks = (name: string) => performance.getEntriesByName(name, 'mark');

test('the page start is marked on import; the first render of cached data once', () => {
  expect(marks('popup-start')).toHaveLength(1);
  // Fresh answers (fetched after the page started) are not the cache.
  noteRender(POPUP_STARTED_AT + 5);
  noteRender(0);
  expect(marks('popup-first-cached-render')).toHaveLength(0);
  noteRender(POPUP_STARTED_AT - 60_000);
  noteRender(POPUP_STARTED_AT - 30_000);
  expect(marks('popup-first-cached-render')).toHaveLength(1);
});

test('rows showing the support answer are marked once, and only after the answer', () => {
  noteSupportRows();
  expect(marks('popup-support-rows')).toHaveLength(0);
  noteSupportData();
  noteSupportData();
  noteSupportRows();
  noteSupportRows();
  expect(marks('popup-support-data')).toHaveLength(1);
  expect(marks('popup-support-rows')).toHaveLength(1);
});
