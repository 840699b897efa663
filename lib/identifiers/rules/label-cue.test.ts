import { describe, expect, test } from 'vitest';
import { found } from '../testing';

describe('label cue: table cells', () => {
  test('takes a cell whose row header is a cue', () => {
    expect(
      found(
        '<table><tr><th>Deployment ID</th><td>14181336</td></tr><tr><th>Serial:</th><td> VS0164AB </td></tr><tr><th>Ticket</th><td>12345678</td></tr></table>',
      ),
    ).toEqual(['deployment:14181336', 'serial:VS0164AB']);
  });

  test('takes the row’s first cell as its header when there is no th', () => {
    expect(
      found('<table><tr><td>Deployment</td><td>Main office</td><td>14181336</td></tr></table>'),
    ).toEqual(['deployment:14181336']);
  });

  test('falls back to the column header, minding colspan', () => {
    const html = `<table>
      <thead><tr><th colspan="2">Site</th><th>Deployment</th><th>Serial #</th><th>Order</th></tr></thead>
      <tbody>
        <tr><td>1</td><td>Elm St</td><td>14181336</td><td>VS0164AB</td><td>12345678</td></tr>
        <tr><td colspan="2">Oak Ave</td><td>85922823</td><td>VS0232CD</td><td>87654321</td></tr>
      </tbody></table>`;
    expect(found(html)).toEqual([
      'deployment:14181336',
      'serial:VS0164AB',
      'deployment:85922823',
      'serial:VS0232CD',
    ]);
  });

  test('minds rowspan for row headers and column positions', () => {
    const html = `<table>
      <tr><th>Region</th><th>Serial</th><th>Deployment</th></tr>
      <tr><td rowspan="2">North</td><td>VS0164AB</td><td>14181336</td></tr>
      <tr><td>VS0232CD</td><td>85922823</td></tr>
      <tr><th rowspan="2">Deployment</th><td>30000007</td><td>ignored text</td></tr>
      <tr><td>47310958</td><td>x</td></tr>
    </table>`;
    expect(found(html)).toEqual([
      'serial:VS0164AB',
      'deployment:14181336',
      'serial:VS0232CD',
      'deployment:85922823',
      'deployment:30000007',
      'deployment:47310958',
    ]);
  });

  test('uses the nearest th to the left as the row header', () => {
    const html =
      '<table><tr><th>Deployment</th><td>14181336</td><th>Ticket</th><td>12345678</td></tr></table>';
    expect(found(html)).toEqual(['deployment:14181336']);
  });

  test('rejects labels that say more than a cue, and values that are not the whole cell', () => {
    expect(
      found(
        '<table><tr><th>Serial Number (spare)</th><td>VS0164AB</td></tr><tr><th>Deployment date</th><td>20170615</td></tr><tr><th>Deployment</th><td>14181336 (main)</td></tr></table>',
      ),
    ).toEqual([]);
  });

  test('takes a value with any white space around it in its cell, and nothing else', () => {
    expect(
      found(
        '<table><tr><th>Deployment ID</th><td>\u00a0 14181336\u2003</td></tr><tr><th>Serial</th><td>\nVS0164AB\t</td></tr><tr><th>Deployment</th><td>\u00a0x 85922823</td></tr></table>',
      ),
    ).toEqual(['deployment:14181336', 'serial:VS0164AB']);
  });

  test('does not take a header of the other kind', () => {
    expect(
      found(
        '<table><tr><th>Serial</th><td>VS0164AB</td></tr><tr><th>Deployment</th><td>VS0232CD</td></tr></table>',
      ),
    ).toEqual(['serial:VS0164AB']);
  });

  test('reads a cell value split across inline elements or wrapped in a block', () => {
    expect(
      found(
        '<table><tr><th>Deployment</th><td><b>1418</b>1336</td></tr><tr><th>Serial</th><td><div><span>VS0164AB</span></div></td></tr></table>',
      ),
    ).toEqual(['deployment:14181336', 'serial:VS0164AB']);
  });
});

describe('label cue: definition lists and siblings', () => {
  test('takes a dd whose dt is a cue', () => {
    expect(
      found(
        '<dl><dt>Serial number</dt><dd>VS0164AB</dd><dd>VS0232CD</dd><dt>Ticket</dt><dd>12345678</dd></dl>',
      ),
    ).toEqual(['serial:VS0164AB', 'serial:VS0232CD']);
  });

  test('takes an element right after a sibling whose whole text is a cue', () => {
    expect(found('<div><label>Deployment #</label> <div>14181336</div></div>')).toEqual([
      'deployment:14181336',
    ]);
    expect(found('<div><strong>S/N</strong><span>VS0164AB</span></div>')).toEqual([
      'serial:VS0164AB',
    ]);
    expect(found('<div><div>SN:</div><!-- value --><div>VS0164AB</div></div>')).toEqual([
      'serial:VS0164AB',
    ]);
  });

  test('needs the label right before the value', () => {
    expect(
      found('<div><label>Serial</label><span>Spare</span><span>VS0164AB</span></div>'),
    ).toEqual([]);
    expect(found('<div><div>Serial</div>unit<div>VS0164AB</div></div>')).toEqual([]);
    expect(found('<div><div>VS0164AB</div><div>Serial</div></div>')).toEqual([]);
    expect(found('<div><div>Serial numbers below</div><div>VS0164AB</div></div>')).toEqual([]);
  });
});

describe('label cue: aria-label and title', () => {
  test('takes an element whose own aria-label or title is a cue', () => {
    expect(found('<p>Unit <span aria-label="Serial number">VS0164AB</span> ok</p>')).toEqual([
      'serial:VS0164AB',
    ]);
    expect(found('<div title="Deployment ID">14181336</div>')).toEqual(['deployment:14181336']);
  });

  test('needs the value to be the element’s whole text', () => {
    expect(found('<div title="Deployment ID">id 14181336</div>')).toEqual([]);
    expect(found('<div title="Deployment ID for this site">14181336</div>')).toEqual([]);
  });
});

describe('label cue: values glued to their label', () => {
  test('takes an element whose label sibling touches it with no space', () => {
    expect(found('<div><label>SN</label><span>vs0232cd</span></div>')).toEqual(['serial:VS0232CD']);
  });

  test('does not take a piece of a value split across inline elements', () => {
    expect(found('<table><tr><th>Serial</th><td><b>VS01</b>64AB</td></tr></table>')).toEqual([
      'serial:VS0164AB',
    ]);
    expect(found('<div><label>Serial</label><span>ABC</span><span>123456</span></div>')).toEqual(
      [],
    );
  });
});
