// `npm run sandbox -- [--port N] [--data FILE] [--reset] [--seed-size N] [--today YYYY-MM-DD]
//   [--extension-origin ORIGIN]... [--enable-fault-injection]`

import { parseArgs } from 'node:util';
import { startSandbox } from './server';

const USAGE = `Usage: npm run sandbox -- [options]
  --port N                    port on 127.0.0.1 (default 8787; 0 = any free port)
  --data FILE                 SQLite data file (default .sandbox/portal.sqlite)
  --reset                     delete the data file and seed afresh
  --seed-size N               deployments in the reseller's tree when seeding (default 50)
  --today YYYY-MM-DD          pin the portal's date (default: this machine's local date)
  --extension-origin ORIGIN   allow cookie writes from this origin (repeatable),
                              e.g. chrome-extension://abcdefghijklmnopabcdefghijklmnop
  --enable-fault-injection    enable POST /__sandbox/faults (tests only)
  --help`;

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

function wholeNumber(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) fail(`${name} must be a whole number, got ${JSON.stringify(value)}`);
  return Number(value);
}

async function main(): Promise<void> {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse().values;
  } catch (error) {
    fail((error as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  for (const origin of values['extension-origin'] ?? []) {
    if (!/^(chrome-extension|moz-extension|safari-web-extension):\/\/[\w.-]+$/.test(origin)) {
      fail(`--extension-origin must look like chrome-extension://ID, got ${origin}`);
    }
  }
  const sandbox = await startSandbox({
    port: wholeNumber('--port', values.port) ?? 8787,
    dataFile: values.data ?? '.sandbox/portal.sqlite',
    reset: values.reset ?? false,
    today: values.today,
    seedSize: wholeNumber('--seed-size', values['seed-size']),
    faults: values['enable-fault-injection'] ?? false,
    extensionOrigins: values['extension-origin'] ?? [],
  }).catch((error: Error) => fail(error.message));

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    sandbox.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  console.log(`Sandbox partner portal: ${sandbox.url}`);
  console.log(
    `  portal date ${sandbox.today}; data seeded for ${sandbox.seededFor} with ${sandbox.seedSize} reseller deployments`,
  );
  if (sandbox.seededFor !== sandbox.today) {
    console.log('  (expiry dates are relative to the seed date; --reset to seed for today)');
  }
  for (const { email, password } of sandbox.signIns)
    console.log(`  sign in: ${email} / ${password}`);
  console.log(`  reseller access token: ${sandbox.token}`);
  if (values['enable-fault-injection']) console.log('  fault injection ON: POST /__sandbox/faults');
  console.log('Ctrl+C to stop.');
}

function parse() {
  return parseArgs({
    options: {
      port: { type: 'string' },
      data: { type: 'string' },
      reset: { type: 'boolean' },
      'seed-size': { type: 'string' },
      today: { type: 'string' },
      'extension-origin': { type: 'string', multiple: true },
      'enable-fault-injection': { type: 'boolean' },
      help: { type: 'boolean' },
    },
    strict: true,
    allowPositionals: false,
  });
}

void main();
