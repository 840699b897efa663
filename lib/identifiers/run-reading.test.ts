import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { detectInRun } from './detect-in-run';
import { readRun } from './run-reading';
import { runsOf } from './testing';
import type { Match, TextRun } from './types';

/** A match as plain data: kind, value and its span in the run's text. */
function spanOf(run: TextRun, match: Match): string {
  const start = (run.starts[run.nodes.indexOf(match.startContainer)] ?? -1) + match.startOffset;
  const end = (run.starts[run.nodes.indexOf(match.endContainer)] ?? -1) + match.endOffset;
  return `${match.kind}:${match.value}@${start}-${end}`;
}

function whole(run: TextRun): string[] {
  return detectInRun(run).map((m) => spanOf(run, m));
}

/** Every step's matches in order, and how many steps it took. */
function stepped(run: TextRun, windowChars: number, limit?: number, maxCandidates?: number) {
  const reading = readRun(run, { windowChars, limit, maxCandidates });
  const matches: string[] = [];
  let steps = 0;
  let mostInOneStep = 0;
  while (!reading.done) {
    steps++;
    if (steps > run.text.length + 2) throw new Error('the reading never ends');
    const found = reading.step();
    mostInOneStep = Math.max(mostInOneStep, found.length);
    for (const m of found) matches.push(spanOf(run, m));
  }
  return { matches, steps, mostInOneStep };
}

/** One block holding `pieces`, each piece a text node or (for `<tag>`…) an inline element. */
function blockOf(pieces: string[]): HTMLElement {
  const p = document.createElement('p');
  for (const piece of pieces) {
    const tagged = /^<(b|span)>(.*)$/s.exec(piece);
    if (tagged) {
      const el = document.createElement(tagged[1] as string);
      el.textContent = tagged[2] ?? '';
      p.append(el);
    } else {
      p.append(document.createTextNode(piece));
    }
  }
  document.body.replaceChildren(p);
  return p;
}

function onlyRun(root: Node): TextRun {
  const [run] = runsOf(root);
  // Blank text makes no run: test the same empty text as a run of its own.
  return run ?? { text: '', nodes: [], starts: [], block: root };
}

/** The run as a caller may build it: without the walker's digit test. */
function untested(run: TextRun): TextRun {
  return { text: run.text, nodes: run.nodes, starts: run.starts, block: run.block };
}

const cue = fc.constantFrom(
  'Deployment',
  'deployments',
  'Deployment ID',
  'deployment  ids',
  'deployment #',
  'Deployment No.',
  'deploy id',
  'serial',
  'Serial Number',
  'serial no.',
  'S/N',
  'SN',
  'sns',
  'SN#',
);
const between = fc.constantFrom(
  ' ',
  ': ',
  ' is ',
  ' of the ',
  '#',
  '=',
  ' ..... ',
  '\n',
  ' | ',
  '"',
  '(',
  ' - ',
  '  ',
);
const listJoint = fc.constantFrom(', ', ',', ' and ', ' or ', '/', ' & ', ', and ');
const counterCue = fc.constantFrom('ticket', 'Order', 'DID', 'ext', 'PO', 'phone', 'invoices');
const token = fc.oneof(
  fc.stringMatching(/^[0-9]{8}$/),
  fc.stringMatching(/^[A-Z]{2}[0-9]{4,8}[A-Za-z]{0,3}$/),
  fc.stringMatching(/^[0-9]{7,10}$/),
  fc.stringMatching(/^[A-Z0-9]{2,6}(-[A-Z0-9]{1,8}){1,4}$/),
  fc.stringMatching(/^-{1,3}[0-9]{8}-{0,3}$/),
  fc.stringMatching(/^[0-9]{1,3}[.-][0-9]{8}$/),
  fc.stringMatching(/^[0-9]{8}[.-][0-9]{1,3}$/),
  fc.stringMatching(/^[0-9A-Z]{20,30}$/),
  // Host names: the 8 digits may be joined to a digit before them, or be longer.
  fc
    .tuple(
      fc.constantFrom('', '1.', '1-', 'a-', '-', 'x', '.'),
      fc.stringMatching(/^[0-9]{7,9}$/),
      fc.constantFrom(
        '.deployments.pbxact.com',
        '.deployments.',
        '.Deployments.x',
        '-1.deployments.x',
      ),
    )
    .map((parts) => parts.join('')),
);
const word = fc.constantFrom(
  'the',
  'is',
  'for',
  'our',
  'renewal',
  'x',
  'and',
  'or',
  '-',
  '.',
  '...',
);

/** A cue, what may stand after it, and a list of tokens. */
const cuedList = fc
  .tuple(cue, between, fc.array(fc.tuple(token, listJoint), { minLength: 1, maxLength: 6 }))
  .map(([c, b, items]) => [c, b, ...items.flat()]);

const piece = fc.oneof(
  { weight: 3, arbitrary: cuedList },
  { weight: 2, arbitrary: token.map((t) => [t]) },
  { weight: 2, arbitrary: fc.tuple(counterCue, between, token).map((t) => [...t]) },
  { weight: 2, arbitrary: fc.tuple(word, between).map((t) => [...t]) },
  { weight: 1, arbitrary: between.map((b) => [b]) },
  // Label cues inside the run: an element right after a sibling whose whole text is a cue.
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('Serial', 'Deployment ID:', 'S/N'), token)
      .map(([label, value]) => [' ', `<b>${label}`, ' ', `<span>${value}`, ' ']),
  },
);

