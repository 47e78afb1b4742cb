// Tries to reach the person that did not become a conversation ("tried to call, no answer"),
// logged in two taps from triage and the case. Counted "in a row": since the latest conversation
// (or reopening), so after config.contactAttemptsBeforeClosing tries the worker is offered
// "close: could not contact", which writes to the person and the referrer (./could-not-contact.ts).
import 'server-only';
import { z } from 'zod';
import type { SessionUser } from '@/lib/auth/types';
import { recordAudit } from '@/lib/audit/record';
import { config } from '@/lib/config';
import { Prisma, type Tx } from '@/lib/db/client';
import { uuid } from '@/lib/forms';
import { caseAccess } from './access';
import { contactAttemptLabels, contactAttemptOutcomes, isContactAttemptOutcome, triesText } from './labels';

export const contactAttemptInput = z.object({
  outcome: z.enum(contactAttemptOutcomes, { error: 'Choose what happened when you tried' }),
  // Made when the page was drawn: a form sent twice records one try.
  submissionKey: uuid('Something went wrong with this form. Reload the page and try again.'),
});
export type ContactAttemptInput = z.infer<typeof contactAttemptInput>;

/**
 * SQL for the number of tries in a row on the case whose id is `caseId` (a column or a value):
 * those after its latest conversation and latest reopening. Used inside the lists' statements.
 */
export function attemptsInARowSql(caseId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(
    SELECT count(*)::int FROM "ContactAttempt" ca
    WHERE ca."caseId" = ${caseId}
      AND ca."createdAt" > coalesce(greatest(
        (SELECT max(cv."createdAt") FROM "Conversation" cv WHERE cv."caseId" = ${caseId}),
        (SELECT max(e."createdAt") FROM "CaseEvent" e WHERE e."caseId" = ${caseId} AND e.kind = 'reopened')
      ), '-infinity'::timestamp))`;
}

export async function attemptsInARow(tx: Tx, caseId: string): Promise<number> {
  const [row] = await tx.$queryRaw<Array<{ n: number }>>`SELECT ${attemptsInARowSql(Prisma.sql`${caseId}::uuid`)} AS n`;
  return Number(row?.n ?? 0);
}

/** Whether the case has had enough tries in a row to offer "close: could not contact". */
export function mayCloseAsCouldNotContact(tries: number, threshold: number = config.contactAttemptsBeforeClosing): boolean {
  return tries >= threshold;
}

export type ContactAttemptResult =
  { ok: true; attemptsInARow: number; recorded: boolean } | { ok: false; reason: 'not_found' | 'forbidden' | 'closed' };

export const contactAttemptRefusalMessage = {
  closed: 'This case is closed, so no try was recorded.',
} as const;

/** Records one try (once per submission key) and says how many there have been in a row. */
export async function logContactAttempt(
  tx: Tx,
  user: SessionUser,
  caseId: string,
  input: ContactAttemptInput,
  now: Date = new Date(),
): Promise<ContactAttemptResult> {
  const access = await caseAccess(tx, user, caseId, 'case.write');
  if (!access.ok) return access;
  if (access.facts.status === 'closed') return { ok: false, reason: 'closed' };
  const { count } = await tx.contactAttempt.createMany({
    data: [{ caseId, userId: user.id, outcome: input.outcome, submissionKey: input.submissionKey, createdAt: now }],
    skipDuplicates: true,
  });
  if (count > 0) {
    await recordAudit(tx, {
      actor: user,
      action: 'case.contact_attempted',
      entityType: 'case',
      entityId: caseId,
      personId: access.facts.personId,
      detail: { outcome: input.outcome },
      at: now,
    });
  }
  return { ok: true, attemptsInARow: await attemptsInARow(tx, caseId), recorded: count > 0 };
}

/** The banner after a try is recorded; `done` is "attempt-<outcome>-<tries in a row>". */
export function contactAttemptDoneMessage(done: string): string | null {
  const m = /^attempt-([a-z_]+)-(\d+)$/.exec(done);
  if (!m || !isContactAttemptOutcome(m[1])) return null;
  const n = Number(m[2]);
  const offer = mayCloseAsCouldNotContact(n) ? ' You can now close the case as “could not contact”.' : '';
  return `Try recorded: ${contactAttemptLabels[m[1]].toLowerCase()}. That is ${triesText(n)} since the last conversation.${offer}`;
}
