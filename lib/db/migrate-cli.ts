// `npm run migrate`: applies pending migrations to DATABASE_URL, or to the embedded PostgreSQL
// when DATABASE_URL is not set (started for the run and stopped after).
import { resolveDatabase } from './resolve';
import { migrate } from './migrate';

const log = (msg: string) => console.log(`[migrate] ${msg}`);

async function main(): Promise<number> {
  const database = await resolveDatabase();
  try {
    const { applied, latest } = await migrate(database.url, { log });
    log(applied.length ? `Applied ${applied.length}; now at ${latest}` : `Up to date at ${latest ?? '(no migrations)'}`);
    return 0;
  } catch (err) {
    console.error(`[migrate] ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  } finally {
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`[migrate] ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
