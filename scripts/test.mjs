// `npm test`: the whole suite, in the order that fails fastest. Each step streams its
// output; the last line sums up the test counts the runners reported.
import { spawn } from 'node:child_process';
import { ensureChromium, ensureDependencies } from './ensure.mjs';

ensureDependencies();
ensureChromium();

const steps = [
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['unit tests', 'npm', ['run', '--silent', 'test:unit']],
  ['build (chrome)', 'npm', ['run', '--silent', 'build']],
  ['build (firefox)', 'npm', ['run', '--silent', 'build:firefox']],
  ['web-ext lint', 'npm', ['run', '--silent', 'lint:firefox']],
  ['bundle budget', 'npm', ['run', '--silent', 'budget']],
  ['build (e2e)', 'npm', ['run', '--silent', 'build:e2e']],
  ['end-to-end tests', 'npm', ['run', '--silent', 'test:e2e']],
];

let passed = 0;
let failed = 0;

function runStep(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      out += chunk;
    });
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

// Vitest's summary line, e.g. "      Tests  41 passed | 1 failed (42)".
function countTests(out) {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: strips ANSI colour codes
  const plain = out.replace(/\x1b\[[0-9;]*m/g, '');
  const line = plain.split('\n').find((l) => /^\s*Tests\s+\d/.test(l));
  if (!line) return;
  passed += Number(line.match(/(\d+) passed/)?.[1] ?? 0);
  failed += Number(line.match(/(\d+) failed/)?.[1] ?? 0);
}

for (const [name, cmd, args] of steps) {
  console.log(`\n» ${name}`);
  const started = Date.now();
  const { code, out } = await runStep(cmd, args);
  countTests(out);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (code !== 0) {
    console.error(`\n✖ ${name} failed (exit ${code}, ${seconds} s)`);
    console.log(`tests: ${passed} passed, ${failed + (failed ? 0 : 1)} failed`);
    process.exit(1);
  }
  console.log(`✔ ${name} (${seconds} s)`);
}
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
