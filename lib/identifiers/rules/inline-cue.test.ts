import { describe, expect, test } from 'vitest';
import { found } from '../testing';

describe('inline cue', () => {
  test('takes a value right after its cue', () => {
    expect(found('<p>Deployment 14181336 is down.</p>')).toEqual(['deployment:14181336']);
    expect(found('<p>Serial VS0164AB shipped.</p>')).toEqual(['serial:VS0164AB']);
    expect(found('<p>s/n: vs0164ab</p>')).toEqual(['serial:VS0164AB']);
  });

  test('allows punctuation between cue and value', () => {
    expect(found('<p>Deployment ID: 14181336</p>')).toEqual(['deployment:14181336']);
    expect(found('<p>Deployment #14181336</p>')).toEqual(['deployment:14181336']);
    expect(found('<p>deployment = "14181336"</p>')).toEqual(['deployment:14181336']);
    expect(found('<p>SN# [FPBX-100-00A3C9]</p>')).toEqual(['serial:FPBX-100-00A3C9']);
    expect(found('<p>Serial No. | SVX-2F9K-77QA</p>')).toEqual(['serial:SVX-2F9K-77QA']);
    expect(found('<p>Deployment ID ............................. 14181336</p>')).toEqual([
      'deployment:14181336',
    ]);
    expect(found('<p>Deployment — 14181336</p>')).toEqual(['deployment:14181336']);
  });

  test('allows the connecting words', () => {
    expect(found('<p>The deployment ID for this is 14181336.</p>')).toEqual([
      'deployment:14181336',
    ]);
    expect(found('<p>Serial number of my unit: VS0164AB</p>')).toEqual([]);
    expect(found('<p>serial of the unit is VS0164AB</p>')).toEqual([]);
    expect(found('<p>serial is VS0164AB</p>')).toEqual(['serial:VS0164AB']);
    expect(found('<p>deployment number was 14181336</p>')).toEqual(['deployment:14181336']);
  });

  test('breaks on any other word or any digit in between', () => {
    expect(found('<p>Deployment went live, ticket 14181336</p>')).toEqual([]);
    expect(found('<p>deployment 2 of 14181336</p>')).toEqual([]);
    expect(found('<p>Deployment ID for customer 14181336</p>')).toEqual([]);
  });

  test('gives up past about 30 characters', () => {
    expect(found(`<p>Deployment:${' -'.repeat(20)} 14181336</p>`)).toEqual([]);
    expect(found(`<p>Deployment:${' -'.repeat(10)} 14181336</p>`)).toEqual(['deployment:14181336']);
  });

  test('counts a list after one cue whole', () => {
    expect(found('<p>deployments 14181336, 85922823 and 30000007 renew soon</p>')).toEqual([
      'deployment:14181336',
      'deployment:85922823',
      'deployment:30000007',
    ]);
    expect(
      found('<p>serials VS0164AB / VS0232CD &amp; SVX-2F9K-77QA or FPBX-100-00A3C9</p>'),
    ).toEqual([
      'serial:VS0164AB',
      'serial:VS0232CD',
      'serial:SVX-2F9K-77QA',
      'serial:FPBX-100-00A3C9',
    ]);
    expect(found('<p>deployments 14181336, 85922823, and 30000007</p>')).toHaveLength(3);
  });

  test('ends a list at anything that is not a separator', () => {
    expect(found('<p>deployments 14181336, ticket 85922823</p>')).toEqual(['deployment:14181336']);
    expect(found('<p>deployments 14181336 85922823</p>')).toEqual(['deployment:14181336']);
    expect(found('<p>deployment 14181336; 85922823</p>')).toEqual(['deployment:14181336']);
  });

  test('lets a nearer cue of another sort take the number', () => {
    for (const other of [
      'ticket',
      'Order',
      'invoice',
      'case',
      'account',
      'phone',
      'DID',
      'ext',
      'PO#',
    ]) {
      expect(found(`<p>Deployment: ${other} 14181336</p>`), other).toEqual([]);
    }
    expect(found('<p>Serial: DID 5551234567 and order 12345678</p>')).toEqual([]);
  });

  test('reads the cue and value across inline elements, not across blocks', () => {
    expect(found('<p><b>Deployment</b> <span>1418</span>1336</p>')).toEqual([
      'deployment:14181336',
    ]);
    expect(found('<div>Deployment<div>14181336</div></div>')).toEqual([]);
    expect(found('<p>Deployment:<br>14181336</p>')).toEqual(['deployment:14181336']);
  });

  test('takes only whole tokens of the cue’s kind', () => {
    expect(found('<p>Deployment 14181336-01</p>')).toEqual([]);
    expect(found('<p>Deployment 3.14181336</p>')).toEqual([]);
    expect(found('<p>Deployment VS0164AB</p>')).toEqual([]);
    expect(found('<p>SN-VS0164AB</p>')).toEqual([]);
    expect(found('<p>Serial AB12-CD34-EF56-GH78-IJ90-KL12</p>')).toEqual([]);
    expect(found('<p>Serial 14181336</p>')).toEqual(['serial:14181336']);
  });

  test('needs the cue before the value', () => {
    expect(found('<p>14181336 is the deployment</p>')).toEqual([]);
    expect(found('<p>Call 14181336 about the DID</p>')).toEqual([]);
  });
});
