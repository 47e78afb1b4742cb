// `npm run seed` (tsx prisma/seed/cli.ts): loads the demo borough into DATABASE_URL (or the
// embedded PostgreSQL when it is not set), applying any pending migrations first.
//   --scale <n>   also loads n times the benchmark data (per unit: 20,000 services, 50 link
//                 workers in 5 teams, 100,000 cases with 80 open per worker and 60 waiting in
//                 each triage queue, and about a million referral events); prints timings and
//                 table sizes
//   --force       reload the scale data even if that scale is already recorded as loaded
import { resolveDatabase } from '../../lib/db/resolve';
import { migrate } from '../../lib/db/migrate';
import { createDb } from '../../lib/db/client';
import { seedDemo } from './demo';
import { seedScale, sizes } from './scale';

const log = (m: string) => console.log(`[seed] ${m}`);

function parseArgs(argv: string[]): { scale: number; force: boolean } {
  let scale = 0;
  let force = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--scale') scale = Number(argv[++i]);
    else if (a.startsWith('--scale=')) scale = Number(a.slice('--scale='.length));
    else if (a === '--force') force = true;
    else if (a === '--help' || a === '-h') {
      console.log('Usage: tsx prisma/seed/cli.ts [--scale <n>] [--force]');
      process.exit(0);
    } else throw new Error(`Unknown argument ${a}. Usage: tsx prisma/seed/cli.ts [--scale <n>] [--force]`);
  }
  if (!Number.isInteger(scale) || scale < 0) throw new Error('--scale takes a whole number, for example --scale 1');
  return { scale, force };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const database = await resolveDatabase();
  const db = createDb(database.url);
  try {
    await migrate(database.url, { log: (m) => log(m) });
    const demo = await seedDemo(db, { log });
    const inserted = Object.entries(demo.inserted).filter(([, v]) => v > 0);
    log(
      inserted.length
        ? `Demo rows added: ${inserted.map(([k, v]) => `${k} ${v}`).join(', ')}`
        : 'Demo already loaded: nothing to add',
    );
    if (args.scale > 0) {
      const scale = await seedScale(db, args.scale, { log, force: args.force });
      if (!scale.skipped) log(`Scale data: ${(scale.ms / 1000).toFixed(1)} s in total`);
    }
    const table = await sizes(db);
    const total = table.reduce((s, t) => s + t.bytes, 0);
    log('Table sizes (pg_total_relation_size):');
    for (const t of table.filter((x) => x.bytes > 64 * 1024))
      log(`  ${t.table.padEnd(22)} ${String(t.rows).padStart(9)} rows  ${mb(t.bytes).padStart(10)}`);
    log(`  total ${mb(total)}`);
    return 0;
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`[seed] ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
