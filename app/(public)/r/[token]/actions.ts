'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { db } from '@/lib/db/client';
import { blankToUndefined, optionalText, parseForm, refused, type FormState } from '@/lib/forms';
import { answerByLink } from '@/lib/referrals/answer-links';
import { isDeclineReason } from '@/lib/referrals/lifecycle';
import { looksLikeToken } from '@/lib/tokens';
import { formAction } from '@/lib/forms/action';

const REASON_REQUIRED = 'Select why you cannot take this referral';

const answerInput = z
  .object({
    answer: z.enum(['accepted', 'waitlisted', 'declined'], { error: 'Choose your answer' }),
    reason: z.preprocess(blankToUndefined, z.string().optional()),
    // A note over the limit is refused with a message and kept in the box, never cut short.
    note: optionalText('Your note', 2000),
  })
  .superRefine((v, ctx) => {
    if (v.answer === 'declined' && !isDeclineReason(v.reason))
      ctx.addIssue({ code: 'custom', path: ['reason'], message: REASON_REQUIRED });
  });

/** The confirmation form's POST: makes the answer through the link, then shows the outcome. */
export const answerReferral = formAction(async function answerReferral(_prev: FormState, formData: FormData): Promise<FormState> {
  const token = String(formData.get('token') ?? '');
  if (!looksLikeToken(token)) redirect('/r/answered?status=unusable');
  const parsed = parseForm(answerInput, formData, { multiline: ['note'] });
  if (!parsed.ok) return parsed.state;
  const { answer, reason, note } = parsed.data;
  const result = await answerByLink(db(), token, { answer, reason: reason ?? null, note: note ?? null }, new Date());
  if (result.ok) redirect(`/r/answered?status=${result.status}`);
  if (result.reason === 'reason_required') return refused(parsed.values, { field: 'reason', message: REASON_REQUIRED });
  // The page itself explains an unusable link or a referral that has moved on.
  redirect(`/r/${token}`);
});
