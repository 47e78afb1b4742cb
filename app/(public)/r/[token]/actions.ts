'use server';

import { redirect } from 'next/navigation';
import { db } from '@/lib/db/client';
import { answerByLink, type LinkAnswer } from '@/lib/referrals/answer-links';
import { looksLikeToken } from '@/lib/tokens';

const answers: readonly LinkAnswer[] = ['accepted', 'waitlisted', 'declined'];

/** The confirmation form's POST: makes the answer through the link, then shows the outcome. */
export async function answerReferral(formData: FormData): Promise<void> {
  const token = String(formData.get('token') ?? '');
  if (!looksLikeToken(token)) redirect('/r/answered?status=unusable');
  const answer = String(formData.get('answer') ?? '') as LinkAnswer;
  if (!answers.includes(answer)) redirect(`/r/${token}?error=answer`);
  const reason = formData.get('reason');
  const note = formData.get('note');

  const result = await answerByLink(
    db(),
    token,
    { answer, reason: typeof reason === 'string' ? reason : null, note: typeof note === 'string' ? note : null },
    new Date(),
  );
  if (result.ok) redirect(`/r/answered?status=${result.status}`);
  if (result.reason === 'reason_required') redirect(`/r/${token}?error=reason`);
  // The page itself explains an unusable link or a referral that has moved on.
  redirect(`/r/${token}`);
}
