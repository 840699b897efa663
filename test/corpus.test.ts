// @vitest-environment node
// Scores the detect CLI against the shared labelled corpus (../shared/corpus): fails below
// precision 0.97 or recall 0.95 and prints the figures. The spec is the contract; nothing
// here or in the detector knows about any particular page.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const corpus = resolve(root, '../shared/corpus');

describe('identifier corpus', { timeout: 180_000 }, () => {
  test('scores at least precision 0.97 and recall 0.95', () => {
    expect(existsSync(resolve(corpus, 'score.mjs')), `corpus not found at ${corpus}`).toBe(true);
    const run = spawnSync(
      process.execPath,
      [
        resolve(corpus, 'score.mjs'),
        '--corpus',
        corpus,
        '--cmd',
        'npm run --silent detect --',
        '--min-p',
        '0.97',
        '--min-r',
        '0.95',
        '--verbose',
      ],
      { cwd: root, encoding: 'utf8', timeout: 120_000 },
    );
    const lines = run.stdout.trim().split('\n');
    const summary = lines[lines.length - 1] ?? '';
    console.log(run.stdout.trim());
    if (run.stderr.trim()) console.error(run.stderr.trim());
    const figures = /P=([\d.]+) R=([\d.]+) F1=([\d.]+)/.exec(summary);
    expect(figures, `no summary line in:\n${run.stdout}\n${run.stderr}`).not.toBeNull();
    const [, precision, recall] = figures ?? [];
    expect(Number(precision)).toBeGreaterThanOrEqual(0.97);
    expect(Number(recall)).toBeGreaterThanOrEqual(0.95);
    expect(run.status).toBe(0);
  }, 120_000);
});
