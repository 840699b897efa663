// `npx tsx bench/highlight-sheet.ts [VARIANT...]`: what adopting a stylesheet costs a
// generated ticket page, per shape of the rule in it. Each variant runs on a fresh, settled
// copy (a renderer process of its own), alternating the order from one repetition to the
// next, and prints per repetition the frame after the adoption (beyond an idle frame, wall
// clock) and the main thread's CPU time around it (CDP thread ticks; a loaded machine
// lengthens the first far more than the second). `ordinary` holds no highlight rule: the
// floor. BENCH_MB sets the page's size (MB of text, default 1), BENCH_REPS the repetitions.

import { open, startBench } from './browser';
import { rendered } from './rendered';
import { generateTicketPage } from './ticket-page';

const MB = Number(process.env.BENCH_MB ?? 1);
const REPS = Number(process.env.BENCH_REPS ?? 3);
const colours = '{background-color:#ffd54f;color:#111}';
const rule = (selector: string) => `${selector}::highlight(rs-probe)${colours}`;

const VARIANTS: Record<string, string> = {
  ordinary: '.rs-nothing{color:red}',
  universal: rule(''),
  root: rule(':root'),
  html: rule('html'),
  body: rule('body'),
  /** Rules whose subject matches no element of the page. */
  idNone: rule('#rs-none'),
  classNone: rule('.rs-none'),
  /** Rules whose subject is one tag: few elements (th) or many (p). */
  tagTh: rule('th'),
  tagP: rule('p'),
  /** Every tag the ticket's identifiers sit in. */
  tagsText: ['p', 'td', 'b', 'span'].map(rule).join('\n'),
  layer: `@layer rs{${rule('')}}`,
  scopeMain: `@scope (#ticket){${rule('')}}`,
};

const names = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(VARIANTS);
for (const name of names) {
  if (!(name in VARIANTS))
    throw new Error(`no variant ${name}: ${Object.keys(VARIANTS).join(' ')}`);
}

// Evaluated in the page as a string: the page gets the functions' text, nothing bundled.
const ADOPT = `async (css) => {
  const rendered = ${rendered};
  await rendered();
  const idle = Math.min(await rendered(), await rendered());
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  const started = performance.now();
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  const adopted = performance.now() - started + (await rendered());
  return { frameMs: adopted - idle, elements: document.getElementsByTagName('*').length };
}`;

const bench = await startBench();
const url = bench.serve('ticket.html', generateTicketPage(MB * 1_000_000, MB).html);
const frames = new Map<string, number[]>(names.map((name) => [name, []]));
const cpu = new Map<string, number[]>(names.map((name) => [name, []]));
let elements = 0;
try {
  for (let rep = 0; rep < REPS; rep++) {
    for (const name of rep % 2 ? [...names].reverse() : names) {
      const { page, cdp, close } = await open(bench.browser, url);
      await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
      const threadMs = async () =>
        ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')
          ?.value ?? Number.NaN) * 1000;
      const before = await threadMs();
      const result = await page.evaluate<{ frameMs: number; elements: number }>(
        `(${ADOPT})(${JSON.stringify(VARIANTS[name])})`,
      );
      cpu.get(name)?.push((await threadMs()) - before);
      frames.get(name)?.push(result.frameMs);
      elements = result.elements;
      await close();
    }
    process.stderr.write(`  repetition ${rep + 1} of ${REPS}\n`);
  }
  const list = (values: number[] = []) => values.map((v) => v.toFixed(0).padStart(5)).join('');
  console.log(`\n${MB} MB page, ${elements} elements; ms per repetition\n`);
  for (const name of names) {
    console.log(`${name.padEnd(11)} frame${list(frames.get(name))}   cpu${list(cpu.get(name))}`);
  }
} finally {
  await bench.close();
}
