// Reports benchmark: server time per report page (p95 over 20 requests, after warm-up requests so
// cold caches are excluded), beside the same section built straight from the database (the SQL
// and suppression without Next.js), so the app's overhead shows.
//
//   DATABASE_URL=... npx tsx --conditions=react-server tests/bench/reports.ts [--url http://localhost:3000] [--requests 20]
//     [--warmup 2] [--no-server] [--refresh] [--email commissioner@demo.example]
//
// Load the large data set first (`npm run seed -- --scale 1`: about a million referral events),
// and serve a production build (`next build && next start`) on the same DATABASE_URL. Without
// --no-server the page timings need that server; --refresh rebuilds the summary data first and
// prints how long that took. Target: every section's p95 at most 1,000 ms.
import { performance } from 'node:perf_hooks';
import { signInAs } from '../../lib/auth/sign-in-as';
import { createDb, type Db } from '../../lib/db/client';
import { demoAccounts } from '../../lib/demo/accounts';
import { buildSection, SECTION_SLUGS, type SectionSlug } from '../../lib/reports';
import { refreshReportFacts } from '../../lib/reports/facts';
import { parseReportQuery } from '../../lib/reports/filter';
import { overviewFigures } from '../../lib/reports/sections/overview';
import { reportsDatabaseUrl } from '../../lib/reports/db';
import { listWards } from '../../lib/reports/sql/wards';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

const commissioner = demoAccounts.find((a) => a.role === 'commissioner')!;
const options = {
  url: arg('url', process.env.BENCH_URL ?? 'http://localhost:3000').replace(/\/$/, ''),
  requests: Number(arg('requests', '20')),
  warmup: Number(arg('warmup', '2')),
  server: !flag('no-server'),
  refresh: flag('refresh'),
  email: arg('email', commissioner.email),
};

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx];
}
function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), max: s[s.length - 1] ?? NaN };
}
const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(0)} ms`.padStart(8) : '     n/a');

/** Opens a session for the account named by --email, as signing in would, and returns the Cookie header. */
async function signIn(db: Db): Promise<string> {
  const user = await db.user.findFirst({ where: { email: { equals: options.email, mode: 'insensitive' }, active: true } });
  if (!user) throw new Error(`No active account ${options.email}`);
  return (await signInAs(db, user.id)).cookie;
}

async function timePage(path: string, cookie: string): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(`${options.url}${path}`, { headers: { cookie }, redirect: 'manual' });
  await res.arrayBuffer();
  const t = performance.now() - t0;
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
  return t;
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('Set DATABASE_URL to the database with the large data set (and the server using it).');
  const db = createDb(url);
  // The pages' own client: read-only sessions without JIT, queries side by side.
  const rdb = createDb(reportsDatabaseUrl(url));
  try {
    const [counts] = await db.$queryRaw<{ events: bigint; cases: bigint }[]>`
      SELECT (SELECT count(*) FROM "ReferralEvent") AS events, (SELECT count(*) FROM "Case") AS cases`;
    console.log(
      `Data: ${Number(counts.events).toLocaleString('en-GB')} referral events, ${Number(counts.cases).toLocaleString('en-GB')} cases`,
    );
    if (options.refresh) {
      const t0 = performance.now();
      await refreshReportFacts(db);
      console.log(
        `Summary data rebuilt in ${((performance.now() - t0) / 1000).toFixed(1)} s (a background job; pages never wait for it once built)`,
      );
    }
    const filter = parseReportQuery({}, await listWards(db)).filter;
    const pages: { name: string; path: string; direct: () => Promise<unknown> }[] = [
      { name: 'overview', path: '/reports', direct: () => overviewFigures(rdb, filter) },
      ...SECTION_SLUGS.map((slug: SectionSlug) => ({
        name: slug,
        path: `/reports/${slug}`,
        direct: () => buildSection(rdb, slug, filter),
      })),
    ];

    const cookie = options.server ? await signIn(db) : '';
    console.log(`\n${options.requests} requests per report after ${options.warmup} warm-up; last 12 months, all wards.`);
    console.log(
      `${'report'.padEnd(12)} ${'direct p50'.padStart(10)} ${'direct p95'.padStart(10)} ${options.server ? `${'page p50'.padStart(10)} ${'page p95'.padStart(10)} ${'page max'.padStart(10)}  target` : ''}`,
    );
    let worst = 0;
    for (const p of pages) {
      for (let i = 0; i < options.warmup; i++) await p.direct();
      const direct: number[] = [];
      for (let i = 0; i < options.requests; i++) {
        const t0 = performance.now();
        await p.direct();
        direct.push(performance.now() - t0);
      }
      const d = stats(direct);
      let line = `${p.name.padEnd(12)} ${ms(d.p50).padStart(10)} ${ms(d.p95).padStart(10)}`;
      if (options.server) {
        for (let i = 0; i < options.warmup; i++) await timePage(p.path, cookie);
        const page: number[] = [];
        for (let i = 0; i < options.requests; i++) page.push(await timePage(p.path, cookie));
        const s = stats(page);
        worst = Math.max(worst, s.p95);
        line += ` ${ms(s.p50).padStart(10)} ${ms(s.p95).padStart(10)} ${ms(s.max).padStart(10)}  ${s.p95 <= 1000 ? 'ok' : 'OVER 1 s'}`;
      } else worst = Math.max(worst, d.p95);
      console.log(line);
    }
    console.log(`\nWorst p95: ${ms(worst).trim()} (target 1,000 ms)`);
  } finally {
    await db.$disconnect();
    await rdb.$disconnect();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
