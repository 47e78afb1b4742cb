// Moving cases between link workers (sickness, leavers, balancing): one case, or a worker's whole
// open caseload in one transaction. The person's record, follow-ups (kept on the case) and open
// referrals (whose answers go to the case's worker) move with the case. Each move is a CaseEvent
// with the reason, audited per person, and both workers are e-mailed the references.
import 'server-only';
import { z } from 'zod';
import { can } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/types';
import { recordAudit } from '@/lib/audit/record';
import { config } from '@/lib/config';
import type { Tx } from '@/lib/db/client';
import { text, uuid, version, confirmed } from '@/lib/forms';
import { enqueueRendered, templates } from '@/lib/notify';
import { urls } from '@/lib/referrals/urls';
import { teamWorkerLoads, type WorkerLoad } from './workers';
import { caseAccess } from './access';

export const reassignInput = z.object({
  expectedVersion: version(),
  toWorkerId: uuid('Select who should take the case'),
  reason: text('Reason', 1000, 'Enter why the case is moving'),
});
export type ReassignInput = z.infer<typeof reassignInput>;

export type ReassignRefusal =
  'not_found' | 'forbidden' | 'closed' | 'not_assigned' | 'changed_since' | 'same_worker' | 'unknown_worker';

export const reassignRefusalMessage: Record<ReassignRefusal, string> = {
  not_found: 'This case could not be found.',
  forbidden: 'Only a coordinator of the case’s team can move it.',
  closed: 'This case is closed. Reopen it first.',
  not_assigned: 'Nobody has this case yet: assign it from the triage page.',
  changed_since: 'This case changed since you opened it. Check who has it now, then try again.',
  same_worker: 'The case is already with this link worker. Select someone else',
  unknown_worker: 'Select an active link worker in the case’s team',
};

export type ReassignResult = { ok: true; toWorkerName: string } | { ok: false; reason: ReassignRefusal };

type Worker = { id: string; name: string; email: string; active: boolean };
const workerSelect = { id: true, name: true, email: true, active: true } as const;

/** The team's active link workers who may take cases (one query), keyed by id. */
async function takers(tx: Tx, teamId: string, ids: readonly string[]): Promise<Map<string, Worker>> {
  const rows = await tx.user.findMany({
    where: { id: { in: [...ids] }, teamId, role: 'link_worker', active: true },
    select: workerSelect,
  });
  return new Map(rows.map((w) => [w.id, w]));
}

/** Gives one case to another link worker of its team. */
export async function reassignCase(
  tx: Tx,
  user: SessionUser,
  caseId: string,
  input: ReassignInput,
  now: Date = new Date(),
): Promise<ReassignResult> {
  const access = await caseAccess(tx, user, caseId, 'case.reassign', { lock: true });
  if (!access.ok) return access;
  const { facts } = access;
  if (facts.status === 'closed') return { ok: false, reason: 'closed' };
  if (facts.assignedWorkerId === null) return { ok: false, reason: 'not_assigned' };
  if (facts.version !== input.expectedVersion) return { ok: false, reason: 'changed_since' };
  if (facts.assignedWorkerId === input.toWorkerId) return { ok: false, reason: 'same_worker' };
  const to = (await takers(tx, facts.teamId, [input.toWorkerId])).get(input.toWorkerId);
  if (!to) return { ok: false, reason: 'unknown_worker' };
  const from = await tx.user.findUniqueOrThrow({ where: { id: facts.assignedWorkerId }, select: workerSelect });

  await tx.case.update({
    where: { id: caseId },
    // assignedAt stays when triage first gave it out (the reports count from it).
    data: { assignedWorkerId: to.id, version: { increment: 1 } },
  });
  await tx.caseEvent.create({
    data: {
      caseId,
      kind: 'reassigned',
      actorId: user.id,
      fromWorkerId: from.id,
      toWorkerId: to.id,
      reason: input.reason,
      createdAt: now,
    },
  });
  await recordAudit(tx, {
    actor: user,
    action: 'case.reassigned',
    entityType: 'case',
    entityId: caseId,
    personId: facts.personId,
    detail: { fromWorkerId: from.id, toWorkerId: to.id, bulk: false },
    at: now,
  });
  await tellWorkers(tx, user, from, [{ worker: to, cases: [{ id: caseId, reference: facts.reference }] }], now);
  return { ok: true, toWorkerName: to.name };
}

/**
 * Shares cases out so the workers' open caseloads end up as even as they can: each case, in the
 * order given (oldest first), goes to whoever has fewest open cases at that moment; on a tie, the
 * one listed first. Pure.
 */
export function planSpread<C>(cases: readonly C[], workers: ReadonlyArray<{ id: string; openCases: number }>): Map<string, C[]> {
  const plan = new Map<string, C[]>(workers.map((w) => [w.id, []]));
  if (workers.length === 0) return plan;
  const load = workers.map((w) => ({ id: w.id, open: w.openCases }));
  for (const c of cases) {
    let least = load[0];
    for (const w of load) if (w.open < least.open) least = w;
    plan.get(least.id)!.push(c);
    least.open += 1;
  }
  return plan;
}

