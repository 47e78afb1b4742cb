'use server';

import { revalidatePath } from 'next/cache';
import { forbidden, notFound, redirect } from 'next/navigation';
import { requireRole } from '@/lib/auth/session';
import { bulkReassignInput, bulkRefusalMessage, reassignCaseload } from '@/lib/cases/reassign';
import { db } from '@/lib/db/client';
import { parseForm, refusal, refused, type FormState } from '@/lib/forms';
import { formAction } from '@/lib/forms/action';
import { isUpdateKey, markAllUpdatesRead, markUpdateRead } from '@/lib/referrals/updates';

/** Back to the updates list as it was (which list, which page). */
function backToUpdates(form: FormData, done: string): never {
  const show = form.get('show') === 'all' ? 'all' : 'unread';
  const page = Number(form.get('page'));
  const query = new URLSearchParams({ show, done });
  if (Number.isInteger(page) && page > 1) query.set('page', String(page));
  revalidatePath('/caseload');
  redirect(`/caseload/updates?${query.toString()}`);
}

export async function markUpdateReadAction(form: FormData): Promise<void> {
  const user = await requireRole('link_worker', 'coordinator');
  const key = form.get('key');
  if (!isUpdateKey(key)) notFound();
  await db().$transaction((tx) => markUpdateRead(tx, user, key));
  backToUpdates(form, 'read');
}

export async function markAllUpdatesReadAction(form: FormData): Promise<void> {
  const user = await requireRole('link_worker', 'coordinator');
  // Only what the page showed: an answer that arrived since stays unread.
  const upTo = new Date(String(form.get('upTo') ?? ''));
  if (Number.isNaN(upTo.getTime())) notFound();
  await db().$transaction((tx) => markAllUpdatesRead(tx, user, upTo));
  backToUpdates(form, 'all-read');
}

export const bulkReassignAction = formAction(async function bulkReassignAction(
  _prev: FormState,
  form: FormData,
): Promise<FormState> {
  const user = await requireRole('coordinator', 'admin');
  const parsed = parseForm(bulkReassignInput, form, { lists: ['spreadWorkerIds'], multiline: ['reason'] });
  if (!parsed.ok) return parsed.state;
  const result = await db().$transaction((tx) => reassignCaseload(tx, user, parsed.data), { timeout: 60_000 });
  if (!result.ok) {
    if (result.reason === 'forbidden') forbidden();
    if (result.reason === 'not_found') notFound();
    revalidatePath('/caseload/reassign');
    return refused(
      parsed.values,
      refusal(result.reason, bulkRefusalMessage, {
        unknown_worker: parsed.data.mode === 'one' ? 'toWorkerId' : 'spreadWorkerIds',
        same_worker: parsed.data.mode === 'one' ? 'toWorkerId' : 'spreadWorkerIds',
      }),
    );
  }
  revalidatePath('/caseload');
  revalidatePath('/triage');
  if (user.role === 'admin') redirect(`/admin/staff/${parsed.data.fromWorkerId}?done=cases-moved`);
  redirect(`/caseload?scope=team&moved=${result.moved}`);
});
