// Casework benchmark: the server time of the busiest staff pages and of a conversation save, under
// N concurrent clients (closed loop: each client sends its next request when its last one returns),
// against the database in DATABASE_URL. docs/performance.md ("Casework") has the method and figures.
//
// "Server time" is the server-side work of a request, through the same lib functions the pages
// and the server action call: the per-request session check (lib/auth/load-user), then
//   - triage queue:      triageHome, first page   (app/(staff)/triage/page.tsx)
//   - caseload:          myCaseload               (app/(staff)/caseload/page.tsx)
//   - case page:         openCase in a transaction, with its audit write, committed
//                                                 (app/(staff)/cases/[id]/page.tsx)
//   - conversation save: the form's zod parse, then recordConversation in a transaction, committed
//                        (saveConversation in app/(staff)/cases/[id]/actions.ts); the bench's
//                        conversations and their audit rows are deleted after the run
//   - provider inbox:    listInbox, first page    (app/(staff)/provider/referrals/page.tsx)
//   - baseline:          the session check alone; over HTTP, the accessibility statement (the
//                        simplest page, layout only), printed with each page's ratio to it
// React rendering and HTTP are not included, unless --url names a running production server: then
// the four pages are fetched from it as signed-in staff, and their figures include both.
//
// Each client is a different member of staff: the link workers with the most open cases, the
// coordinators with the longest triage queues, the providers with the most referrals.
//
//   DATABASE_URL=... npm run bench:casework -- [options]
//   --clients 20     concurrent clients
//   --seconds 15     how long each scenario is measured
//   --warmup 2       seconds of unmeasured load before each scenario
//   --only a,b       a subset of: floor (the baseline), triage, caseload, case, save, inbox
//   --saves commit   commit (default, as the app does) or rollback the conversation saves
//   --queries        first run each scenario once per member of staff, one at a time, and print
//                    the SQL statements per call
//   --url URL        fetch the pages from the server at URL (same DATABASE_URL, and the same
//                    APP_BASE_URL, so both agree on the session cookie's name)
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { PrismaPg } from '@prisma/adapter-pg';
import { loadSession } from '../../lib/auth/load-user';
import { signInAs } from '../../lib/auth/sign-in-as';
import type { SessionUser } from '../../lib/auth/types';
import { conversationInput, recordConversation } from '../../lib/cases/conversations';
import { openCase } from '../../lib/cases/view';
import { config } from '../../lib/config';
import { createDb, type Db } from '../../lib/db/client';
import { PrismaClient } from '../../lib/db/generated/client';
import { londonDateKey } from '../../lib/format/dates';
import { listInbox } from '../../lib/providers/inbox';
import { myCaseload } from '../../lib/cases/caseload';
import { triageHome } from '../../lib/triage/queue';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const next = process.argv[i + 1];
  return next && !next.startsWith('--') ? next : '';
}
function num(name: string, fallback: number): number {
  const v = arg(name);
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} takes a positive number`);
  return n;
}

const ALL = ['floor', 'triage', 'caseload', 'case', 'save', 'inbox'] as const;
type ScenarioKey = (typeof ALL)[number];
const clients = Math.round(num('clients', 20));
const seconds = num('seconds', 15);
const warmup = arg('warmup') === undefined ? 2 : Number(arg('warmup'));
const only = (arg('only') || ALL.join(',')).split(',').map((s) => s.trim()) as ScenarioKey[];
for (const o of only) if (!ALL.includes(o)) throw new Error(`--only: unknown scenario ${o} (choose from ${ALL.join(', ')})`);
const countQueries = arg('queries') !== undefined;
const saveMode = (arg('saves') || 'commit') as 'commit' | 'rollback';
// With --url the pages are fetched from a running production server as signed-in staff, so the
// figures include rendering and HTTP. The save is a server action and stays a direct call.
const baseUrl = (arg('url') || '').replace(/\/$/, '');
if (saveMode !== 'commit' && saveMode !== 'rollback') throw new Error('--saves takes commit or rollback');

const labels: Record<ScenarioKey, string> = {
  floor: 'baseline',
  triage: 'triage queue',
  caseload: 'caseload',
  case: 'case page',
  save: 'conversation save',
  inbox: 'provider inbox',
};
/** The issue's targets: p95 at most 300 ms for pages and 200 ms for saves. */
const targets: Record<ScenarioKey, number> = { floor: 300, triage: 300, caseload: 300, case: 300, save: 200, inbox: 300 };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

class Rollback extends Error {}

/** What the bench writes as "what matters", so its conversations can be found and deleted. */
const BENCH_MARK = 'Casework benchmark: deleted after the run.';

/**
 * Deletes the conversations the save scenario committed (and their audit rows). Only the
 * conversation rows go: a bench save is never a case's first contact (every case it writes to
 * has had one), so it changes nothing on the case itself.
 */
async function deleteBenchConversations(db: Db): Promise<number> {
  // By id, so each delete is an index look-up (a join let the planner scan every conversation
  // once per audit row).
  const rows = await db.$queryRaw<
    Array<{ id: string }>
  >`SELECT id::text AS id FROM "Conversation" WHERE "whatMatters" = ${BENCH_MARK}`;
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return 0;
  await db.$executeRaw`DELETE FROM "AuditEvent" WHERE "entityType" = 'conversation' AND "entityId" = ANY(${ids}::text[])`;
  return db.$executeRaw`DELETE FROM "Conversation" WHERE id = ANY(${ids}::uuid[])`;
}

type Staff = { id: string; cases: string[]; contacted: string[] };

/** What one request does, as the given member of staff. */
type Request = (db: Db, who: Staff) => Promise<void>;

/** A session for each member of staff, opened as the sign-in action opens one. */
const sessions = new Map<string, { cookie: string; token: string }>();
async function sessionOf(db: Db, who: Staff) {
  let known = sessions.get(who.id);
  if (!known) {
    known = await signInAs(db, who.id);
    sessions.set(who.id, known);
  }
  return known;
}

async function session(db: Db, who: Staff): Promise<SessionUser> {
  const loaded = await loadSession(db, (await sessionOf(db, who)).token);
  if (!loaded) throw new Error(`user ${who.id} cannot sign in`);
  return loaded.user;
}
const pick = (xs: string[]) => xs[Math.floor(Math.random() * xs.length)];

const requests: Record<ScenarioKey, Request> = {
  // The least any signed-in request costs: the session check alone.
  floor: async (db, who) => {
    await session(db, who);
  },
  triage: async (db, who) => {
    const home = await triageHome(db, await session(db, who));
    if (home.kind !== 'team') throw new Error('coordinator without a team');
  },
  caseload: async (db, who) => {
    await myCaseload(db, await session(db, who), new Date(), {});
  },
  case: async (db, who) => {
    const user = await session(db, who);
    const opened = await db.$transaction((tx) => openCase(tx, user, pick(who.cases)));
    if (!opened.ok) throw new Error(`case page refused: ${opened.reason}`);
  },
  save: async (db, who) => {
    const user = await session(db, who);
    const input = conversationInput.parse({
      occurredOn: londonDateKey(new Date()),
      type: 'good_life',
      whatMatters: BENCH_MARK,
      actions: 'Try the walking group on Tuesday.',
      needs: [],
      lifeSatisfaction: '6',
      worthwhile: '7',
    });
    const caseId = pick(who.contacted);
    if (saveMode === 'commit') {
      // As the server action does: one transaction, committed. The rows are deleted after the run.
      const result = await db.$transaction((tx) => recordConversation(tx, user, caseId, input));
      if (!result.ok) throw new Error(`save refused: ${result.reason}`);
      return;
    }
    await db
      .$transaction(async (tx) => {
        const result = await recordConversation(tx, user, caseId, input);
        if (!result.ok) throw new Error(`save refused: ${result.reason}`);
        throw new Rollback();
      })
      .catch((e) => {
        if (!(e instanceof Rollback)) throw e;
      });
  },
  inbox: async (db, who) => {
    await listInbox(db, await session(db, who), 'open', 1);
  },
};

async function cookieFor(db: Db, who: Staff): Promise<string> {
  return (await sessionOf(db, who)).cookie;
}

async function get(db: Db, who: Staff, path: string): Promise<void> {
  const response = await fetch(`${baseUrl}${path}`, { headers: { cookie: await cookieFor(db, who) }, redirect: 'manual' });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
}

const pageRequests: Partial<Record<ScenarioKey, Request>> = {
  // The simplest staff-visible page: the layout (header, session check, footer) around static text.
  floor: (db, who) => get(db, who, '/accessibility'),
  triage: (db, who) => get(db, who, '/triage'),
  caseload: (db, who) => get(db, who, '/caseload'),
  case: (db, who) => get(db, who, `/cases/${pick(who.cases)}`),
  inbox: (db, who) => get(db, who, '/provider/referrals'),
};

async function main() {
  const db = createDb();
  const loadStart = os.loadavg();
  const started = new Date();

  // The link workers with the most open cases, each with their open cases.
  const workerRows = await db.$queryRaw<Array<{ id: string; cases: string[]; contacted: string[] }>>`
    SELECT u.id, array_agg(c.id::text ORDER BY c.id) AS cases,
           coalesce(array_agg(c.id::text ORDER BY c.id) FILTER (WHERE c."firstContactAt" < now() - interval '1 day' AND c.status = 'active'), '{}') AS contacted
    FROM "User" u JOIN "Case" c ON c."assignedWorkerId" = u.id AND c.status <> 'closed'
    WHERE u.role = 'link_worker' AND u.active
    GROUP BY u.id ORDER BY count(*) DESC, u.id LIMIT ${clients}`;
  // The coordinators with the longest queues (at least half the longest).
  const coordRows = await db.$queryRaw<Array<{ id: string; waiting: number }>>`
    SELECT u.id, count(c.id)::int AS waiting
    FROM "User" u JOIN "Case" c ON c."teamId" = u."teamId" AND c."closedAt" IS NULL
      AND (c.status = 'received' OR (c.status = 'triaged' AND c."assignedWorkerId" IS NULL))
    WHERE u.role = 'coordinator' AND u.active
    GROUP BY u.id ORDER BY count(c.id) DESC, u.id LIMIT ${clients}`;
  const longest = coordRows[0]?.waiting ?? 0;
  const coordinators = coordRows.filter((c) => c.waiting * 2 >= longest);
  // The providers whose organisations have the most referrals.
  const providerRows = await db.$queryRaw<Array<{ id: string; referrals: number }>>`
    SELECT u.id, count(r.id)::int AS referrals
    FROM "User" u JOIN "OrganisationMember" m ON m."userId" = u.id
    JOIN "Service" s ON s."organisationId" = m."organisationId" JOIN "Referral" r ON r."serviceId" = s.id
    WHERE u.role = 'provider' AND u.active
    GROUP BY u.id ORDER BY count(r.id) DESC, u.id LIMIT ${clients}`;

  const staff: Record<ScenarioKey, Staff[]> = {
    floor: workerRows.map((w) => ({ ...w, cases: [], contacted: [] })),
    triage: coordinators.map((c) => ({ id: c.id, cases: [], contacted: [] })),
    caseload: workerRows.map((w) => ({ ...w, cases: [], contacted: [] })),
    case: workerRows,
    save: workerRows.filter((w) => w.contacted.length > 0),
    inbox: providerRows.map((p) => ({ id: p.id, cases: [], contacted: [] })),
  };

  const [counts] = await db.$queryRaw<Array<Record<string, bigint>>>`
    SELECT (SELECT count(*) FROM "Case") AS cases, (SELECT count(*) FROM "Conversation") AS conversations,
           (SELECT count(*) FROM "Referral") AS referrals, (SELECT count(*) FROM "ReferralEvent") AS events,
           (SELECT count(*) FROM "AuditEvent") AS audit,
           (SELECT count(*) FROM "User" WHERE role = 'link_worker') AS workers`;
  const [pg] = await db.$queryRaw<
    Array<{ v: string; autovacuum: string }>
  >`SELECT current_setting('server_version') AS v, current_setting('autovacuum') AS autovacuum`;
  const leftovers = await deleteBenchConversations(db);
  if (leftovers > 0) console.log(`Deleted ${leftovers} conversations left by an interrupted run.`);
  const n = (x: bigint) => Number(x).toLocaleString('en-GB');
  console.log(
    `Database: ${n(counts.cases)} cases, ${n(counts.conversations)} conversations, ${n(counts.referrals)} referrals, ${n(counts.events)} referral events, ${n(counts.workers)} link workers, ${n(counts.audit)} audit events`,
  );
  console.log(`PostgreSQL ${pg.v}, Node ${process.version}, ${os.cpus().length} CPUs; started ${started.toISOString()}`);
  console.log(
    `Clients as: ${workerRows.length} link workers (${Math.min(...workerRows.map((w) => w.cases.length))} to ${Math.max(...workerRows.map((w) => w.cases.length))} open cases each), ` +
      `${coordinators.length} coordinators (queues of ${Math.min(...coordinators.map((c) => c.waiting))} to ${longest}), ${providerRows.length} providers`,
  );
  console.log(
    `${clients} clients, closed loop, ${warmup} s warm-up then ${seconds} s per scenario; a pool of ${config.databasePoolSize} connections (DATABASE_POOL_SIZE).`,
  );
  if (baseUrl)
    console.log(`Pages fetched over HTTP from ${baseUrl} as signed-in staff (rendering included); the save is a direct call.`);
  console.log(
    `Conversation saves: ${saveMode === 'commit' ? 'committed, as the app does, and deleted after the run' : 'rolled back'}.`,
  );
  if (pg.autovacuum !== 'on')
    console.log('Autovacuum is off on this server: run VACUUM ANALYZE first, as autovacuum would on a live database.');
  console.log(`Load average at start: ${loadStart.map((x) => x.toFixed(2)).join(', ')}\n`);

  if (countQueries) {
    // A second client that reports each statement it sends (BEGIN is not reported; COMMIT and ROLLBACK are).
    let statements = 0;
    const counting = new PrismaClient({
      adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL!, options: '-c jit=off' }),
      log: [{ emit: 'event', level: 'query' }],
    });
    counting.$on('query', () => void statements++);
    console.log('SQL statements per call (one call per member of staff, one at a time):');
    for (const key of only) {
      const per: number[] = [];
      const ms: number[] = [];
      for (const who of staff[key]) {
        statements = 0;
        const t0 = performance.now();
        await requests[key](counting, who);
        ms.push(performance.now() - t0);
        per.push(statements);
      }
      const sortedMs = ms.sort((a, b) => a - b);
      console.log(
        `  ${labels[key].padEnd(18)} ${Math.min(...per)} to ${Math.max(...per)} statements; alone ${percentile(sortedMs, 50).toFixed(1)} ms median`,
      );
    }
    console.log('');
    await counting.$disconnect();
  }

  const results: Array<{
    key: ScenarioKey;
    count: number;
    errors: number;
    p50: number;
    p95: number;
    p99: number;
    rate: number;
    nodeCpu: number;
  }> = [];
  for (const key of only) {
    const people = staff[key];
    if (people.length === 0) {
      console.log(`${labels[key].padEnd(18)} skipped: nobody to run it as on this database`);
      continue;
    }
    const run = (baseUrl && pageRequests[key]) || requests[key];
    const loop = async (i: number, until: number, samples: number[] | null, errors: { n: number; last?: unknown }) => {
      const who = people[i % people.length];
      while (performance.now() < until) {
        const t0 = performance.now();
        try {
          await run(db, who);
          samples?.push(performance.now() - t0);
        } catch (e) {
          errors.n++;
          errors.last = e;
        }
      }
    };
    const warm = { n: 0 };
    if (warmup > 0)
      await Promise.all(Array.from({ length: clients }, (_, i) => loop(i, performance.now() + warmup * 1000, null, warm)));
    const samples: number[] = [];
    const errors: { n: number; last?: unknown } = { n: 0 };
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await Promise.all(Array.from({ length: clients }, (_, i) => loop(i, t0 + seconds * 1000, samples, errors)));
    const elapsed = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const sorted = samples.sort((a, b) => a - b);
    const r = {
      key,
      count: samples.length,
      errors: errors.n,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      rate: samples.length / elapsed,
      nodeCpu: (cpu.user + cpu.system) / 1000 / Math.max(1, samples.length + errors.n),
    };
    results.push(r);
    const f = (x: number) => x.toFixed(1).padStart(7);
    console.log(
      `${labels[key].padEnd(18)} ${String(r.count).padStart(6)} calls ${r.rate.toFixed(1).padStart(7)}/s  p50 ${f(r.p50)} ms  p95 ${f(r.p95)} ms  p99 ${f(r.p99)} ms  node CPU ${r.nodeCpu.toFixed(1)} ms/call` +
        `  target p95 <= ${targets[key]} ms: ${r.p95 <= targets[key] ? 'met' : 'NOT met'}${r.errors ? `  ${r.errors} errors` : ''}`,
    );
    if (errors.n) console.error(`  last error: ${errors.last instanceof Error ? errors.last.message : String(errors.last)}`);
    if (key === 'save') await deleteBenchConversations(db);
  }

  await deleteBenchConversations(db);
  const base = results.find((r) => r.key === 'floor');
  if (base && results.length > 1) {
    console.log(
      `\nAgainst the baseline (${baseUrl ? 'the accessibility statement, the simplest signed-in page' : 'the session check alone'}), same clients, same run:`,
    );
    for (const r of results) {
      if (r === base) continue;
      console.log(
        `  ${labels[r.key].padEnd(18)} p95 x${(r.p95 / base.p95).toFixed(2)}  throughput x${(r.rate / base.rate).toFixed(2)}`,
      );
    }
  }
  const loadEnd = os.loadavg();
  console.log(`\nLoad average at end: ${loadEnd.map((x) => x.toFixed(2)).join(', ')}`);
  console.log('Closed loop: with every client waiting for its reply, p50 is about clients divided by throughput.');
  console.log(
    "Node CPU: this process's CPU time per call (Prisma, pg, the domain code), the app server's share; PostgreSQL's is on top.",
  );
  await db.$disconnect();
  if (results.some((r) => r.errors > 0)) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
