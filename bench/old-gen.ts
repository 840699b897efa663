// `npm run bench:oldgen`: how much the scout's sliced first scan of a generated ticket page
// puts into V8's old generation, live objects and garbage together, on fresh copies.
//
// A major collection on a page this size marks the whole DOM, in steps on the main thread.
// Started ahead of V8's old-generation limit, it runs from a task of its own in short steps;
// a scan that reaches the limit itself starts marking inside one of its slices and makes long
// tasks (bench/gc.ts shows which way each run went; bench/README.md has the figures). Here
// major collections are held off (a large initial old space) so the fill can be read whole:
// the heap in use after a scavenge, before and after the scan.
//
// BENCH_MB sets the page's size (MB of text, default 20), BENCH_RUNS the runs (default 2).

import { bundleInWorld, open, startBench, World } from './browser';
import { generateTicketPage } from './ticket-page';

const MB = Number(process.env.BENCH_MB ?? 20);
const RUNS = Number(process.env.BENCH_RUNS ?? 2);
const mb = (bytes: number) => (bytes / 1e6).toFixed(2);

const bench = await startBench({ jsFlags: '--expose-gc --initial-old-space-size=400' });
const url = bench.serve('ticket.html', generateTicketPage(MB * 1_000_000, MB).html);
try {
  const bundle = await bundleInWorld();
  console.log(`${MB} MB page: old generation filled by the sliced scan (live + garbage)\n`);
  for (let run = 1; run <= RUNS; run++) {
    for (const paint of [true, false]) {
      const copy = await open(bench.browser, url);
      const world = await World.create(copy.cdp, bundle);
      const inUse = async () => (await copy.cdp.send('Runtime.getHeapUsage')).usedSize;
      // What the page's load left alive, then the young generation emptied: the rest is old.
      await copy.cdp.send('HeapProfiler.collectGarbage');
      await world.evaluate(`gc({ type: 'minor' })`);
      const before = await inUse();
      const scan = await world.call<{ ms: number; distinct: number }>('slicedScan', false, paint);
      await world.evaluate(`gc({ type: 'minor' })`);
      const filled = (await inUse()) - before;
      await copy.cdp.send('HeapProfiler.collectGarbage');
      const kept = (await inUse()) - before;
      await copy.close();
      console.log(
        `run ${run}, ${paint ? 'painting' : 'not painting'}: ${mb(filled)} MB filled, ${mb(kept)} MB kept after a full collection (page's own ${mb(before)} MB; scan ${scan.ms.toFixed(0)} ms, ${scan.distinct} identifiers)`,
      );
    }
  }
} finally {
  await bench.close();
}
