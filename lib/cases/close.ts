// Closing a case: an outcome, and (unless the person could not be contacted) a closing
// conversation carrying the closing ONS4 scores. Guarded by the case's version. The referrer, and
// the GP practice where the person agreed, are told the outcome (./gp-outcome.ts).
import { z } from 'zod';
import type { SessionUser } from '@/lib/auth/types';
import { recordAudit } from '@/lib/audit/record';
import type { Tx } from '@/lib/db/client';
import { londonDateKey } from '@/lib/format/dates';
import { caseAccess } from './access';
import { queueCaseOutcome } from './gp-outcome';
import { insertConversation, occurredAtFor } from './conversations';
import { confirmed, dateKey, optionalText, version } from '@/lib/forms';
import { ons4Fields } from './ons4';
import { caseOutcomes, conversationTypes } from './labels';
import { queueCouldNotContact } from './could-not-contact';

export const closeCaseInput = z
  .object({
    expectedVersion: version(),
    outcome: z.enum(caseOutcomes, { error: 'Select the outcome' }),
    outcomeNote: optionalText('Notes about the outcome', 2000),
    closedOn: dateKey('Enter the date the case closed, for example 23 November 2026'),
    type: z.preprocess(
      (v) => (v === '' || v == null ? 'good_life' : v),
      z.enum(conversationTypes, { error: 'Select the type of conversation' }),
    ),
    whatMatters: optionalText('What matters to the person now', 5000),
    ...ons4Fields,
  })
  .superRefine((v, ctx) => {
    if (v.outcome === 'other' && !v.outcomeNote) {
      ctx.addIssue({ code: 'custom', path: ['outcomeNote'], message: 'Say what the outcome was' });
    }
  });

export type CloseCaseInput = z.infer<typeof closeCaseInput>;

/** The close form: the input, and the box that says the person means it (closing stops the work). */
export const closeCaseForm = closeCaseInput.safeExtend({ confirm: confirmed('Confirm that the case should close') });

export type CloseRefusal = 'not_found' | 'forbidden' | 'already_closed' | 'changed_since' | 'future' | 'before_received';

export type CloseResult =
  { ok: true; closingConversationId: string | null; messagesQueued: number } | { ok: false; reason: CloseRefusal };

export const closeRefusalMessage: Record<CloseRefusal, string> = {
  not_found: 'This case could not be found.',
  forbidden: 'You cannot close this case.',
  already_closed: 'This case has already been closed.',
  changed_since: 'This case changed since you opened it. Check the case, then close it again.',
  future: 'The date the case closed must be today or in the past',
  before_received: 'The date the case closed must be on or after the date the referral was received',
};

/** An outcome where there was no conversation to close with (so no closing scores). */
export function hasClosingConversation(outcome: CloseCaseInput['outcome']): boolean {
  return outcome !== 'could_not_contact';
}

export async function closeCase(
  tx: Tx,
  user: SessionUser,
  caseId: string,
  input: CloseCaseInput,
  now: Date = new Date(),
): Promise<CloseResult> {
  const access = await caseAccess(tx, user, caseId, 'case.write');
  if (!access.ok) return access;
  const { facts } = access;
  if (facts.status === 'closed') return { ok: false, reason: 'already_closed' };
  if (facts.version !== input.expectedVersion) return { ok: false, reason: 'changed_since' };
  if (input.closedOn > londonDateKey(now)) return { ok: false, reason: 'future' };
  if (input.closedOn < londonDateKey(facts.receivedAt)) return { ok: false, reason: 'before_received' };

  const closedAt = occurredAtFor(input.closedOn, now);
  const updated = await tx.case.updateMany({
    where: { id: caseId, version: input.expectedVersion, status: { not: 'closed' } },
    data: {
      status: 'closed',
      closedAt,
      closedById: user.id,
      outcome: input.outcome,
      outcomeNote: input.outcomeNote ?? null,
      version: { increment: 1 },
    },
  });
  if (updated.count === 0) return { ok: false, reason: 'changed_since' };

  let closingConversationId: string | null = null;
  if (hasClosingConversation(input.outcome)) {
    const conversation = await insertConversation(
      tx,
      caseId,
      user.id,
      {
        occurredOn: input.closedOn,
        type: input.type,
        whatMatters: input.whatMatters,
        needs: [],
        lifeSatisfaction: input.lifeSatisfaction,
        worthwhile: input.worthwhile,
        happiness: input.happiness,
        anxiety: input.anxiety,
        isClosing: true,
      },
      now,
    );
    closingConversationId = conversation.id;
    // A case closed at its only contact (declined support, signposted) still had a first contact.
    if (facts.firstContactAt === null) {
      await tx.case.update({ where: { id: caseId }, data: { firstContactAt: conversation.occurredAt } });
    }
  }
  // Nobody could reach them: tell them (if we can) and whoever referred them.
  const messagesQueued =
    input.outcome === 'could_not_contact' ? (await queueCouldNotContact(tx, caseId, now)).messages.length : 0;
  await recordAudit(tx, {
    actor: user,
    action: 'case.closed',
    entityType: 'case',
    entityId: caseId,
    personId: facts.personId,
    detail: { outcome: input.outcome, closingConversationId, messagesQueued },
    at: now,
  });
  // The could-not-contact letter already tells the referrer; the GP practice still hears the outcome.
  await queueCaseOutcome(tx, user, caseId, now, { toReferrer: input.outcome !== 'could_not_contact' });
  return { ok: true, closingConversationId, messagesQueued };
}
