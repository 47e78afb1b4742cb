// `npm run oruk:import -- <feed base URL | folder of JSON files | JSON file | zip of ORUK CSV>`
// Takes in another directory's Open Referral UK feed (v3 or v1) into DATABASE_URL, or the embedded
// PostgreSQL `npm start` uses when it is not set, applying pending migrations first.
//   --dry-run          check and count everything, write nothing
//   --name <name>      the feed's name here (default: the URL's host, or the file's name)
//   --limit <n>        read at most n services (nothing is then marked as gone from the feed)
//   --concurrency <n>  service requests at once (default 8)
//   --timeout <s>      seconds to wait for each request (default 30)
// Exits 1 when the feed is refused (every refused record is listed with its errors) or unreadable.
import { migrate } from '../lib/db/migrate';
import { createDb } from '../lib/db/client';
import { resolveDatabase } from '../lib/db/resolve';
import { recordRun, runOrukImport, sourceFrom, type OrukImportResult } from '../lib/oruk/import';

const USAGE =
  'Usage: npm run oruk:import -- <feed URL | folder | file.json | file.zip> [--dry-run] [--name <name>] [--limit <n>] [--concurrency <n>] [--timeout <s>]';

type Args = { input: string; dryRun: boolean; name?: string; limit?: number; concurrency?: number; timeoutMs?: number };

function parseArgs(argv: string[]): Args {
  const out: Partial<Args> = { dryRun: false };
  const whole = (flag: string, v: string | undefined) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} takes a whole number of 1 or more. ${USAGE}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--dry-run') out.dryRun = true;
    else if (a === '--name') out.name = argv[++i];
    else if (a === '--limit') out.limit = whole(a, argv[++i]);
    else if (a === '--concurrency') out.concurrency = whole(a, argv[++i]);
    else if (a === '--timeout') out.timeoutMs = whole(a, argv[++i]) * 1000;
    else if (a === '--help' || a === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else if (a.startsWith('--')) throw new Error(`Unknown option ${a}. ${USAGE}`);
    else if (out.input) throw new Error(`Give one feed at a time. ${USAGE}`);
    else out.input = a;
  }
  if (!out.input) throw new Error(USAGE);
  return out as Args;
}

function report(r: OrukImportResult, dryRun: boolean): string[] {
  const lines: string[] = [];
  lines.push(`Feed "${r.feed}" (${r.version ?? 'unknown version'}): ${r.read} services read in ${r.seconds.toFixed(1)} s`);
  if (r.failure) lines.push(`Could not import: ${r.failure}`);
  if (r.refused.length) {
    lines.push(`Refused ${r.refused.length} of ${r.read} services, so nothing was written:`);
    for (const x of r.refused) {
      lines.push(`  ${x.id}`);
      for (const e of x.errors) lines.push(`    - ${e}`);
    }
  }
  if (r.counts) {
    const c = r.counts;
    lines.push(dryRun ? 'Dry run: nothing was written. It would have:' : 'Imported:');
    lines.push(
      `  listings: ${c.services.created} created, ${c.services.updated} updated, ${c.services.unchanged} left alone, ${c.services.adopted} adopted (left alone), ${c.services.vanished} no longer in the feed (unpublished)`,
    );
    lines.push(
      `  groups:   ${c.organisations.created} created, ${c.organisations.updated} updated, ${c.organisations.unchanged} left alone`,
    );
    lines.push(`  places:   ${c.locations.created} created, ${c.locations.updated} updated, ${c.locations.unchanged} left alone`);
    lines.push('  refused:  0');
  }
  if (r.unmapped.length) {
    lines.push(`Terms not mapped to a need yet (map them on the admin screen, Open Referral feeds):`);
    for (const u of r.unmapped.slice(0, 50))
      lines.push(`  ${u.vocabulary ? `${u.vocabulary}: ` : ''}${u.label} (${u.services} listings)`);
  }
  if (r.warnings.length) {
    lines.push('Not carried over:');
    for (const w of r.warnings.slice(0, 50)) lines.push(`  ${w.id}: ${w.message}`);
  }
  return lines;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const source = await sourceFrom(args.input);
  const database = await resolveDatabase();
  const db = createDb(database.url);
  try {
    await migrate(database.url, { log: () => {} });
    const startedAt = new Date();
    const result = await runOrukImport(db, source, {
      apply: !args.dryRun,
      feedName: args.name,
      limit: args.limit,
      concurrency: args.concurrency,
      timeoutMs: args.timeoutMs,
    });
    await recordRun(db, result, !args.dryRun, startedAt, null);
    for (const line of report(result, args.dryRun)) console.log(line);
    return result.ok ? 0 : 1;
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`[oruk:import] ${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  },
);
