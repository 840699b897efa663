// `npm run bench:probe -- floor detect walkRuns`: runs functions of bench/in-world.ts, each on
// a fresh, settled copy of a generated ticket page (in a renderer process of its own) in a
// fresh isolated world, alternating their order from one repetition to the next, and prints
// the best and the median of each with its ratio to the first one named. Figures move by tens
// of percent from one run to the next on a busy machine: a difference under ~10% needs 25 or
// more repetitions. The time is the main thread's CPU time around the call (CDP Performance
// metrics in thread ticks), so time the renderer spends waiting for a CPU does not count; a
// function's own `ms` is printed beside.
//
// BENCH_MB sets the page's size (MB of text, default 1), BENCH_REPS the repetitions (default 15).

import type { CDPSession } from 'playwright-core';
import { bundleInWorld, open, startBench, World } from './browser';
import { generateTicketPage } from './ticket-page';

const names = process.argv.slice(2);
const MB = Number(process.env.BENCH_MB ?? 1);
const REPS = Number(process.env.BENCH_REPS ?? 15);
if (names.length === 0) {
  console.error('usage: npm run bench:probe -- FUNCTION... (functions of bench/in-world.ts)');
  process.exit(2);
}

async function threadMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'ThreadTime')?.value ?? Number.NaN) * 1000;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;

const bench = await startBench();
const url = bench.serve('ticket.html', generateTicketPage(MB * 1_000_000, MB).html);
try {
  const bundle = await bundleInWorld();
  const cpu = new Map<string, number[]>(names.map((name) => [name, []]));
  const own = new Map<string, number[]>(names.map((name) => [name, []]));
  const last = new Map<string, unknown>();
  for (let rep = 0; rep < REPS; rep++) {
    for (const name of rep % 2 ? [...names].reverse() : names) {
      const { cdp, close } = await open(bench.browser, url);
      await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
      const world = await World.create(cdp, bundle);
      const before = await threadMs(cdp);
      const result = await world.call<unknown>(name);
      cpu.get(name)?.push((await threadMs(cdp)) - before);
      const ms = (result as { ms?: unknown } | null)?.ms;
      if (typeof ms === 'number') own.get(name)?.push(ms);
      last.set(name, result);
      await close();
    }
    process.stderr.write(`  repetition ${rep + 1} of ${REPS}\n`);
  }
  const first = median(cpu.get(names[0] ?? '') ?? []);
  console.log(`\n${MB} MB page, ${REPS} repetitions, main-thread CPU ms (the function's own ms)\n`);
  for (const name of names) {
    const times = cpu.get(name) ?? [];
    const owns = own.get(name) ?? [];
    const ownText = owns.length ? ` (${median(owns).toFixed(1)})` : '';
    console.log(
      `${name.padEnd(20)} best ${Math.min(...times)
        .toFixed(1)
        .padStart(7)}  median ${median(times)
        .toFixed(1)
        .padStart(7)}${ownText}  ×${(median(times) / first).toFixed(2)} of ${names[0]}`,
    );
  }
  for (const [name, result] of last) console.log(`${name}: ${JSON.stringify(result)}`);
} finally {
  await bench.close();
}
