// Bulk import benchmark: a generated CSV of 20,000 listings (2,000 groups, 5,000 places) imported
// into a fresh database through the same code as the admin's upload (streamed check, then one
// transaction), then imported again unchanged, then exported. Prints time and peak memory.
//
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npx tsx --conditions=react-server tests/bench/import.ts [--rows 20000]
//
// DATABASE_URL names any database on the server: the benchmark makes its own (lsth_import_bench_*)
// and drops it afterwards. Target on these machines: under 60 s and under 500 MB.
//
// V8 collects garbage lazily: left to itself it lets the heap grow far past what the import keeps
// alive. The benchmark runs itself with a 256 MB heap limit (override with --heap-mb) so the peak
// shows what the work needs; an app server can be given the same limit (NODE_OPTIONS).
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import pg from 'pg';
import { createDb } from '../../lib/db/client';
import { migrate } from '../../lib/db/migrate';
import { csvRow } from '../../lib/csv/write';
import { COLUMN_NAMES } from '../../lib/import/format';
import { exportCsv, runImport } from '../../lib/import';
import type { SessionUser } from '../../lib/auth/types';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const ROWS = Number(arg('rows', '20000'));
const HEAP_MB = Number(arg('heap-mb', '256'));

// Run again under the heap limit unless already there.
if (v8.getHeapStatistics().heap_size_limit > (HEAP_MB + 64) * 1024 * 1024 && !process.env.IMPORT_BENCH_CHILD) {
  const child = spawnSync(
    process.execPath,
    [
      `--max-old-space-size=${HEAP_MB}`,
      '--conditions=react-server',
      '--import',
      'tsx',
      fileURLToPath(import.meta.url),
      ...process.argv.slice(2),
    ],
    {
      stdio: 'inherit',
      env: { ...process.env, IMPORT_BENCH_CHILD: '1' },
    },
  );
  process.exit(child.status ?? 1);
}
const NEEDS = [
  'loneliness',
  'mental-wellbeing',
  'physical-activity',
  'money',
  'housing',
  'carers',
  'food',
  'learning',
  'volunteering',
  'long-term-conditions',
  'bereavement',
  'families',
  'older-people',
  'disability',
];
const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

let peak = 0;
let heapPeak = 0;
const sampler = setInterval(() => {
  const m = process.memoryUsage();
  peak = Math.max(peak, m.rss);
  heapPeak = Math.max(heapPeak, m.heapUsed + m.external + m.arrayBuffers);
}, 20);

function postcodeFor(i: number): string {
  return `EB${1 + (i % 9)} ${1 + (i % 9)}${'ABDEFGHJLNPQRSTUWXYZ'[i % 20]}${'ABDEFGHJLNPQRSTUWXYZ'[(i * 7) % 20]}`;
}

function scheduleFor(i: number): string {
  const d = DAYS[i % DAYS.length];
  switch (i % 5) {
    case 0:
      return `WEEKLY;BYDAY=${d} 10:00-12:00`;
    case 1:
      return `WEEKLY;INTERVAL=2;BYDAY=${d};START=2026-11-0${2 + (i % 6)} 14:00-16:00`;
    case 2:
      return `MONTHLY;BYDAY=${1 + (i % 4)}${d} 19:00-21:00`;
    case 3:
      return `WEEKLY;BYDAY=MO,WE 09:30-11:00 | 2026-12-${String(10 + (i % 15)).padStart(2, '0')} 10:00-13:00 Christmas session`;
    default:
      return `MONTHLY;BYMONTHDAY=${1 + (i % 28)} 13:00-15:00`;
  }
}

