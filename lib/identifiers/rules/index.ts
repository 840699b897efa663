// The registry: every rule that turns a candidate into an identifier (spec v1, "Cues").
// Negative cues are part of the inline rule: they only ever cancel an inline cue.

import { hostName } from './host-name';
import { inlineCue } from './inline-cue';
import { labelCue } from './label-cue';
import type { Rule } from './rule';

export type { Finding, Rule, RunContext } from './rule';

export const RULES: readonly Rule[] = [inlineCue, labelCue, hostName];
