// Open Referral UK API benchmark: a crawler walking the whole directory through
// /api/oruk/services?full_service=true&per_page=50, beside the same pages' database work timed
// directly, so the cost of mapping and HTTP shows as a ratio. The target: a 20,000-service
// directory walked in under 60 s.
//
//   DATABASE_URL=... npx tsx --conditions=react-server tests/bench/oruk.ts --url http://localhost:3000 [--grow-to 20000]
//     [--per-page 50] [--grow-only]
//
// The server must be a production build (`next build && next start`) on the same DATABASE_URL, with
// ORUK_RATE_LIMIT_PER_MINUTE above the pages a minute the walk makes (the default, 1200, is).
// --grow-to grows the directory as tests/bench/search.ts does (bench databases only).
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { createDb, type Tx } from '../../lib/db/client';
import { config } from '../../lib/config';
import { loadServices, noFilters, serviceIds } from '../../lib/oruk/publish/load';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const options = {
  url: arg('url', process.env.BENCH_URL ?? 'http://localhost:3000').replace(/\/$/, ''),
  growTo: Number(arg('grow-to', '0')),
  perPage: Number(arg('per-page', '50')),
  growOnly: process.argv.includes('--grow-only'),
};

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

type Walk = { pages: number; services: number; bytes: number; ms: number; etag: string | null };

/** Every page, one after another, as a crawler would. */
async function walkApi(): Promise<Walk> {
  const started = performance.now();
  let bytes = 0;
  let services = 0;
  let etag: string | null = null;
  for (let page = 1; ; page++) {
    const res = await fetch(`${options.url}/api/oruk/services?full_service=true&per_page=${options.perPage}&page=${page}`);
    if (!res.ok) throw new Error(`Page ${page} answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
    const text = await res.text();
    bytes += Buffer.byteLength(text);
    const body = JSON.parse(text) as { contents: unknown[]; last_page: boolean };
    services += body.contents.length;
    if (page === 1) etag = res.headers.get('etag');
    if (body.last_page) return { pages: page, services, bytes, ms: performance.now() - started, etag };
  }
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('Set DATABASE_URL to the database the server uses.');
  if (options.growTo > 0) {
    // The search benchmark owns the growing (the same copies, the same "bench" database guard).
    const grown = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--conditions=react-server',
        'tests/bench/search.ts',
        '--grow-to',
        String(options.growTo),
        '--grow-only',
      ],
      { stdio: 'inherit', env: process.env },
    );
    if (grown.status !== 0) throw new Error('Growing the directory failed');
    if (options.growOnly) return;
  }
  let queries = 0;
  // Every query counted, to show a page costs the same few whatever its size (no query per service).
  const counted = createDb(url).$extends({
    query: {
      async $allOperations({ args, query }) {
        queries++;
        return query(args);
      },
    },
  });
  // The extended client answers the same calls; its type lacks only the logging hooks.
  const db = counted as unknown as Tx & { $disconnect(): Promise<void> };
  try {
    const probe = await fetch(`${options.url}/api/oruk/`).catch((e: Error) => e);
    if (probe instanceof Error || !probe.ok) {
      throw new Error(
        `The server at ${options.url} did not answer /api/oruk/: ${probe instanceof Error ? probe.message : probe.status}`,
      );
    }
    const total = await db.service.count({ where: { published: true } });
    console.log(
      `\nOpen Referral UK API benchmark: ${total} published listings, server ${options.url}, load average ${loadavg()[0].toFixed(1)}\n`,
    );

    // The database work of the same pages, directly: the page's ids, then its nested tables.
    const rules = { now: new Date(), hideAfterMonths: config.freshness.hideAfterMonths };
    const sqlStart = performance.now();
    let sqlPages = 0;
    let perPageQueries: number[] = [];
    for (let page = 1; ; page++) {
      const before = queries;
      const found = await serviceIds(db, rules, noFilters, page, options.perPage);
      await loadServices(db, found.ids);
      perPageQueries.push(queries - before);
      sqlPages = page;
      if (page * options.perPage >= found.total) break;
    }
    const sqlMs = performance.now() - sqlStart;
    perPageQueries = [...new Set(perPageQueries)];

    console.log('Walking the API (a warm-up walk first, then the timed one)...');
    await walkApi();
    const walk = await walkApi();

    const repeatStart = performance.now();
    const repeat = await fetch(`${options.url}/api/oruk/services?full_service=true&per_page=${options.perPage}&page=1`, {
      headers: walk.etag ? { 'If-None-Match': walk.etag } : {},
    });
    const repeatMs = performance.now() - repeatStart;

    console.log(`\nServices walked:        ${walk.services} in ${walk.pages} pages of ${options.perPage}`);
    console.log(`Total time:             ${seconds(walk.ms)} (target for 20,000 services: under 60 s)`);
    console.log(`Pages a second:         ${(walk.pages / (walk.ms / 1000)).toFixed(1)}`);
    console.log(`Services a second:      ${(walk.services / (walk.ms / 1000)).toFixed(0)}`);
    console.log(
      `Bytes:                  ${(walk.bytes / 1_048_576).toFixed(1)} MiB (${(walk.bytes / walk.services / 1024).toFixed(1)} KiB a service)`,
    );
    console.log(`Database work alone:    ${seconds(sqlMs)} for ${sqlPages} pages, ${perPageQueries.join(' or ')} queries a page`);
    console.log(`API time / database:    ${(walk.ms / sqlMs).toFixed(1)}x`);
    console.log(`Repeat with If-None-Match: ${repeat.status} in ${repeatMs.toFixed(0)} ms`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