export const bulkReassignInput = z
  .object({
    fromWorkerId: uuid('Select whose cases are moving'),
    expectedCount: version(1),
    mode: z.enum(['one', 'spread'], { error: 'Select who takes the cases' }),
    toWorkerId: z.preprocess((v) => (v === '' ? undefined : v), uuid('Select who takes the cases').optional()),
    spreadWorkerIds: z.array(uuid('Select the link workers to share the cases between')).default([]),
    reason: text('Reason', 1000, 'Enter why the cases are moving'),
    confirm: confirmed('Confirm that all these cases should move now'),
  })
  .superRefine((v, ctx) => {
    if (v.mode === 'one' && !v.toWorkerId)
      ctx.addIssue({ code: 'custom', path: ['toWorkerId'], message: 'Select who takes the cases' });
    if (v.mode === 'spread' && v.spreadWorkerIds.length === 0)
      ctx.addIssue({ code: 'custom', path: ['spreadWorkerIds'], message: 'Select the link workers to share the cases between' });
  });
export type BulkReassignInput = z.infer<typeof bulkReassignInput>;

export type BulkRefusal = 'not_found' | 'forbidden' | 'nothing_to_move' | 'changed_since' | 'unknown_worker' | 'same_worker';

export const bulkRefusalMessage: Record<BulkRefusal, string> = {
  not_found: 'This account could not be found.',
  forbidden: 'Only a coordinator of the team, or an administrator, can move a caseload.',
  nothing_to_move: 'They have no open cases left to move. They may have been moved already.',
  changed_since: 'Their caseload changed since you opened this page. Check the number of cases, then try again.',
  unknown_worker: 'Select active link workers in the same team',
  same_worker: 'Select someone other than the person whose cases are moving',
};

export type BulkResult =
  { ok: true; moved: number; fromName: string; to: Array<{ name: string; count: number }> } | { ok: false; reason: BulkRefusal };

/** Moves every open case of one worker to another, or shares them out, in the caller's transaction. */
export async function reassignCaseload(
  tx: Tx,
  user: SessionUser,
  input: Omit<BulkReassignInput, 'confirm' | 'spreadWorkerIds'> & { spreadWorkerIds?: readonly string[] },
  now: Date = new Date(),
): Promise<BulkResult> {
  const from = await tx.user.findUnique({ where: { id: input.fromWorkerId }, select: { ...workerSelect, teamId: true } });
  if (!from || from.teamId === null) return { ok: false, reason: 'not_found' };
  if (!can(user, 'case.reassign', { kind: 'team', teamId: from.teamId })) return { ok: false, reason: 'forbidden' };
  const wanted = input.mode === 'one' ? (input.toWorkerId ? [input.toWorkerId] : []) : [...new Set(input.spreadWorkerIds ?? [])];
  if (wanted.includes(from.id)) return { ok: false, reason: 'same_worker' };
  const workers = await takers(tx, from.teamId, wanted);
  if (wanted.length === 0 || workers.size !== wanted.length) return { ok: false, reason: 'unknown_worker' };

  // Locked, oldest first: a second submit, or someone else moving them meanwhile, finds them gone.
  const cases = await tx.$queryRaw<Array<{ id: string; reference: string; personId: string }>>`
    SELECT id, reference, "personId" FROM "Case"
    WHERE "assignedWorkerId" = ${from.id}::uuid AND "teamId" = ${from.teamId}::uuid AND status <> 'closed' AND "closedAt" IS NULL
    ORDER BY "receivedAt" ASC, reference ASC
    FOR UPDATE`;
  if (cases.length === 0) return { ok: false, reason: 'nothing_to_move' };
  if (cases.length !== input.expectedCount) return { ok: false, reason: 'changed_since' };

  const loads = new Map((await teamWorkerLoads(tx, from.teamId, now)).map((l) => [l.id, l.openCases]));
  // In the order chosen on the page (the team list is by name).
  const receivers = wanted.map((id) => ({ id, openCases: loads.get(id) ?? 0 }));
  const plan = planSpread(cases, receivers);

  const given: Array<{ worker: Worker; cases: Array<{ id: string; reference: string }> }> = [];
  for (const [workerId, mine] of plan) {
    if (mine.length === 0) continue;
    await tx.case.updateMany({
      where: { id: { in: mine.map((c) => c.id) } },
      data: { assignedWorkerId: workerId, version: { increment: 1 } },
    });
    given.push({ worker: workers.get(workerId)!, cases: mine });
  }
  await tx.caseEvent.createMany({
    data: given.flatMap(({ worker, cases: mine }) =>
      mine.map((c) => ({
        caseId: c.id,
        kind: 'reassigned' as const,
        actorId: user.id,
        fromWorkerId: from.id,
        toWorkerId: worker.id,
        reason: input.reason,
        detail: { bulk: true },
        createdAt: now,
      })),
    ),
  });
  for (const { worker, cases: mine } of given) {
    for (const c of mine) {
      const personId = cases.find((x) => x.id === c.id)!.personId;
      await recordAudit(tx, {
        actor: user,
        action: 'case.reassigned',
        entityType: 'case',
        entityId: c.id,
        personId,
        detail: { fromWorkerId: from.id, toWorkerId: worker.id, bulk: true },
        at: now,
      });
    }
  }
  await tellWorkers(tx, user, from, given, now);
  return {
    ok: true,
    moved: cases.length,
    fromName: from.name,
    to: given.map((g) => ({ name: g.worker.name, count: g.cases.length })),
  };
}