/** The run's text as pieces, some glued together so that tokens and cues touch. */
const runPieces = fc
  .tuple(fc.array(piece, { minLength: 1, maxLength: 14 }), fc.boolean())
  .map(([groups, glue]) => {
    const flat = groups.flat();
    if (!glue) return flat;
    const glued: string[] = [];
    for (const p of flat) {
      const last = glued[glued.length - 1];
      if (last !== undefined && !last.startsWith('<') && !p.startsWith('<') && p.length < 4) {
        glued[glued.length - 1] = last + p;
      } else {
        glued.push(p);
      }
    }
    return glued;
  });

/** Generated cases take seconds on a loaded machine. */
const SLOW = 60_000;

describe('readRun', () => {
  test(
    'finds exactly what the whole-run detection finds, however small the windows',
    () => {
      fc.assert(
        fc.property(runPieces, fc.integer({ min: 1, max: 48 }), (pieces, windowChars) => {
          const run = onlyRun(blockOf(pieces));
          expect(stepped(run, windowChars).matches).toEqual(whole(run));
        }),
        { numRuns: 400 },
      );
    },
    SLOW,
  );

  test(
    'finds exactly what the whole-run detection finds when steps end after a few candidates',
    () => {
      fc.assert(
        fc.property(
          runPieces,
          fc.integer({ min: 1, max: 64 }),
          fc.integer({ min: 1, max: 4 }),
          (pieces, windowChars, maxCandidates) => {
            const run = onlyRun(blockOf(pieces));
            const { matches } = stepped(run, windowChars, undefined, maxCandidates);
            expect(matches).toEqual(whole(run));
          },
        ),
        { numRuns: 300 },
      );
    },
    SLOW,
  );

  test('takes a bounded number of candidates per step, however dense the window', () => {
    const items = Array.from({ length: 5_000 }, (_, i) => String(10_000_000 + i * 7));
    const run = onlyRun(blockOf([`Deployments ${items.join(',')} and more`]));
    // Windows of thousands of IDs: the candidate bound cuts each into steps.
    const { matches, steps, mostInOneStep } = stepped(run, 1 << 15, undefined, 100);
    expect(matches).toEqual(whole(run));
    expect(matches).toHaveLength(5_000);
    expect(steps).toBeGreaterThanOrEqual(50);
    expect(mostInOneStep).toBeLessThanOrEqual(101);
  });

  test(
    'with a limit, finds exactly the whole-run matches that end by it',
    () => {
      fc.assert(
        fc.property(
          runPieces,
          fc.integer({ min: 1, max: 32 }),
          fc.double({ min: 0, max: 1, noNaN: true }),
          (pieces, windowChars, at) => {
            const run = onlyRun(blockOf(pieces));
            const limit = Math.floor(at * run.text.length);
            const expected = whole(run).filter((m) => Number(m.split('-').pop()) <= limit);
            expect(stepped(run, windowChars, limit).matches).toEqual(expected);
          },
        ),
        { numRuns: 300 },
      );
    },
    SLOW,
  );

  test(
    'counts a list of 100,000 items after one cue whole, across many windows',
    () => {
      const items = Array.from({ length: 100_000 }, (_, i) => String(10_000_000 + i * 7));
      const run = onlyRun(blockOf([`Ticket 55512345. Deployments ${items.join(', ')} and more`]));
      const { matches, steps } = stepped(run, 1 << 14);
      expect(steps).toBeGreaterThan(50);
      expect(matches).toHaveLength(100_000);
      expect(matches).toEqual(whole(run));
    },
    SLOW,
  );

  test('keeps a counter-cue and a token whole across a cut', () => {
    const text = 'ticket 14181336, deployment 85922823, S/N VS0164AB-22 and ticket 1234567890123';
    const run = onlyRun(blockOf([text]));
    for (let windowChars = 1; windowChars <= text.length; windowChars++) {
      expect(stepped(run, windowChars).matches).toEqual([
        'deployment:85922823@28-36',
        'serial:VS0164AB-22@42-53',
      ]);
    }
  });

  test('reads a long run without a digit, or a short one, in steps of its own', () => {
    const run = untested(onlyRun(blockOf(['x'.repeat(100_000)])));
    expect(stepped(run, 1 << 14)).toMatchObject({ matches: [], steps: 7 });
    // The walker already told that this one holds no digit.
    expect(stepped(onlyRun(blockOf(['x'.repeat(100_000)])), 1 << 14).steps).toBe(1);
    const short = onlyRun(blockOf(['Deployment 14181336']));
    expect(stepped(short, 1 << 14)).toMatchObject({
      matches: ['deployment:14181336@11-19'],
      steps: 1,
    });
  });

  test('stops at its limit: an ID before it is found, the rest of the run is not read', () => {
    const run = onlyRun(
      blockOf([`Deployment 14181336 ${'9'.repeat(1_000_000)} deployment 85922823`]),
    );
    const { matches, steps } = stepped(run, 1 << 14, 25);
    expect(matches).toEqual(['deployment:14181336@11-19']);
    expect(steps).toBe(1);
  });
});
