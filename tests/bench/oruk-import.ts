// Open Referral UK import benchmark: a generated v3 feed of 20,000 services (2,000 groups, 5,000
// places, two schedules and two terms each) served from a local HTTP server, imported into a fresh
// database through the same code as `npm run oruk:import` (every page of /services, then each
// /services/{id}), then imported again unchanged. Prints time, services per second and peak RSS.
//
//   npm run bench:oruk:import [-- --services 20000 --concurrency 16]
//
// DATABASE_URL names any database on a server (the benchmark makes its own, lsth_oruk_bench_*, and
// drops it); unset, an embedded PostgreSQL is started (EMBEDDED_PG_PORT, EMBEDDED_PG_DIR).
// Target on these machines: under 120 s and under 500 MB. The feed is generated on request, so the
// server holds no records and the RSS is the import's.
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import pg from 'pg';
import { createDb } from '../../lib/db/client';
import { migrate } from '../../lib/db/migrate';
import { runOrukImport } from '../../lib/oruk/import';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const SERVICES = Number(arg('services', '20000'));
const HEAP_MB = Number(arg('heap-mb', '256'));

// V8 collects garbage lazily and lets the heap grow far past what the import keeps alive; as in
// tests/bench/import.ts, the benchmark runs itself under a heap limit (--heap-mb) so the peak RSS
// shows what the work needs. An app server or worker can be given the same limit (NODE_OPTIONS).
if (v8.getHeapStatistics().heap_size_limit > (HEAP_MB + 64) * 1024 * 1024 && !process.env.ORUK_BENCH_CHILD) {
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
    { stdio: 'inherit', env: { ...process.env, ORUK_BENCH_CHILD: '1' } },
  );
  process.exit(child.status ?? 1);
}
const CONCURRENCY = Number(arg('concurrency', '16'));
const PAGE = 100;
const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const uuid = (kind: number, i: number) => `${String(kind).padStart(8, '0')}-0000-4000-8000-${String(i).padStart(12, '0')}`;

function service(i: number) {
  const org = i % 2000;
  const place = i % 5000;
  return {
    id: uuid(1, i),
    name: `Activity ${i}: ${['Walk', 'Café', 'Craft club', 'Advice', 'Choir'][i % 5]}`,
    description: `A friendly session for anyone who would like to come along. Row ${i}.`,
    url: `https://group${org}.example.org/activity/${i}`,
    email: `activity${i}@bench.example.org`,
    status: 'active',
    fees: i % 3 === 0 ? '£2 a session' : 'Free',
    minimum_age: i % 3 === 0 ? 18 : undefined,
    assured_date: '2026-10-01',
    organization: {
      id: uuid(2, org),
      name: `Bench Group ${org}`,
      description: 'A community group',
      email: `group${org}@bench.example.org`,
      website: `https://group${org}.example.org`,
    },
    service_at_locations: [
      {
        id: uuid(3, i),
        location: {
          id: uuid(4, place),
          location_type: 'physical',
          name: `Hall ${place}`,
          latitude: 51.3 + (place % 100) / 500,
          longitude: -0.8 + (place % 97) / 500,
          addresses: [
            {
              id: uuid(5, place),
              address_1: `${place} High Street`,
              city: 'Eastbrook',
              postal_code: `EB${1 + (place % 9)} ${1 + (place % 9)}AB`,
              state_province: 'England',
              country: 'GB',
              address_type: 'physical',
            },
          ],
          accessibility: i % 2 ? [{ id: uuid(6, place), description: 'Wheelchair access and a hearing loop' }] : [],
        },
      },
    ],
    schedules: [
      {
        id: uuid(7, i),
        freq: 'WEEKLY',
        interval: 1 + (i % 2),
        byday: DAYS[i % 6],
        dtstart: '2026-11-02',
        opens_at: '10:00+00:00',
        closes_at: '12:00+00:00',
      },
      { id: uuid(8, i), freq: 'MONTHLY', byday: `${1 + (i % 4)}${DAYS[(i + 2) % 6]}`, opens_at: '19:00', closes_at: '21:00' },
    ],
    attributes: [0, 1].map((k) => ({
      id: uuid(9, i * 2 + k),
      taxonomy_term: {
        id: uuid(10, (i + k * 7) % 40),
        name: `Bench term ${(i + k * 7) % 40}`,
        description: 'A term',
        taxonomy: 'Bench vocabulary',
      },
    })),
  };
}

