// The real detector behind the scanner's port.

import { blockOf, createRunWalker, detectInRun, isReadable } from '../identifiers';
import type { DetectorPort } from './detector-port';
import { createOwnRunWalker } from './own-runs';

export const detector: DetectorPort = {
  createRunWalker,
  createOwnRunWalker,
  detectInRun,
  blockOf,
  isReadable,
};
