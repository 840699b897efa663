// `npm run bench:hostile`: the real extension on large and hostile pages (bench/hostile-pages.ts)
// in headless Chromium, the way a user meets them: per page, how soon the popup answers, whether
// its count is right, the scanner's longest step, the longest frame the extension caused, and
// the page's own timer with and without the extension in the same browser. A benchmark that
// prints a table, not a test: a page on which the popup never settles is a result ("cut off").
//
// Knobs: BENCH_EXTENSION=DIR (a built e2e extension; by default .output/chrome-mv3-e2e, built
// first), BENCH_PAGES=name,name (default all, see HOSTILE_PAGES), BENCH_TIMEOUT_S (per page,
// default 90), BENCH_STORM_S (storm length, default 10), BENCH_BASELINE_S (how long the page
// without the extension is watched, default 5), BENCH_TRACE=0 (no trace of the page's main
// thread: no figures for the extension's own tasks and frames).

import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { HOSTILE_PAGES, type HostilePage } from './hostile-pages';
import { type HostileSession, type PageRuns, runPage, startHostileSession } from './hostile-run';

const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_S ?? 90) * 1000;
const BASELINE_MS = Number(process.env.BENCH_BASELINE_S ?? 5) * 1000;
const TRACE = process.env.BENCH_TRACE !== '0';
const PAGES = (process.env.BENCH_PAGES ?? Object.keys(HOSTILE_PAGES).join(','))
  .split(',')
  .map((name) => name.trim())
  .filter(Boolean);

const progress = (what: string) =>
  process.stderr.write(`  ${new Date().toISOString().slice(11, 19)} ${what}\n`);

function extensionDir(): string {
  if (process.env.BENCH_EXTENSION) return resolve(process.env.BENCH_EXTENSION);
  // Built every time, so the figures are those of the code in this tree.
  progress('building the e2e extension');
  execFileSync('npm', ['run', '--silent', 'build:e2e'], { stdio: ['ignore', 'ignore', 'inherit'] });
  return resolve('.output/chrome-mv3-e2e');
}

interface Row extends Partial<PageRuns> {
  page: HostilePage;
  /** Set when a run failed or hung past its hard limit instead of giving figures. */
  failure?: string;
}

/** A run that does not come back long after its own time limit has hung the browser's tab. */
function withHardLimit<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work.finally(() => clearTimeout(timer)),
    new Promise<T>((_, fail) => {
      timer = setTimeout(() => fail(new Error(`${what} did not come back in ${ms / 1000} s`)), ms);
    }),
  ]);
}

async function measure(session: HostileSession, name: string): Promise<Row> {
  const build = HOSTILE_PAGES[name];
  if (!build) throw new Error(`no page ${name}; pages: ${Object.keys(HOSTILE_PAGES).join(', ')}`);
  // Named as BENCH_PAGES names it, whatever size the generator puts in its own name.
  const page = { ...build(), name };
  const row: Row = { page };
  const hardMs = TIMEOUT_MS + 180_000;
  try {
    const runs = await runPage(
      session,
      page,
      { baselineMs: BASELINE_MS, timeoutMs: TIMEOUT_MS, trace: TRACE },
      (what, run) => {
        progress(`${name}: ${what}`);
        return withHardLimit(run(), hardMs, `the page ${what}`);
      },
    );
    Object.assign(row, runs);
  } catch (error) {
    row.failure = error instanceof Error ? error.message.split('\n')[0] : String(error);
  }
  return row;
}

const ms = (n: number | null | undefined) =>
  n === null || n === undefined || Number.isNaN(n)
    ? '–'
    : n === Number.POSITIVE_INFINITY
      ? '> 10 s'
      : n >= 100
        ? n.toFixed(0)
        : n.toFixed(1);
const longest = (values: number[]) => (values.length ? Math.max(...values) : 0);
const n = (value: number) => value.toLocaleString('en');

/** What the popup showed against what the page holds. */
function shownCell({ page, run }: Row): string {
  if (!run) return '–';
  const { popup } = run;
  const want = page.expected.distinct;
  const flags = `${popup.truncated ? ', truncated' : ''}${run.cutOff ? ', cut off' : ''}`;
  if (popup.count === null) {
    const what = popup.emptyState ? 'empty state' : popup.notices.join('; ') || 'nothing';
    return `✗ ${what} / ${n(want)}${flags}`;
  }
  const missing = page.expected.mustFind.length - popup.listed.length;
  const ok =
    (popup.count === want || (popup.firstOf !== null && popup.firstOf === popup.count)) &&
    !run.cutOff;
  const part = popup.firstOf !== null ? ` (first ${n(popup.firstOf)} of more)` : '';
  const unlisted = missing > 0 ? `, ${missing} must-find not listed` : '';
  return `${ok ? '✓' : '✗'} ${n(popup.count)}${part} / ${n(want)}${flags}${unlisted}`;
}

