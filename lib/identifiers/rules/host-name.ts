// Rule 3, host name: `NNNNNNNN.deployments.` inside a host name, such as
// `85922823.deployments.pbxact.com`, names a deployment with no cue word needed.

import { DEPLOYMENT_SHAPE } from '../tokens';
import type { Finding, Rule, RunContext } from './rule';

const DEPLOYMENT_LABEL = '.deployments.';

/** The host name goes on after `deployments.` (a sentence ending there is no host name). */
function continuesHostName(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

export const hostName: Rule = {
  name: 'host-name',
  find({ text, candidates }: RunContext, out: Finding[]): void {
    for (const candidate of candidates) {
      if (!(candidate.shapes & DEPLOYMENT_SHAPE)) continue;
      const end = candidate.end;
      if (text.charCodeAt(end) !== 46) continue;
      const label = text.slice(end, end + DEPLOYMENT_LABEL.length);
      if (label.toLowerCase() !== DEPLOYMENT_LABEL) continue;
      if (!continuesHostName(text.charCodeAt(end + DEPLOYMENT_LABEL.length))) continue;
      out.push({ kind: 'deployment', start: candidate.start, end });
    }
  },
};
