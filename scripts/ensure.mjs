// Makes a fresh clone runnable: npm dependencies from the lockfile, and Debian's
// Chromium for the end-to-end tests and the demo. Plain Node, no dependencies, because
// it runs before node_modules exists.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';

export const CHROMIUM = '/usr/lib/chromium/chromium';

export function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function dependenciesCurrent() {
  const marker = 'node_modules/.package-lock.json';
  if (!existsSync(marker)) return false;
  // npm rewrites the hidden lockfile on every install; an older one means the
  // committed lockfile moved since the last install.
  return statSync(marker).mtimeMs >= statSync('package-lock.json').mtimeMs;
}

export function ensureDependencies() {
  if (dependenciesCurrent()) return;
  console.log('» Installing npm dependencies (npm ci)…');
  if (run('npm', ['ci', '--no-audit', '--no-fund']) !== 0) {
    console.error('npm ci failed: see the messages above.');
    process.exit(1);
  }
}

export function ensureChromium() {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  const command = 'apt-get update && apt-get install -y chromium';
  if (process.getuid?.() !== 0) {
    console.error(`Chromium is not installed. As root, run:\n\n  ${command}\n`);
    process.exit(1);
  }
  console.log("» Installing Debian's chromium…");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (run('sh', ['-c', command], { env }) !== 0 || !existsSync(CHROMIUM)) {
    console.error(`Could not install Chromium. Try by hand:\n\n  ${command}\n`);
    process.exit(1);
  }
  return CHROMIUM;
}

export function packageName() {
  return JSON.parse(readFileSync('package.json', 'utf8')).name;
}
