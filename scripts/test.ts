// `npm test`: the whole suite. Unit tests and integration tests (Vitest's two projects, the
// second on a real PostgreSQL), then a production build served on a freshly seeded database for
// the browser tests (Playwright in Debian's Chromium, axe on every page). `npm run test:e2e` runs
// only the browser tests. Without DATABASE_URL an embedded PostgreSQL is used. (`test:unit` and
// `test:integration` call Vitest directly: see vitest.config.ts.)
import { existsSync } from 'node:fs';
import { resolveDatabase } from '../lib/db/resolve';
import { migrate } from '../lib/db/migrate';
import { createDb } from '../lib/db/client';
import { seedDemo } from '../prisma/seed/demo';
import { startTestProvider } from '../tests/helpers/oidc-provider';
import { buildIfNeeded, root, run, startNext, stopNext, waitForHealthy } from './lib';
import pg from 'pg';

const log = (m: string) => console.log(`[test] ${m}`);
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const only = process.argv[2]; // "e2e" (browser only); default everything
const extra = process.argv.slice(3); // passed on to vitest or Playwright, e.g. one spec file

async function ensureChromium() {
  if (existsSync(chromium)) return;
  if (process.getuid?.() === 0) {
    log('Installing Debian chromium for the browser tests...');
    await run('apt-get', ['update', '-qq']);
    await run('apt-get', ['install', '-y', '-qq', 'chromium'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    return;
  }
  throw new Error(`Chromium is missing at ${chromium}. Install it with: sudo apt-get install -y chromium`);
}

/** A throwaway database for the browser tests, cloned from nothing: migrated and seeded. */
async function freshE2eDatabase(adminUrl: string): Promise<string> {
  const name = 'cc_e2e';
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await migrate(url.toString());
  const client = createDb(url.toString());
  try {
    await seedDemo(client);
  } finally {
    await client.$disconnect();
  }
  return url.toString();
}

async function main() {
  // Tests get their own embedded server so they can run while `npm start` is serving the demo.
  process.env.EMBEDDED_PG_DIR ??= '.data/postgres-test';
  process.env.EMBEDDED_PG_PORT ??= '5434';
  const database = await resolveDatabase('postgres');
  let failed = false;
  try {
    const env = { ...process.env, DATABASE_URL: database.url, NEXT_TELEMETRY_DISABLED: '1' };
    if (only !== 'e2e') {
      log('Unit and integration tests (Vitest)');
      await run(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...extra], { env, cwd: root });
    }
    await ensureChromium();
    await buildIfNeeded(log);
    const url = await freshE2eDatabase(database.url);
    const port = Number(process.env.E2E_PORT || 3100);
    // A real OpenID Connect provider for tests/e2e/oidc.spec.ts, on a free port.
    const idp = await startTestProvider({ redirectUris: [`http://localhost:${port}/sign-in/oidc/callback`] });
    // Every browser test comes from one address: lift the per-address limits on sign-in failures and public forms.
    const server = startNext(port, {
      DATABASE_URL: url,
      PORT: String(port),
      DEMO_MODE: 'true',
      // Accounts the tests create sign in in one step; tests/e2e/two-step.spec.ts sets up an app.
      TWO_STEP_REQUIRED: 'false',
      APP_BASE_URL: `http://localhost:${port}`,
      REFERRAL_RATE_PER_HOUR: '1000',
      SIGN_IN_ADDRESS_FREE_FAILURES: '1000',
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: idp.clientId,
      OIDC_CLIENT_SECRET: idp.clientSecret,
      OIDC_ALLOW_HTTP: 'true',
    });
    try {
      await waitForHealthy(`http://localhost:${port}`);
      log('Browser tests');
      await run(process.execPath, ['node_modules/@playwright/test/cli.js', 'test', ...extra], {
        // The tests read the seeded database too: its dates follow the day it was seeded.
        env: { ...env, E2E_BASE_URL: `http://localhost:${port}`, E2E_DATABASE_URL: url, CHROMIUM_PATH: chromium },
      });
    } finally {
      await stopNext(server);
      await idp.close();
    }
  } catch (error) {
    failed = true;
    console.error('[test] failed:', error instanceof Error ? error.message : error);
  } finally {
    await database.stop();
  }
  process.exit(failed ? 1 : 0);
}

void main();