async function writeCsv(file: string): Promise<void> {
  const out = createWriteStream(file);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write(csvRow(COLUMN_NAMES));
  for (let i = 0; i < ROWS; i++) {
    const org = i % 2000;
    const place = i % 5000;
    const row: Record<string, string> = {
      service_id: `BENCH-S-${i}`,
      organisation_id: `BENCH-O-${org}`,
      organisation_name: `Bench Group ${org}`,
      organisation_email: `group${org}@bench.example.org`,
      organisation_phone: '01632 960 000',
      organisation_website: `www.group${org}.example.org`,
      organisation_charity_number: String(1000000 + org),
      name: `Activity ${i}: ${['Walk', 'Café', 'Craft club', 'Advice', 'Choir'][i % 5]}`,
      description: `A friendly session for anyone who would like to come along.\nTea and biscuits. Row ${i}.`,
      needs: `${NEEDS[i % NEEDS.length]};${NEEDS[(i + 3) % NEEDS.length]}`,
      min_age: i % 3 === 0 ? '18' : '',
      max_age: '',
      eligibility: i % 4 === 0 ? 'Carers and the people they look after' : '',
      free: i % 3 === 0 ? 'no' : 'yes',
      cost: i % 3 === 0 ? '£2 a session' : '',
      languages: i % 7 === 0 ? 'English;Polish' : 'English',
      delivery: i % 10 === 0 ? 'online' : 'in_person',
      access: 'self_refer;drop_in',
      contact_name: 'Sam',
      email: `activity${i}@bench.example.org`,
      phone: '',
      website: '',
      status: 'active',
      capacity: ['open', 'waiting_list', 'full'][i % 3],
      spaces: i % 3 === 0 ? '5' : '',
      notice: '',
      location_id: i % 10 === 0 ? '' : `BENCH-P-${place}`,
      location_name: i % 10 === 0 ? '' : `Hall ${place}`,
      address_1: i % 10 === 0 ? '' : `${place} High Street`,
      address_2: '',
      town: i % 10 === 0 ? '' : 'Eastbrook',
      postcode: i % 10 === 0 ? '' : postcodeFor(place),
      latitude: '',
      longitude: '',
      accessibility: i % 2 ? 'step_free;hearing_loop' : '',
      schedules: scheduleFor(i),
      last_checked: '2026-10-01',
    };
    await write(csvRow(COLUMN_NAMES.map((c) => row[c])));
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

async function main() {
  console.log(`Heap limit ${mb(v8.getHeapStatistics().heap_size_limit)}; ${ROWS.toLocaleString('en-GB')} rows`);
  const adminUrl = process.env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';
  const name = `lsth_import_bench_${Date.now().toString(36)}`;
  const dbUrl = new URL(adminUrl);
  dbUrl.pathname = `/${name}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const dir = await mkdtemp(path.join(tmpdir(), 'import-bench-'));
  const file = path.join(dir, 'listings.csv');
  const db = createDb(dbUrl.toString());
  try {
    await migrate(dbUrl.toString());
    const taxonomy = await db.taxonomy.create({ data: { name: 'Bench needs', description: 'Needs themes' } });
    await db.taxonomyTerm.createMany({
      data: NEEDS.map((code, i) => ({ taxonomyId: taxonomy.id, code, name: code, sortOrder: i })),
    });
    await db.postcode.createMany({
      data: [...new Set(Array.from({ length: 5000 }, (_, i) => postcodeFor(i)))].map((postcode, i) => ({
        postcode,
        district: postcode.split(' ')[0],
        latitude: 51.3 + (i % 100) / 500,
        longitude: -0.8 + (i % 97) / 500,
      })),
    });
    const u = await db.user.create({
      data: { email: 'bench-admin@example.org', name: 'Bench Admin', passwordHash: 'x', role: 'admin' },
    });
    const actor: SessionUser = { id: u.id, name: u.name, email: u.email, role: 'admin', teamId: null, organisationIds: [] };

    let t0 = performance.now();
    await writeCsv(file);
    const size = (await stat(file)).size;
    console.log(
      `Generated ${ROWS.toLocaleString('en-GB')} rows (${mb(size)}) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    const baseline = process.memoryUsage().rss;
    peak = baseline;
    t0 = performance.now();
    const first = await runImport(db, createReadStream(file), actor, 'import');
    const firstSeconds = (performance.now() - t0) / 1000;
    if (!first.ok) throw new Error(`import refused: ${JSON.stringify(first.errors.slice(0, 5))}`);
    const firstPeak = peak;

    peak = process.memoryUsage().rss;
    t0 = performance.now();
    const again = await runImport(db, createReadStream(file), actor, 'import');
    const againSeconds = (performance.now() - t0) / 1000;
    const againPeak = peak;

    peak = process.memoryUsage().rss;
    t0 = performance.now();
    let bytes = 0;
    for await (const chunk of exportCsv(db)) bytes += chunk.length;
    const exportSeconds = (performance.now() - t0) / 1000;

    const counts = {
      services: await db.service.count(),
      organisations: await db.organisation.count(),
      locations: await db.location.count(),
      schedules: await db.schedule.count(),
      versions: await db.serviceVersion.count(),
    };
    console.log('');
    console.log(`| step | time | peak RSS (process) |`);
    console.log(`|---|---|---|`);
    console.log(
      `| import ${ROWS.toLocaleString('en-GB')} new rows (check + one transaction) | ${firstSeconds.toFixed(1)} s | ${mb(firstPeak)} |`,
    );
    console.log(`| import the same file again (no changes) | ${againSeconds.toFixed(1)} s | ${mb(againPeak)} |`);
    console.log(`| export (${mb(bytes)}) | ${exportSeconds.toFixed(1)} s | ${mb(peak)} |`);
    console.log('');
    console.log(
      `RSS before the first import: ${mb(baseline)}; maxRSS reported by the OS: ${mb(process.resourceUsage().maxRSS * 1024)}; peak JavaScript heap in use: ${mb(heapPeak)}`,
    );
    console.log(`Rows written: ${JSON.stringify(counts)}`);
    if (first.mode === 'import') console.log(`First import: ${JSON.stringify(first.summary)}`);
    if (again.ok && again.mode === 'import') console.log(`Second import: ${JSON.stringify(again.summary)}`);
    const ok = firstSeconds < 60 && firstPeak < 500 * 1024 * 1024;
    console.log(`Target (under 60 s and 500 MB for ${ROWS.toLocaleString('en-GB')} rows): ${ok ? 'met' : 'NOT met'}`);
  } finally {
    clearInterval(sampler);
    await db.$disconnect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
