// The identifier detector (spec v1, ../shared/spec/identifiers.md). Dependency-free and
// framework-free: the content script bundles it.

export { detectIdentifiers } from './detect';
export { detectInRun } from './detect-in-run';
export { blockOf, isReadable } from './dom';
export { createOwnRunWalker } from './own-run-walker';
export {
  type RunReading,
  type RunReadingOptions,
  readRun,
  STEP_CANDIDATES,
  WINDOW_CHARS,
} from './run-reading';
export { createRunWalker } from './run-walker';
export type {
  Detection,
  Identifier,
  IdentifierKind,
  Match,
  Occurrence,
  RunWalker,
  TextRun,
} from './types';
