// Directory search benchmark: the /services page under load (autocannon) beside the same search
// SQL timed directly against the database, so the app's overhead shows as a ratio.
//
//   DATABASE_URL=... npx tsx --conditions=react-server tests/bench/search.ts --url http://localhost:3000 [--grow-to 20000]
//     [--duration 20] [--connections 50] [--rate 20] [--sql-iterations 400] [--grow-only]
//
// The server must be a production build (`next build && next start`) using the same DATABASE_URL.
// --grow-to copies the existing listings (jittered over a county-sized area) until there are that
// many services; it refuses unless the database name contains "bench", so it never touches real data.
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createDb, type Db } from '../../lib/db/client';
import { runSearch, toSearchQuery } from '../../lib/directory/directory';
import { buildSearchSql } from '../../lib/directory/search';
import { parseSearchParams, toQueryString } from '../../lib/directory/search-params';
import { LocalGeocoder } from '../../lib/geo/geocoder';
import { resolvePlace } from '../../lib/geo/place';

type LatencyHistogram = { p50: number; p90: number; p97_5: number; p99: number; average: number; max: number };
type AutocannonResult = {
  latency: LatencyHistogram;
  requests: { average: number; total: number };
  throughput: { average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
};
type AutocannonInstance = Promise<AutocannonResult> & {
  on(event: 'response', fn: (client: unknown, status: number, bytes: number, ms: number) => void): void;
};
type Autocannon = (opts: Record<string, unknown>) => AutocannonInstance;

const require = createRequire(import.meta.url);
const autocannon = require('autocannon') as Autocannon;

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const options = {
  url: arg('url', process.env.BENCH_URL ?? 'http://localhost:3000').replace(/\/$/, ''),
  growTo: Number(arg('grow-to', '0')),
  duration: Number(arg('duration', '20')),
  connections: Number(arg('connections', '50')),
  rate: Number(arg('rate', '20')),
  sqlIterations: Number(arg('sql-iterations', '400')),
  growOnly: process.argv.includes('--grow-only'),
};

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx];
}

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  return {
    n: s.length,
    p50: percentile(s, 50),
    p95: percentile(s, 95),
    p99: percentile(s, 99),
    mean: s.reduce((a, b) => a + b, 0) / (s.length || 1),
  };
}

const f = (ms: number) => (Number.isFinite(ms) ? ms.toFixed(1).padStart(7) : '    n/a');

/** A mix of searches people make: words, a need, a place and distance, filters, and browsing a place on the map. */
async function searchMix(db: Db): Promise<string[]> {
  const postcodes = (await db.postcode.findMany({ select: { postcode: true }, take: 400, orderBy: { postcode: 'asc' } })).map(
    (p) => p.postcode,
  );
  const districts = [...new Set(postcodes.map((p) => p.split(' ')[0]))];
  const terms = await db.taxonomyTerm.findMany({ select: { code: true, synonyms: true } });
  if (postcodes.length === 0 || terms.length === 0)
    throw new Error('The database has no postcodes or needs themes: load the demo seed first.');
  const words = [
    'lonely',
    'walking',
    'dementia carers',
    'debt advice',
    'lunch club',
    'exercise',
    'bereavement',
    'food bank',
    'lonliness',
    'dementa',
    'cafe',
    'yoga for beginners',
    "men's shed",
    'benefits help',
    'singing',
  ];
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const mix: string[] = [];
  for (let i = 0; i < 200; i++) {
    const kind = i % 5;
    const p = { ...parseSearchParams({}).params };
    if (kind === 0) Object.assign(p, { q: pick(words), place: pick(postcodes), radius: pick([2, 5]) });
    if (kind === 1)
      Object.assign(p, {
        q: pick(words),
        place: pick(postcodes),
        radius: 5,
        free: true,
        days: [pick(['tuesday', 'wednesday', 'saturday'] as const)],
      });
    if (kind === 2)
      Object.assign(p, {
        needs: [pick(terms).code],
        place: pick(districts),
        radius: pick([1, 2, 5, 10]),
        selfRefer: rand() < 0.5,
      });
    if (kind === 3)
      Object.assign(p, { q: pick(words), times: [pick(['morning', 'afternoon', 'evening'] as const)], hasSpace: rand() < 0.5 });
    if (kind === 4) Object.assign(p, { place: pick(postcodes) }); // browsing the map around a place
    if (rand() < 0.1) p.page = 2;
    mix.push(`/services${toQueryString(p)}`);
  }
  return mix;
}

