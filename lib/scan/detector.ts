// The real detector behind the scanner's port.

import { blockOf, createOwnRunWalker, createRunWalker, isReadable, readRun } from '../identifiers';
import type { DetectorPort } from './detector-port';

export const detector: DetectorPort = {
  // Runs without a digit hold no identifier: the walker does not even visit their text.
  createRunWalker: (root, skip) => createRunWalker(root, { digitRunsOnly: true, skip }),
  createOwnRunWalker,
  // A long run is read a window per step, so the scanner can stop inside it.
  readRun: (run, limit) => readRun(run, { limit }),
  blockOf,
  isReadable,
};
