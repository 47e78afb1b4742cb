// "What matters" conversations: append-only. A correction is a new record that supersedes the old
// one (which is kept). The first conversation is the case's first contact and makes it active.
import { z } from 'zod';
import type { SessionUser } from '@/lib/auth/types';
import { recordAudit } from '@/lib/audit/record';
import type { Tx } from '@/lib/db/client';
import { londonDateKey, londonMidnight } from '@/lib/format/dates';
import { caseAccess } from './access';
import { dateKey, optionalDateKey, optionalText, uuid } from '@/lib/forms';
import { ons4Fields } from './ons4';
import { conversationTypes } from './labels';

export const conversationInput = z
  .object({
    occurredOn: dateKey('Enter the date of the conversation, for example 23 November 2026'),
    type: z.enum(conversationTypes, { error: 'Select the type of conversation' }),
    whatMatters: optionalText('What matters to the person', 5000),
    strengths: optionalText('Strengths', 5000),
    needs: z.array(uuid('Select needs from the list')).max(30).default([]),
    goals: optionalText('Goals', 5000),
    actions: optionalText('Agreed actions', 5000),
    ...ons4Fields,
    nextFollowUpOn: optionalDateKey('Enter the next follow-up date as a real date, for example 30 November 2026'),
    supersedesId: z.preprocess((v) => (v === '' ? undefined : v), uuid().optional()),
    correctionNote: optionalText('What was corrected', 1000),
  })
  .superRefine((v, ctx) => {
    if (v.nextFollowUpOn && v.nextFollowUpOn < v.occurredOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['nextFollowUpOn'],
        message: 'The next follow-up must be on or after the date of the conversation',
      });
    }
    if (v.supersedesId && !v.correctionNote) {
      ctx.addIssue({ code: 'custom', path: ['correctionNote'], message: 'Say what this correction changes' });
    }
  });

export type ConversationInput = z.infer<typeof conversationInput>;

export type RecordRefusal =
  'not_found' | 'forbidden' | 'closed' | 'future' | 'before_received' | 'not_in_case' | 'already_corrected' | 'unknown_need';

export type RecordResult = { ok: true; conversationId: string; firstContact: boolean } | { ok: false; reason: RecordRefusal };

export const recordRefusalMessage: Record<RecordRefusal, string> = {
  not_found: 'This case could not be found.',
  forbidden: 'You cannot add to this case.',
  closed: 'This case is closed, so conversations can no longer be added.',
  future: 'The date of the conversation must be today or in the past',
  before_received: 'The date of the conversation must be on or after the date the referral was received',
  not_in_case: 'The conversation you are correcting is not part of this case.',
  already_corrected: 'This conversation has already been corrected. Correct the newest version instead.',
  unknown_need: 'Select needs from the list',
};

/** When a conversation on a calendar day happened: now if it was today, else the start of that day in London. */
export function occurredAtFor(key: string, now: Date): Date {
  return key === londonDateKey(now) ? now : londonMidnight(key);
}

type ConversationData = ConversationInput & { isClosing?: boolean };

/** Writes a conversation row and its needs; the caller has checked access and the case's state. */
export async function insertConversation(tx: Tx, caseId: string, workerId: string, input: ConversationData, now: Date) {
  const occurredAt = occurredAtFor(input.occurredOn, now);
  return tx.conversation.create({
    data: {
      caseId,
      workerId,
      occurredAt,
      type: input.type,
      whatMatters: input.whatMatters ?? '',
      strengths: input.strengths ?? '',
      goals: input.goals ?? '',
      actions: input.actions ?? '',
      lifeSatisfaction: input.lifeSatisfaction ?? null,
      worthwhile: input.worthwhile ?? null,
      happiness: input.happiness ?? null,
      anxiety: input.anxiety ?? null,
      nextFollowUpOn: input.nextFollowUpOn ? new Date(`${input.nextFollowUpOn}T00:00:00Z`) : null,
      isClosing: input.isClosing ?? false,
      supersedesId: input.supersedesId ?? null,
      correctionNote: input.correctionNote ?? null,
      createdAt: now,
      needs: input.needs.length ? { createMany: { data: [...new Set(input.needs)].map((termId) => ({ termId })) } } : undefined,
    },
  });
}

