// The registry polices its own shape: every rule file is registered and has its own tests.

import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { RULES } from './index';

const here = dirname(fileURLToPath(import.meta.url));
const files = readdirSync(here);
const ruleFiles = files.filter(
  (file) =>
    file.endsWith('.ts') && !file.endsWith('.test.ts') && !['index.ts', 'rule.ts'].includes(file),
);

describe('rule registry', () => {
  test('registers every rule file once, under its file name', () => {
    expect(RULES.map((rule) => `${rule.name}.ts`).sort()).toEqual([...ruleFiles].sort());
    expect(new Set(RULES).size).toBe(RULES.length);
  });

  test('has a test file beside every rule', () => {
    for (const file of ruleFiles) {
      expect(files, file).toContain(file.replace(/\.ts$/, '.test.ts'));
    }
  });
});
