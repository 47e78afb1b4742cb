// `npm start`: database (embedded PostgreSQL unless DATABASE_URL is set), migrations, demo data,
// a production build when the code changed, then the server. Ctrl-C stops everything cleanly.
import { env } from '../lib/config';
import { resolveDatabase } from '../lib/db/resolve';
import { migrate } from '../lib/db/migrate';
import { createDb } from '../lib/db/client';
import { seedDemoIfEmpty } from '../prisma/seed/demo-if-empty';
import { accountsWithSeedPasswords, seedPasswordRefusal } from '../lib/ops/seed-passwords';
import { buildIfNeeded, startNext } from './lib';

const log = (m: string) => console.log(`[start] ${m}`);
async function main() {
  // Checked first: a bad setting stops here, every bad variable named at once.
  const port = env().PORT;
  // Decided here, from what the person configured: the server process always runs with
  // NODE_ENV=production, so it is told the answer rather than left to work it out.
  const demo = env().DEMO_MODE;
  log(demo ? 'Demo mode: demo accounts and the outbox are on (DEMO_MODE=false to turn it off).' : 'Live mode (not a demo).');
  // The embedded server (the quick start's database) is restarted if it dies while the app runs.
  const database = await resolveDatabase(undefined, { supervise: { notice: (m) => log(m) } });
  log(database.embedded ? 'Started the embedded PostgreSQL.' : 'Using DATABASE_URL.');
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await database.stop().catch((e) => console.error('[start] could not stop PostgreSQL cleanly:', e.message));
    process.exit(code);
  };
  try {
    const { applied, latest } = await migrate(database.url, { log });
    log(applied.length ? `Applied ${applied.length} migration(s); now at ${latest}.` : `Database is up to date (${latest}).`);
    const client = createDb(database.url);
    try {
      if (demo) {
        if (await seedDemoIfEmpty(client, log)) log('Loaded the demo borough.');
      } else {
        const exposed = await accountsWithSeedPasswords(client);
        if (exposed.length > 0) throw new Error(seedPasswordRefusal(exposed));
      }
    } finally {
      await client.$disconnect();
    }
    await buildIfNeeded(log);
  } catch (error) {
    console.error('[start] failed:', error instanceof Error ? error.message : error);
    return stop(1);
  }
  const server = startNext(port, { DATABASE_URL: database.url, PORT: String(port), DEMO_MODE: String(demo) });
  log(`Serving on http://localhost:${port}`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      server.kill(signal);
    });
  }
  server.on('exit', (code) => void stop(code ?? 0));
}

main().catch((error: unknown) => {
  console.error('[start] failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