/** E-mails each worker who takes cases, and the worker who had them (while their account is on). */
async function tellWorkers(
  tx: Tx,
  by: SessionUser,
  from: Worker,
  given: ReadonlyArray<{ worker: Worker; cases: ReadonlyArray<{ id: string; reference: string }> }>,
  now: Date,
): Promise<void> {
  const signOff = config.borough.serviceName;
  for (const { worker, cases } of given) {
    const rendered = templates.casesMovedToWorker({
      workerName: worker.name,
      byName: by.name,
      fromName: from.name,
      cases: cases.map((c) => ({ reference: c.reference, url: urls.case(c.id) })),
      caseloadUrl: urls.caseload(),
      signOff,
    });
    await enqueueRendered(tx, { recipient: worker.email, rendered, payload: { caseIds: cases.map((c) => c.id) } }, now);
  }
  if (!from.active) return;
  const rendered = templates.casesMovedFromWorker({
    workerName: from.name,
    byName: by.name,
    to: given.map((g) => ({ name: g.worker.name, count: g.cases.length })),
    references: given.flatMap((g) => g.cases.map((c) => c.reference)),
    signOff,
  });
  await enqueueRendered(tx, { recipient: from.email, rendered, payload: {} }, now);
}

export type CaseHolder = { id: string; name: string; active: boolean; role: string; openCases: number };

/**
 * Everyone in the team holding open cases (a leaver whose account is already off too), by name:
 * whose caseload can be moved. Counts only, no names of people.
 */
export async function teamCaseHolders(tx: Tx, teamId: string): Promise<CaseHolder[]> {
  const rows = await tx.$queryRaw<CaseHolder[]>`
    SELECT u.id, u.name, u.active, u.role::text AS role, count(c.id)::int AS "openCases"
    FROM "Case" c JOIN "User" u ON u.id = c."assignedWorkerId"
    WHERE c."teamId" = ${teamId}::uuid AND c.status <> 'closed' AND c."closedAt" IS NULL
    GROUP BY u.id, u.name, u.active, u.role
    ORDER BY u.name ASC, u.id ASC`;
  return rows.map((r) => ({ ...r, openCases: Number(r.openCases) }));
}

export type CaseloadToMove = {
  from: { id: string; name: string; active: boolean; teamId: string; teamName: string };
  openCases: number;
  waiting: number;
  byRag: { red: number; amber: number; green: number; none: number };
  /** The team's active link workers other than `from`, with their loads: who can take them. */
  takers: WorkerLoad[];
};

/** What the bulk page shows about one worker's caseload: counts only. Null when not theirs to move. */
export async function caseloadToMove(
  tx: Tx,
  user: SessionUser,
  fromWorkerId: string,
  now: Date = new Date(),
): Promise<CaseloadToMove | null> {
  const from = await tx.user.findUnique({
    where: { id: fromWorkerId },
    select: { id: true, name: true, active: true, teamId: true, team: { select: { name: true } } },
  });
  if (!from?.teamId || !from.team || !can(user, 'case.reassign', { kind: 'team', teamId: from.teamId })) return null;
  const [counts] = await tx.$queryRaw<
    Array<{ open: number; waiting: number; red: number; amber: number; green: number; none: number }>
  >`
    SELECT count(*)::int AS open,
           count(*) FILTER (WHERE "firstContactAt" IS NULL)::int AS waiting,
           count(*) FILTER (WHERE rag = 'red')::int AS red,
           count(*) FILTER (WHERE rag = 'amber')::int AS amber,
           count(*) FILTER (WHERE rag = 'green')::int AS green,
           count(*) FILTER (WHERE rag IS NULL)::int AS none
    FROM "Case"
    WHERE "assignedWorkerId" = ${from.id}::uuid AND "teamId" = ${from.teamId}::uuid AND status <> 'closed' AND "closedAt" IS NULL`;
  const takersList = (await teamWorkerLoads(tx, from.teamId, now)).filter((w) => w.id !== from.id);
  return {
    from: { id: from.id, name: from.name, active: from.active, teamId: from.teamId, teamName: from.team.name },
    openCases: Number(counts.open),
    waiting: Number(counts.waiting),
    byRag: { red: Number(counts.red), amber: Number(counts.amber), green: Number(counts.green), none: Number(counts.none) },
    takers: takersList,
  };
}

/** How many open cases someone holds (for their staff account page). */
export async function openCaseCount(tx: Tx, userId: string): Promise<number> {
  return tx.case.count({ where: { assignedWorkerId: userId, status: { not: 'closed' }, closedAt: null } });
}
