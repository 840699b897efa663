// `npm run bench:gc`: the scout's sliced first scan of a generated ticket page, traced, on
// fresh copies (each in a renderer process of its own). Prints, per run, the long tasks seen
// and the garbage collections on the page's main thread: scavenges, major GCs, and why a
// major GC started (V8's old-generation limit and what was in use when it was reached).
// On large pages the long tasks left are garbage collection, not the scan's own slices; this
// is the probe that tells them apart.
//
// BENCH_MB sets the page's size (MB of text, default 20), BENCH_RUNS the runs (default 3),
// BENCH_PAINT=0 scans without painting.

import { bundleInWorld, longTasks, open, startBench, World } from './browser';
import { generateTicketPage } from './ticket-page';
import { type TraceEvent, traceEvents } from './trace-events';

const MB = Number(process.env.BENCH_MB ?? 20);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const PAINT = process.env.BENCH_PAINT !== '0';

const ms = (us: number | undefined) => (us ?? 0) / 1000;

function summary(name: string, events: TraceEvent[]): string {
  const pauses = events.filter((e) => e.name === name).map((e) => ms(e.dur));
  if (pauses.length === 0) return `${name} none`;
  const total = pauses.reduce((a, b) => a + b, 0);
  return `${name} ×${pauses.length}, longest ${Math.max(...pauses).toFixed(1)} ms, total ${total.toFixed(0)} ms`;
}

const bench = await startBench();
const { browser } = bench;
const url = bench.serve('ticket.html', generateTicketPage(MB * 1_000_000, MB).html);
try {
  const bundle = await bundleInWorld();
  console.log(`${MB} MB page, sliced scan ${PAINT ? 'painting' : 'without painting'}\n`);
  for (let run = 1; run <= RUNS; run++) {
    const copy = await open(browser, url);
    const world = await World.create(copy.cdp, bundle);
    await browser.startTracing(copy.page, {
      categories: ['devtools.timeline', 'v8', 'disabled-by-default-v8.gc'],
    });
    const scan = await world.call<{ ms: number; slices: number; longestSliceMs: number }>(
      'slicedScan',
      false,
      PAINT,
    );
    // A task held back by the scan ends after it.
    await copy.page.waitForTimeout(1000);
    const events = traceEvents(await browser.stopTracing());
    const tasks = (await longTasks(copy.page)).map((t) => Math.round(t));
    await copy.close();
    const thread = events.find(
      (e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
    );
    const main = events.filter(
      (e) => thread && e.pid === thread.pid && e.tid === thread.tid && e.ph === 'X',
    );
    const starts = main
      .filter((e) => e.name === 'V8.GCIncrementalMarkingStart')
      .map((e) => {
        const v = e.args?.value ?? {};
        const mb = (key: string) => (Number(v[key]) / 1e6).toFixed(1);
        return `${v.gc_reason} (old generation ${mb('old_gen_consumed_bytes')} of ${mb('old_gen_allocation_limit')} MB)`;
      });
    console.log(
      `run ${run}: scan ${scan.ms.toFixed(0)} ms in ${scan.slices} slices, longest slice ${scan.longestSliceMs.toFixed(0)} ms; long tasks: ${tasks.join(', ') || 'none'}`,
    );
    console.log(`  ${summary('MinorGC', main)}; ${summary('MajorGC', main)}`);
    if (starts.length) console.log(`  major GC started by: ${starts.join('; ')}`);
    // Where the longest major GC's pause went: its phases of 2 ms or more, longest first.
    const major = main
      .filter((e) => e.name === 'MajorGC')
      .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))[0];
    if (major) {
      const end = major.ts + (major.dur ?? 0);
      const phases = main
        .filter(
          (e) =>
            e.name.startsWith('V8.GC_MC_') &&
            e.ts >= major.ts &&
            e.ts < end &&
            (e.dur ?? 0) >= 2000,
        )
        .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
        .slice(0, 6)
        .map((e) => `${e.name.slice('V8.GC_MC_'.length)} ${ms(e.dur).toFixed(1)}`);
      console.log(`  longest major GC's phases (ms): ${phases.join(', ') || 'none over 2 ms'}`);
    }
  }
} finally {
  await bench.close();
}
