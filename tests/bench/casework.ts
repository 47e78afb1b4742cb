// Casework benchmark: server time of the domain calls behind the caseload, the case page, the
// provider inbox and a conversation save, under N concurrent clients (closed loop), against the
// database in DATABASE_URL. Saves run in a transaction that is rolled back, so nothing is kept.
// Rendering and HTTP are not included; with the app's own overhead see tests/bench/search.ts.
//
//   DATABASE_URL=... npx tsx tests/bench/casework.ts [--clients 20] [--seconds 15]
import { performance } from 'node:perf_hooks';
import type { SessionUser } from '../../lib/auth/types';
import { recordConversation } from '../../lib/cases/conversations';
import { openCase } from '../../lib/cases/view';
import { createDb } from '../../lib/db/client';
import { londonDateKey } from '../../lib/format/dates';
import { listInbox } from '../../lib/provider-inbox/inbox';
import { myCaseload } from '../../lib/staff-home/caseload';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? Number(process.argv[i + 1]) : fallback;
}

const clients = arg('clients', 20);
const seconds = arg('seconds', 15);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

class Rollback extends Error {}

async function main() {
  const db = createDb();
  // The busiest link worker, their team's cases, and the provider with the most referrals.
  const [busiest] = await db.$queryRaw<Array<{ id: string }>>`
    SELECT "assignedWorkerId" AS id FROM "Case" WHERE status <> 'closed' AND "assignedWorkerId" IS NOT NULL
    GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`;
  const workerRow = await db.user.findUniqueOrThrow({ where: { id: busiest.id } });
  const worker: SessionUser = { id: workerRow.id, name: workerRow.name, email: workerRow.email, role: workerRow.role, teamId: workerRow.teamId, organisationIds: [] };
  const caseIds = (await db.case.findMany({ where: { assignedWorkerId: worker.id, status: { not: 'closed' } }, select: { id: true } })).map((c) => c.id);
  const [busyOrg] = await db.$queryRaw<Array<{ id: string }>>`
    SELECT s."organisationId" AS id FROM "Referral" r JOIN "Service" s ON s.id = r."serviceId" GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`;
  const member = await db.organisationMember.findFirst({ where: { organisationId: busyOrg?.id }, include: { user: true } });
  const provider: SessionUser | null = member
    ? { id: member.user.id, name: member.user.name, email: member.user.email, role: 'provider', teamId: null, organisationIds: [member.organisationId] }
    : null;
  const counts = {
    cases: await db.case.count(),
    referralEvents: await db.referralEvent.count(),
    conversations: await db.conversation.count(),
  };
  console.log(`Database: ${counts.cases} cases, ${counts.conversations} conversations, ${counts.referralEvents} referral events`);
  console.log(`Worker ${worker.name}: ${caseIds.length} open cases. ${clients} clients, ${seconds} s each.\n`);

  const pick = () => caseIds[Math.floor(Math.random() * caseIds.length)];
  const today = londonDateKey(new Date());
  const scenarios: Array<[string, () => Promise<unknown>]> = [
    ['caseload', () => myCaseload(db, worker)],
    ['case page', () => db.$transaction((tx) => openCase(tx, worker, pick()))],
    [
      'conversation save',
      () =>
        db
          .$transaction(async (tx) => {
            await recordConversation(tx, worker, pick(), { occurredOn: today, type: 'good_life', needs: [], whatMatters: 'Bench', lifeSatisfaction: 6 });
            throw new Rollback();
          })
          .catch((e) => {
            if (!(e instanceof Rollback)) throw e;
          }),
    ],
    ...(provider ? ([['provider inbox', () => listInbox(db, provider, 'open')]] as Array<[string, () => Promise<unknown>]>) : []),
  ];

  for (const [name, run] of scenarios) {
    await run();
    const samples: number[] = [];
    const end = performance.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (performance.now() < end) {
          const t0 = performance.now();
          await run();
          samples.push(performance.now() - t0);
        }
      }),
    );
    const sorted = samples.sort((a, b) => a - b);
    console.log(
      `${name.padEnd(18)} ${String(samples.length).padStart(6)} calls  ${(samples.length / seconds).toFixed(1).padStart(7)}/s  p50 ${percentile(sorted, 50).toFixed(1).padStart(7)} ms  p95 ${percentile(sorted, 95).toFixed(1).padStart(7)} ms  p99 ${percentile(sorted, 99).toFixed(1).padStart(7)} ms`,
    );
  }
  console.log('\nClosed loop: with every client waiting for its reply, latency is clients divided by throughput.');
  await db.$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