function print(rows: Row[], version: string): void {
  const columns: [string, (r: Row) => string][] = [
    ['page', (r) => r.page.name],
    [
      'first answer (ms)',
      (r) => {
        if (!r.run) return '–';
        const first = r.run.popup.answers.reduce<{ kind: string; ms: number } | undefined>(
          (a, b) => (a && a.ms <= b.ms ? a : b),
          undefined,
        );
        if (!first) return 'none';
        // A first answer that is not the count (an empty state before the first report
        // arrives) is a wrong answer on show: the count's own time follows it.
        const count = r.run.popup.answers.find((a) => a.kind === 'count');
        const then = count && count !== first ? `, count ${ms(count.ms)}` : '';
        return `${ms(first.ms)} ${first.kind}${then}`;
      },
    ],
    [
      'settled (s)',
      (r) =>
        !r.run
          ? '–'
          : r.run.cutOff
            ? `cut off at ${TIMEOUT_MS / 1000}`
            : ((r.run.settledMs ?? 0) / 1000).toFixed(1),
    ],
    ['shown / expected', shownCell],
    [
      'scanner step (ms)',
      (r) =>
        !r.run
          ? '–'
          : r.run.scanner
            ? ms(Math.max(r.run.scanner.longestSliceMs, r.run.scanner.longestBatchMs))
            : 'unreadable',
    ],
    [
      'ext. task / frame (ms)',
      (r) =>
        !r.run
          ? '–'
          : r.run.trace
            ? `${ms(r.run.trace.longestTaskMs)} / ${ms(r.run.trace.longestFrameMs)}`
            : 'not traced',
    ],
    [
      'longest frame with / without (ms)',
      (r) =>
        `${r.run ? ms(longest(r.run.probe.longFrames.map((f) => f.duration))) : '–'} / ${
          r.baseline ? ms(longest(r.baseline.probe.longFrames.map((f) => f.duration))) : '–'
        }`,
    ],
    [
      'timer gap with / without (ms)',
      (r) => `${ms(r.run?.probe.longestGapMs)} / ${ms(r.baseline?.probe.longestGapMs)}`,
    ],
    [
      'storm: page CPU with / without (ms), backlog (ms)',
      (r) =>
        r.page.stormSeconds && r.run && r.baseline
          ? `${ms(r.run.taskMs)} / ${ms(r.baseline.taskMs)} (+${(
              (r.run.taskMs / r.baseline.taskMs - 1) * 100
            ).toFixed(0)}%), ${ms(r.run.backlogMs)}`
          : '',
    ],
  ];
  const cells = [
    columns.map(([label]) => label),
    ...rows.map((row) =>
      row.failure && !row.run
        ? [row.page.name, `failed: ${row.failure}`]
        : columns.map(([, cell]) => cell(row)),
    ),
  ];
  const widths = columns.map((_, i) => Math.max(...cells.map((c) => (c[i] ?? '').length)));
  console.log(
    `\nRenewal Scout on hostile pages — Chromium ${version}, ${new Date().toISOString().slice(0, 16)} UTC, per-page limit ${TIMEOUT_MS / 1000} s; popup signed out (no portal)\n`,
  );
  for (const c of cells) console.log(c.map((v, i) => v.padEnd(widths[i] ?? 0)).join('  '));
  console.log(
    '\nfirst answer: ms after the popup page started until it first showed a count, the empty ' +
      'state or a notice.\nscanner step: the longest slice or mutation batch the content ' +
      "script's scanner timed, read from its isolated world through CDP.\next. task / frame: from " +
      "a trace of the page's main thread, the longest task that ran the content script, and the " +
      'longest animation frame holding one (its style, layout and paint included).\n' +
      'without: the same page in a tab of the same browser where the popup never opened.',
  );
  for (const row of rows) {
    const scanner = row.run?.scanner;
    const notes = [
      row.failure,
      scanner &&
        `the scanner found ${n(scanner.distinct)} distinct, read ${n(scanner.charsRead)} characters in ${n(scanner.slices)} slices and ${n(scanner.mutationBatches)} change batches${scanner.truncated ? ', truncated' : ''}${scanner.firstScanDone ? '' : ', first scan not done'}`,
      ...(row.run?.popup.notices.map((title) => `popup notice "${title}"`) ?? []),
    ].filter(Boolean);
    if (notes.length) console.log(`${row.page.name}: ${notes.join('; ')}`);
  }
}

async function main(): Promise<void> {
  const dir = extensionDir();
  const session = await startHostileSession(dir);
  try {
    const version = session.ext.context.browser()?.version() ?? 'unknown';
    const rows: Row[] = [];
    for (const name of PAGES) {
      rows.push(await measure(session, name));
      // The table so far after every page: the big ones take minutes.
      print(rows, version);
    }
  } finally {
    await session.close();
  }
}

await main();
