// Who may open a case: a link worker or coordinator of the case's team (lib/auth/permissions).
// Every page and action about a case asks here first; a refusal is recorded too.
import 'server-only';
import { can, type Action } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/types';
import { recordAudit } from '@/lib/audit/record';
import { Prisma, type Tx } from '@/lib/db/client';
import type { CaseStatus } from '@/lib/db/generated/enums';
import { isUuid } from '@/lib/forms';

export type CaseFacts = {
  id: string;
  reference: string;
  personId: string;
  teamId: string;
  assignedWorkerId: string | null;
  status: CaseStatus;
  version: number;
  receivedAt: Date;
  firstContactAt: Date | null;
};

export type CaseAccess = { ok: true; facts: CaseFacts } | { ok: false; reason: 'not_found' | 'forbidden' };

export type CaseAction = Extract<Action, 'case.read' | 'case.write' | 'case.reassign' | 'referral.create' | 'person.read'>;

/**
 * Loads the facts the rules need and applies them. Refusals are audited (without the person's data).
 * With `lock`, the case row is locked for the rest of the transaction (one writer at a time) and
 * the facts are as they are once locked.
 */
export async function caseAccess(
  tx: Tx,
  user: SessionUser | null,
  caseId: string,
  action: CaseAction = 'case.read',
  options: { lock?: boolean } = {},
): Promise<CaseAccess> {
  if (!isUuid(caseId)) return { ok: false, reason: 'not_found' };
  const [facts] = await tx.$queryRaw<CaseFacts[]>`
    SELECT id, reference, "personId", "teamId", "assignedWorkerId", status::text AS status, version, "receivedAt", "firstContactAt"
    FROM "Case" WHERE id = ${caseId}::uuid ${options.lock ? Prisma.sql`FOR UPDATE` : Prisma.empty}`;
  if (!facts) return { ok: false, reason: 'not_found' };
  if (!can(user, action, { kind: 'case', teamId: facts.teamId, assignedWorkerId: facts.assignedWorkerId })) {
    if (user) {
      await recordAudit(tx, {
        actor: user,
        action: 'case.access_refused',
        entityType: 'case',
        entityId: facts.id,
        personId: facts.personId,
        detail: { attempted: action },
      });
    }
    return { ok: false, reason: 'forbidden' };
  }
  return { ok: true, facts };
}