/** Copies listings until there are `target` services. Bench databases only. */
async function grow(db: Db, url: string, target: number): Promise<void> {
  const name = new URL(url).pathname.replace(/^\//, '');
  if (!/bench/i.test(name))
    throw new Error(`--grow-to only runs on a database whose name contains "bench" (this one is "${name}")`);
  const current = await db.service.count();
  if (current >= target) return;
  const started = performance.now();
  const cols = async (table: string) =>
    (
      await db.$queryRawUnsafe<Array<{ column_name: string }>>(
        `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND column_name <> 'searchVector' ORDER BY ordinal_position`,
        table,
      )
    ).map((r) => r.column_name);
  // The listings to copy are the ones there before the first copy, remembered in a table of the bench database.
  await db.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS bench_original_services AS SELECT id FROM "Service"`);
  await db.$executeRawUnsafe(
    `CREATE TABLE IF NOT EXISTS bench_original_locations AS SELECT DISTINCT "locationId" AS id FROM "ServiceAtLocation" WHERE "serviceId" IN (SELECT id FROM bench_original_services)`,
  );
  const originals = Number(
    (await db.$queryRawUnsafe<Array<{ n: bigint }>>(`SELECT count(*) AS n FROM bench_original_services`))[0].n,
  );
  const done = Math.round(current / originals) - 1;
  const copies = Math.ceil(target / originals) - 1;
  console.log(
    `Growing ${current} services to about ${originals * (copies + 1)} (copies ${done + 1} to ${copies}, spread over a county)...`,
  );
  const tables = {
    Location: await cols('Location'),
    Service: await cols('Service'),
    ServiceAtLocation: await cols('ServiceAtLocation'),
    Schedule: await cols('Schedule'),
  };
  const list = (xs: string[]) => xs.map((x) => `"${x}"`).join(', ');
  for (let c = done + 1; c <= copies; c++) {
    const id = (col: string) => `md5(${col}::text || ':${c}')::uuid`;
    // Spread each copy over a county: up to about 28 km north or south and 24 km east or west.
    const jitter = (col: string, salt: string, scale: number) =>
      `("${col}" + (('x' || substr(md5(id::text || '${salt}${c}'), 1, 8))::bit(32)::int / 2147483648.0) * ${scale})`;
    const pick = (xs: string[], over: Record<string, string>) => xs.map((x) => over[x] ?? `"${x}"`).join(', ');
    await db.$transaction([
      db.$executeRawUnsafe(
        `INSERT INTO "Location" (${list(tables.Location)}) SELECT ${pick(tables.Location, { id: id('id'), externalId: 'NULL', latitude: jitter('latitude', 'lat', 0.25), longitude: jitter('longitude', 'lng', 0.35) })}
           FROM "Location" WHERE id IN (SELECT id FROM bench_original_locations) ON CONFLICT DO NOTHING`,
      ),
      db.$executeRawUnsafe(
        `INSERT INTO "Service" (${list(tables.Service)}) SELECT ${pick(tables.Service, { id: id('id'), externalId: 'NULL' })}
           FROM "Service" WHERE id IN (SELECT id FROM bench_original_services) ON CONFLICT DO NOTHING`,
      ),
      db.$executeRawUnsafe(
        `INSERT INTO "ServiceAtLocation" (${list(tables.ServiceAtLocation)}) SELECT ${pick(tables.ServiceAtLocation, { id: id('"id"'), serviceId: id('"serviceId"'), locationId: id('"locationId"') })}
           FROM "ServiceAtLocation" WHERE "serviceId" IN (SELECT id FROM bench_original_services) ON CONFLICT DO NOTHING`,
      ),
      db.$executeRawUnsafe(
        `INSERT INTO "Schedule" (${list(tables.Schedule)}) SELECT ${pick(tables.Schedule, {
          id: id('"id"'),
          serviceId: id('"serviceId"'),
          serviceAtLocationId: `CASE WHEN "serviceAtLocationId" IS NULL THEN NULL ELSE ${id('"serviceAtLocationId"')} END`,
        })} FROM "Schedule" WHERE "serviceId" IN (SELECT id FROM bench_original_services) ON CONFLICT DO NOTHING`,
      ),
      db.$executeRawUnsafe(
        `INSERT INTO "ServiceTaxonomy" ("serviceId", "termId") SELECT ${id('"serviceId"')}, "termId"
           FROM "ServiceTaxonomy" WHERE "serviceId" IN (SELECT id FROM bench_original_services) ON CONFLICT DO NOTHING`,
      ),
    ]);
    process.stdout.write(`  copy ${c} of ${copies}\r`);
  }
  // Fresh statistics and a visibility map, as autovacuum would leave them on a live database.
  await db.$executeRawUnsafe('VACUUM ANALYZE');
  console.log(
    `Now ${await db.service.count()} services, ${await db.location.count()} locations (${((performance.now() - started) / 1000).toFixed(0)} s).`,
  );
}

async function timeSql(db: Db, mix: string[], iterations: number) {
  const geocoder = new LocalGeocoder(db);
  const prepared = [];
  for (const path of mix) {
    const { params } = parseSearchParams(new URLSearchParams(path.split('?')[1] ?? ''));
    const resolved = params.place ? await resolvePlace(db, params.place, geocoder) : null;
    const place = resolved && resolved.ok ? resolved.place : null;
    prepared.push({ params, place });
  }
  // Warm the plan cache and the buffer cache the same way the server's first requests do.
  for (const p of prepared.slice(0, 20)) await db.$queryRaw(buildSearchSql(toSearchQuery(p.params, p.place, new Date())));
  const sql: number[] = [];
  const whole: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const p = prepared[i % prepared.length];
    const t0 = performance.now();
    await db.$queryRaw(buildSearchSql(toSearchQuery(p.params, p.place, new Date())));
    sql.push(performance.now() - t0);
    const t1 = performance.now();
    await runSearch(db, p.params, {}, { log: false, suggest: false, geocoder });
    whole.push(performance.now() - t1);
  }
  return { sql: stats(sql), whole: stats(whole) };
}

async function load(mix: string[], opts: { connections: number; duration: number; rate?: number }) {
  let i = 0;
  const samples: number[] = [];
  const instance = autocannon({
    url: options.url,
    connections: opts.connections,
    duration: opts.duration,
    ...(opts.rate ? { overallRate: opts.rate } : {}),
    requests: [{ method: 'GET', setupRequest: (req: Record<string, unknown>) => ({ ...req, path: mix[i++ % mix.length] }) }],
  });
  instance.on('response', (_c, _status, _bytes, ms) => samples.push(ms));
  const result = await instance;
  return { result, own: stats(samples) };
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('Set DATABASE_URL to the database the server uses.');
  const db = createDb(url);
  try {
    if (options.growTo > 0) await grow(db, url, options.growTo);
    if (options.growOnly) return;
    const services = await db.service.count({ where: { published: true } });
    const mix = await searchMix(db);
    const probe = await fetch(`${options.url}${mix[0]}`).catch((e: Error) => e);
    if (probe instanceof Error || !probe.ok)
      throw new Error(
        `The server at ${options.url} did not answer ${mix[0]}: ${probe instanceof Error ? probe.message : probe.status}`,
      );

    console.log(
      `\nDirectory search benchmark: ${services} published services, ${mix.length} different searches, server ${options.url}\n`,
    );
    console.log(
      `Timing the search SQL directly (one connection, no HTTP, no rendering; load average ${loadavg()[0].toFixed(1)})...`,
    );
    const direct = await timeSql(db, mix, options.sqlIterations);

    console.log(`Warming the server, then ${options.duration} s with one client at a time (no queueing)...`);
    await load(mix, { connections: 5, duration: 5 });
    const single = await load(mix, { connections: 1, duration: options.duration });
    console.log(`Then ${options.duration} s at ${options.rate} requests a second (open loop)...`);
    const open = await load(mix, { connections: 10, duration: options.duration, rate: options.rate });
    console.log(
      `Then ${options.duration} s with ${options.connections} clients that each wait for their reply (closed loop, saturation)...`,
    );
    const closed = await load(mix, { connections: options.connections, duration: options.duration });

    const row = (name: string, s: { p50: number; p95: number; p99: number }, extra = '') =>
      console.log(`${name.padEnd(44)}${f(s.p50)}${f(s.p95)}${f(s.p99)}   ${extra}`);
    console.log(`\n${''.padEnd(44)}    p50    p95    p99   (milliseconds)`);
    row('Search SQL alone', direct.sql);
    row("All the page's queries (place, SQL, cards)", direct.whole);
    row('HTTP, one client at a time', single.own, `${single.result.requests.average.toFixed(1)} req/s`);
    row(
      `HTTP, ${options.rate} req/s open loop`,
      open.own,
      `${open.result.requests.average.toFixed(1)} req/s, ${open.result.non2xx} non-2xx, ${open.result.errors} errors`,
    );
    row(
      `HTTP, ${options.connections} clients closed loop`,
      closed.own,
      `${closed.result.requests.average.toFixed(1)} req/s, ${closed.result.non2xx} non-2xx, ${closed.result.errors} errors`,
    );
    const ratio = single.own.p50 / direct.sql.p50;
    const overhead = single.own.p50 - direct.sql.p50;
    console.log(`\nThroughput at saturation: ${closed.result.requests.average.toFixed(1)} requests a second.`);
    console.log(
      `App time / raw SQL at p50 (one client): ${ratio.toFixed(1)}x (${overhead.toFixed(1)} ms of database look-ups, rendering and HTTP on top of ${direct.sql.p50.toFixed(1)} ms of SQL).`,
    );
    console.log(
      `p95 target 200 ms: open loop ${open.own.p95 <= 200 ? 'met' : 'missed'} (${open.own.p95.toFixed(0)} ms); with ${options.connections} clients ${closed.own.p95 <= 200 ? 'met' : 'missed'} (${closed.own.p95.toFixed(0)} ms).`,
    );
    console.log(
      `Load average at the end: ${loadavg()
        .map((x) => x.toFixed(1))
        .join(', ')} on ${cpus().length} cores (other work on the machine inflates every figure).`,
    );
    console.log(
      `With ${options.connections} waiting clients, latency is mostly queueing: ${options.connections} / ${closed.result.requests.average.toFixed(1)} req/s = ${((options.connections / closed.result.requests.average) * 1000).toFixed(0)} ms.`,
    );
  } finally {
    await db.$disconnect();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