async function main() {
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const totalPages = Math.ceil(SERVICES / PAGE);
  let requests = 0;
  const server = createServer((req, res) => {
    requests++;
    const url = new URL(req.url ?? '/', 'http://bench');
    const send = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/') return send({ version: 'HSDS-UK-3.0', profile: 'UK', openapi_url: '' });
    if (url.pathname === '/services') {
      const page = Number(url.searchParams.get('page') ?? 1);
      const from = (page - 1) * PAGE;
      const ids = Array.from({ length: Math.max(0, Math.min(PAGE, SERVICES - from)) }, (_, k) => from + k);
      return send({
        total_items: SERVICES,
        total_pages: totalPages,
        page_number: page,
        size: PAGE,
        first_page: page === 1,
        last_page: page >= totalPages,
        empty: ids.length === 0,
        contents: ids.map((i) => ({ id: uuid(1, i), name: `Activity ${i}`, status: 'active' })),
      });
    }
    const m = /^\/services\/0{7}1-0000-4000-8000-(\d{12})$/.exec(url.pathname);
    if (m) return send(service(Number(m[1])));
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  let adminUrl = process.env.DATABASE_URL;
  let stopEmbedded = async () => {};
  if (!adminUrl) {
    const { startEmbeddedPostgres } = await import('../../lib/db/embedded');
    const pgServer = await startEmbeddedPostgres({
      dir: process.env.EMBEDDED_PG_DIR || '.data/postgres-bench',
      port: Number(process.env.EMBEDDED_PG_PORT || 5435),
    });
    adminUrl = pgServer.adminUrl('postgres');
    stopEmbedded = pgServer.stop;
  }
  const name = `lsth_oruk_bench_${Date.now().toString(36)}`;
  const dbUrl = new URL(adminUrl);
  dbUrl.pathname = `/${name}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const db = createDb(dbUrl.toString());
  try {
    await migrate(dbUrl.toString(), { log: () => {} });
    const taxonomy = await db.taxonomy.create({ data: { name: 'Bench needs', description: 'Needs themes' } });
    await db.taxonomyTerm.createMany({
      data: Array.from({ length: 10 }, (_, i) => ({ taxonomyId: taxonomy.id, code: `need-${i}`, name: `Need ${i}` })),
    });
    console.log(
      `${SERVICES.toLocaleString('en-GB')} services, ${CONCURRENCY} requests at once, heap limit ${mb(v8.getHeapStatistics().heap_size_limit)}`,
    );

    for (const label of ['First import', 'Again, unchanged']) {
      peak = process.memoryUsage().rss;
      requests = 0;
      const t0 = performance.now();
      const r = await runOrukImport(
        db,
        { kind: 'url', url: feedUrl },
        { feedName: 'Bench feed', apply: true, concurrency: CONCURRENCY },
      );
      const seconds = (performance.now() - t0) / 1000;
      if (!r.ok) throw new Error(`refused: ${r.failure ?? JSON.stringify(r.refused.slice(0, 3))}`);
      const c = r.counts!.services;
      console.log(
        `${label}: ${seconds.toFixed(1)} s, ${(SERVICES / seconds).toFixed(0)} services/s, peak RSS ${mb(peak)}, ${requests} requests; ` +
          `${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged`,
      );
    }
  } finally {
    clearInterval(sampler);
    await db.$disconnect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    server.close();
    await stopEmbedded();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
