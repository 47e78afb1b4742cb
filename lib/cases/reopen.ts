// Reopening a closed case for a person who comes back: the same case, so their history,
// conversations and ONS4 scores stay together. How it had closed is kept on the "reopened" event
// (the timeline still shows that closing); the case is open again with a worker.
import 'server-only';
import { z } from 'zod';
import type { SessionUser } from '@/lib/auth/types';
import { recordAudit } from '@/lib/audit/record';
import type { Tx } from '@/lib/db/client';
import { text, uuid, version } from '@/lib/forms';
import { caseAccess } from './access';

export const reopenInput = z.object({
  expectedVersion: version(),
  reason: text('Reason', 1000, 'Enter why the case is being reopened'),
  // A coordinator chooses who takes it; a link worker reopens it for themself.
  workerId: z.preprocess((v) => (v === '' ? undefined : v), uuid('Select who will work with the person').optional()),
});
export type ReopenInput = z.infer<typeof reopenInput>;

export type ReopenRefusal = 'not_found' | 'forbidden' | 'not_closed' | 'changed_since' | 'anonymised' | 'unknown_worker';

export const reopenRefusalMessage: Record<ReopenRefusal, string> = {
  not_found: 'This case could not be found.',
  forbidden: 'You cannot reopen this case.',
  not_closed: 'This case is already open.',
  changed_since: 'This case changed since you opened it. Check it, then try again.',
  anonymised: 'This person’s record has been anonymised, so the case cannot be reopened. Start a new referral instead.',
  unknown_worker: 'Select an active link worker in the case’s team',
};

export type ReopenResult = { ok: true; workerName: string } | { ok: false; reason: ReopenRefusal };

/** Who a reopened case goes to: the link worker reopening it, or (for a coordinator) the one chosen. */
function takerFor(user: SessionUser, input: ReopenInput): string | undefined {
  return user.role === 'link_worker' ? user.id : input.workerId;
}

export async function reopenCase(
  tx: Tx,
  user: SessionUser,
  caseId: string,
  input: ReopenInput,
  now: Date = new Date(),
): Promise<ReopenResult> {
  const access = await caseAccess(tx, user, caseId, 'case.write', { lock: true });
  if (!access.ok) return access;
  const { facts } = access;
  if (facts.status !== 'closed') return { ok: false, reason: 'not_closed' };
  if (facts.version !== input.expectedVersion) return { ok: false, reason: 'changed_since' };
  const c = await tx.case.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      closedAt: true,
      closedById: true,
      outcome: true,
      outcomeNote: true,
      assignedAt: true,
      person: { select: { anonymisedAt: true } },
    },
  });
  if (c.person.anonymisedAt) return { ok: false, reason: 'anonymised' };
  const workerId = takerFor(user, input);
  const worker = workerId
    ? await tx.user.findFirst({
        where: { id: workerId, teamId: facts.teamId, role: 'link_worker', active: true },
        select: { id: true, name: true },
      })
    : null;
  if (!worker) return { ok: false, reason: 'unknown_worker' };

  await tx.case.update({
    where: { id: caseId },
    data: {
      // Back to "waiting for first contact" if nobody ever reached them.
      status: facts.firstContactAt ? 'active' : 'triaged',
      closedAt: null,
      closedById: null,
      outcome: null,
      outcomeNote: null,
      assignedWorkerId: worker.id,
      // When triage first gave it out stays (the reports count from it); never given out: now.
      assignedAt: c.assignedAt ?? now,
      version: { increment: 1 },
    },
  });
  await tx.caseEvent.create({
    data: {
      caseId,
      kind: 'reopened',
      actorId: user.id,
      fromWorkerId: facts.assignedWorkerId,
      toWorkerId: worker.id,
      reason: input.reason,
      detail: {
        closedAt: c.closedAt?.toISOString() ?? null,
        closedById: c.closedById,
        outcome: c.outcome,
        outcomeNote: c.outcomeNote,
      },
      createdAt: now,
    },
  });
  await recordAudit(tx, {
    actor: user,
    action: 'case.reopened',
    entityType: 'case',
    entityId: caseId,
    personId: facts.personId,
    detail: { previousOutcome: c.outcome, workerId: worker.id },
    at: now,
  });
  return { ok: true, workerName: worker.name };
}
