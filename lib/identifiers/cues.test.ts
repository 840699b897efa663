import { describe, expect, test } from 'vitest';
import { CUE_WORDS, labelCueKind } from './cues';

function cuesIn(text: string): string[] {
  return [...text.matchAll(CUE_WORDS)].map((m) => `${m[1] ? 'deployment' : 'serial'}:${m[0]}`);
}

describe('cue words', () => {
  test('finds every spelling the spec lists, in any case, plurals included', () => {
    expect(
      cuesIn(
        'Deployment, deployment ID, DEPLOYMENT #, deployment no., Deployment Number, deploy id, deployments',
      ),
    ).toEqual([
      'deployment:Deployment',
      'deployment:deployment ID',
      'deployment:DEPLOYMENT #',
      'deployment:deployment no.',
      'deployment:Deployment Number',
      'deployment:deploy id',
      'deployment:deployments',
    ]);
    expect(cuesIn('serial, Serial Number, serial no., SERIAL #, S/N, SN:, sn#, Serials')).toEqual([
      'serial:serial',
      'serial:Serial Number',
      'serial:serial no.',
      'serial:SERIAL #',
      'serial:S/N',
      'serial:SN',
      'serial:sn',
      'serial:Serials',
    ]);
  });

  test('finds cues only as words of their own', () => {
    expect(cuesIn('redeployment deploy snap SNMP DSN serialize')).toEqual([]);
  });

  test('never takes DID as a cue', () => {
    expect(cuesIn('DID 5551234567')).toEqual([]);
  });
});

describe('labelCueKind', () => {
  test('accepts exactly a cue, optionally followed by a colon or hash', () => {
    expect(labelCueKind('Deployment ID')).toBe('deployment');
    expect(labelCueKind('  Deployment\n   ID: ')).toBe('deployment');
    expect(labelCueKind('Deployments')).toBe('deployment');
    expect(labelCueKind('Serial Number')).toBe('serial');
    expect(labelCueKind('S/N:')).toBe('serial');
    expect(labelCueKind('SN#')).toBe('serial');
  });

  test('rejects labels that say more than a cue', () => {
    expect(labelCueKind('Serial Number (spare)')).toBeNull();
    expect(labelCueKind('Deployment date')).toBeNull();
    expect(labelCueKind('Ticket')).toBeNull();
    expect(labelCueKind('DID')).toBeNull();
    expect(labelCueKind('')).toBeNull();
    expect(labelCueKind(null)).toBeNull();
  });
});