/**
 * First contact is the date of the case's first conversation still in force (PRODUCT.md, measure
 * definitions); a case with a first contact that was waiting becomes active. Returns whether the
 * case changed (its version is bumped then).
 */
export async function settleFirstContact(tx: Tx, caseId: string): Promise<{ changed: boolean; firstContactAt: Date | null }> {
  // One statement: the first conversation still in force, and the case updated only if it moves.
  const [row] = await tx.$queryRaw<Array<{ firstContactAt: Date | null; changed: boolean }>>`
    WITH first AS (
      SELECT min(cv."occurredAt") AS at
      FROM "Conversation" cv
      WHERE cv."caseId" = ${caseId}::uuid AND NOT EXISTS (SELECT 1 FROM "Conversation" s WHERE s."supersedesId" = cv.id)
    ),
    updated AS (
      UPDATE "Case" c
      SET "firstContactAt" = first.at,
          status = CASE WHEN first.at IS NOT NULL AND c.status IN ('received', 'triaged') THEN 'active'::"CaseStatus" ELSE c.status END,
          version = c.version + 1,
          "updatedAt" = ${new Date()}::timestamp(3)
      FROM first
      WHERE c.id = ${caseId}::uuid
        AND (c."firstContactAt" IS DISTINCT FROM first.at OR (first.at IS NOT NULL AND c.status IN ('received', 'triaged')))
      RETURNING c.id
    )
    SELECT first.at AS "firstContactAt", EXISTS (SELECT 1 FROM updated) AS changed FROM first`;
  if (!row) throw new Error(`Case ${caseId} not found`);
  return { changed: row.changed, firstContactAt: row.firstContactAt };
}

export async function checkNeeds(tx: Tx, ids: readonly string[]): Promise<boolean> {
  if (ids.length === 0) return true;
  const unique = [...new Set(ids)];
  return (await tx.taxonomyTerm.count({ where: { id: { in: unique } } })) === unique.length;
}

/** Records a conversation (or a correction of one) on a case the user works on. */
export async function recordConversation(
  tx: Tx,
  user: SessionUser,
  caseId: string,
  input: ConversationInput,
  now: Date = new Date(),
): Promise<RecordResult> {
  // One writer at a time per case, so two first conversations cannot both think they are first:
  // the row is locked, and read as it is once locked.
  const access = await caseAccess(tx, user, caseId, 'case.write', { lock: true });
  if (!access.ok) return access;
  const kase = access.facts;
  if (kase.status === 'closed') return { ok: false, reason: 'closed' };
  if (input.occurredOn > londonDateKey(now)) return { ok: false, reason: 'future' };
  if (input.occurredOn < londonDateKey(kase.receivedAt)) return { ok: false, reason: 'before_received' };
  if (!(await checkNeeds(tx, input.needs))) return { ok: false, reason: 'unknown_need' };

  let isClosing = false;
  if (input.supersedesId) {
    const old = await tx.conversation.findUnique({
      where: { id: input.supersedesId },
      select: { caseId: true, isClosing: true, supersededBy: { select: { id: true } } },
    });
    if (!old || old.caseId !== caseId) return { ok: false, reason: 'not_in_case' };
    if (old.supersededBy) return { ok: false, reason: 'already_corrected' };
    isClosing = old.isClosing;
  }

  let created;
  try {
    created = await insertConversation(tx, caseId, user.id, { ...input, isClosing }, now);
  } catch (error) {
    // The unique supersedesId: someone corrected the same record a moment ago.
    if (input.supersedesId && (error as { code?: string }).code === 'P2002') return { ok: false, reason: 'already_corrected' };
    throw error;
  }
  const wasFirst = kase.firstContactAt === null;
  await settleFirstContact(tx, caseId);
  await recordAudit(tx, {
    actor: user,
    action: input.supersedesId ? 'conversation.corrected' : 'conversation.recorded',
    entityType: 'conversation',
    entityId: created.id,
    personId: kase.personId,
    detail: {
      caseId,
      type: input.type,
      supersedesId: input.supersedesId ?? null,
      ons4Answered: [input.lifeSatisfaction, input.worthwhile, input.happiness, input.anxiety].filter((s) => s !== undefined)
        .length,
    },
    at: now,
  });
  return { ok: true, conversationId: created.id, firstContact: wasFirst };
}
