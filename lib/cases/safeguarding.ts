// Raising a safeguarding concern: recording that a link worker or coordinator told the council's
// adults' or children's safeguarding team, when and to whom. The case page and the triage page both
// record it here. It adds a record and changes nothing else, so it needs no version check and works
// at any stage of the case.
import { recordAudit } from '@/lib/audit/record';
import { can } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/types';
import type { Tx } from '@/lib/db/client';
import type { SafeguardingTeam } from '@/lib/db/generated/enums';

export type SafeguardingActor = Pick<SessionUser, 'id' | 'role' | 'teamId' | 'organisationIds'>;

export type SafeguardingConcernInput = {
  referredTo: SafeguardingTeam;
  referredToDetail?: string | null;
  summary: string;
};

export type RaiseConcernResult = { ok: true; id: string; caseId: string } | { ok: false; reason: 'not_found' | 'forbidden' };

/**
 * Records the concern if the actor may: by default anyone who may work on the case (a link worker
 * or coordinator of its team); the triage page asks for `triage.manage` instead.
 */
export async function raiseConcern(
  tx: Tx,
  actor: SafeguardingActor,
  caseId: string,
  input: SafeguardingConcernInput,
  now: Date = new Date(),
  permission: 'case.write' | 'triage.manage' = 'case.write',
): Promise<RaiseConcernResult> {
  const c = await tx.case.findUnique({
    where: { id: caseId },
    select: { id: true, teamId: true, personId: true, assignedWorkerId: true },
  });
  if (!c) return { ok: false, reason: 'not_found' };
  if (!can(actor as SessionUser, permission, { kind: 'case', teamId: c.teamId, assignedWorkerId: c.assignedWorkerId })) {
    return { ok: false, reason: 'forbidden' };
  }
  const concern = await tx.safeguardingConcern.create({
    data: {
      caseId: c.id,
      raisedById: actor.id,
      raisedAt: now,
      referredTo: input.referredTo,
      referredToDetail: input.referredToDetail ?? null,
      summary: input.summary,
    },
    select: { id: true },
  });
  await recordAudit(tx, {
    actor,
    action: 'safeguarding.raised',
    entityType: 'case',
    entityId: c.id,
    personId: c.personId,
    detail: { concernId: concern.id, referredTo: input.referredTo },
    at: now,
  });
  return { ok: true, id: concern.id, caseId: c.id };
}
