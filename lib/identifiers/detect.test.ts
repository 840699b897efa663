import { describe, expect, test } from 'vitest';
import { detectIdentifiers, detectInRun } from './index';
import { page, rangeText, runsOf } from './testing';

describe('detectIdentifiers', () => {
  test('groups occurrences by kind and value, in order of first appearance', () => {
    const body = page(
      '<p>Deployment 14181336 and serial vs0164ab.</p><p>Again: deployment 14181336, S/N VS0164AB.</p><p>Serial 14181336</p>',
    );
    const detections = detectIdentifiers(body);
    expect(detections.map((d) => [d.kind, d.value, d.occurrences.length])).toEqual([
      ['deployment', '14181336', 2],
      ['serial', 'VS0164AB', 2],
      ['serial', '14181336', 1],
    ]);
    const paragraphs = body.querySelectorAll('p');
    const first = detections[0]?.occurrences[0];
    expect(first?.startContainer).toBe(paragraphs[0]?.firstChild);
    expect(first?.startOffset).toBe(11);
    expect(first?.endOffset).toBe(19);
    expect(
      detections[1]?.occurrences.map((o) => rangeText({ kind: 'serial', value: '', ...o })),
    ).toEqual(['vs0164ab', 'VS0164AB']);
  });

  test('gives DOM positions that span the inline elements a value is split across', () => {
    const body = page('<p>Deployment <b>1418</b>1336 is <i>fine</i>.</p>');
    const [detection] = detectIdentifiers(body);
    const occurrence = detection?.occurrences[0];
    const bold = body.querySelector('b')?.firstChild;
    const after = body.querySelector('b')?.nextSibling;
    expect(occurrence).toEqual({
      startContainer: bold,
      startOffset: 0,
      endContainer: after,
      endOffset: 4,
    });
  });

  test('scans a whole document, a shadow root, or one element', () => {
    const body = page('<div id="a">Deployment 14181336</div><div id="b"><p>SN: VS0164AB</p></div>');
    const shadow = (body.querySelector('#b') as Element).attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>deployment 85922823</p>';
    const values = (root: Node) => detectIdentifiers(root).map((d) => d.value);
    expect(values(document)).toEqual(['14181336', '85922823', 'VS0164AB']);
    expect(values(shadow)).toEqual(['85922823']);
    expect(values(body.querySelector('#a') as Element)).toEqual(['14181336']);
  });

  test('finds nothing on a page without cues', () => {
    const body = page(
      '<p>Ticket 14181336, order #85922823, call 5551234567, on 20170615, from 10.0.0.1, MAC 00:1A:2B:3C:4D:5E, part VS0164AB.</p>',
    );
    expect(detectIdentifiers(body)).toEqual([]);
  });

  test('agrees with the run walker and detectInRun it is built from', () => {
    const body = page(
      '<table><tr><th>Serial</th><td>VS0164AB</td></tr></table><p>deployments 14181336, 85922823</p><p>85922823.deployments.pbxact.com</p>',
    );
    const fromRuns = runsOf(body)
      .flatMap((run) => detectInRun(run))
      .map((m) => `${m.kind}:${m.value}`);
    const whole = detectIdentifiers(body).flatMap((d) =>
      d.occurrences.map(() => `${d.kind}:${d.value}`),
    );
    expect([...fromRuns].sort()).toEqual([...whole].sort());
    expect(fromRuns).toHaveLength(4);
  });
});

describe('detectInRun', () => {
  test('returns matches with offsets inside the run’s nodes', () => {
    page('<p>Serial <span>VS01</span>64AB</p>');
    const [run] = runsOf(document.body).filter((r) => r.text.trim());
    const matches = run ? detectInRun(run) : [];
    expect(matches).toHaveLength(1);
    const [match] = matches;
    expect(match?.value).toBe('VS0164AB');
    expect(match && rangeText(match)).toBe('VS0164AB');
    expect(match?.startContainer.data).toBe('VS01');
    expect(match?.endContainer.data).toBe('64AB');
  });

  test('does no work on runs without a digit', () => {
    expect(detectInRun({ text: 'Deployment ID', nodes: [], starts: [], block: document })).toEqual(
      [],
    );
  });

  test('finds a 6-character serial, and nothing shorter', () => {
    const body = page('<p>Serial: ab1cde</p><p>Serial: ab1cd</p><p>S/N --a1-b-c--</p>');
    expect(detectIdentifiers(body).map((d) => d.value)).toEqual(['AB1CDE', 'A1-B-C']);
  });

  test('reads a huge digit-free word in linear time', () => {
    const body = page(`<p>${'x'.repeat(60_000)} serial VS0164AB</p>`);
    const started = performance.now();
    expect(detectIdentifiers(body).map((d) => d.value)).toEqual(['VS0164AB']);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('hostile pages', () => {
  test('survives a form whose controls clobber DOM properties and methods', () => {
    const names = ['localName', 'nodeType', 'parentNode', 'hasAttribute', 'getAttribute', 'title'];
    const body = page(
      `<form title="Serial">${names.map((name) => `<input name="${name}">`).join('')}<p>Deployment 14181336</p><span>VS0164AB</span></form>`,
    );
    expect(() => detectIdentifiers(body)).not.toThrow();
    expect(detectIdentifiers(body).map((d) => d.value)).toContain('14181336');
  });
});
