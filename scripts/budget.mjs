// Bundle budgets, read from the production Chrome build. Prints every figure, fails
// when one is over.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const OUT = '.output/chrome-mv3';
const KB = 1024;

function gzipSize(file) {
  return gzipSync(readFileSync(join(OUT, file)), { level: 9 }).length;
}

// The popup's JavaScript: every script and modulepreload its HTML names, and what those
// import statically (WXT/Vite emits shared chunks under chunks/).
function popupScripts() {
  const html = readFileSync(join(OUT, 'popup.html'), 'utf8');
  const seen = new Set();
  const queue = [...html.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => m[1]);
  while (queue.length) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(OUT, file), 'utf8');
    for (const m of code.matchAll(/(?:from|import)\s*["']\.{0,2}\/?([^"']+\.js)["']/g)) {
      const rel = m[1].startsWith('chunks/') ? m[1] : join('chunks', m[1]);
      if (existsSync(join(OUT, rel))) queue.push(rel);
    }
  }
  return [...seen];
}

const budgets = [
  // Room for paged reports, windowed run reading, storm pacing and held highlights; the
  // scanner's measurement counters are left out of this build (wxt.config.ts).
  { name: 'content script', files: ['content-scripts/content.js'], limit: 14 * KB },
  { name: 'popup JavaScript', files: popupScripts(), limit: 45 * KB },
];

let over = false;
for (const { name, files, limit } of budgets) {
  const missing = files.filter((f) => !existsSync(join(OUT, f)));
  if (missing.length) {
    console.error(`✖ ${name}: missing ${missing.join(', ')} (run npm run build first)`);
    over = true;
    continue;
  }
  const size = files.reduce((sum, f) => sum + gzipSize(f), 0);
  const ok = size <= limit;
  over ||= !ok;
  console.log(
    `${ok ? '✔' : '✖'} ${name}: ${(size / KB).toFixed(1)} kB gzip of ${(limit / KB).toFixed(0)} kB (${files.join(', ')})`,
  );
}
process.exit(over ? 1 : 0);
