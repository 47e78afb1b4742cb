'use server';

import { revalidatePath } from 'next/cache';
import { forbidden, notFound, redirect } from 'next/navigation';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { formValues, isUuid, parseForm, refused, type FormState, type FormValues } from '@/lib/forms';
import { triageCaseTeam } from '@/lib/triage/case';
import {
  assignReferral,
  raiseSafeguardingConcern,
  rateReferral,
  signpostReferral,
  type DecisionRefusal,
} from '@/lib/triage/decisions';
import { CONFLICT_MESSAGE, assignInput, rateInput, safeguardingInput, signpostInput } from '@/lib/triage/schema';
import { formAction } from '@/lib/forms/action';

/** The signed-in user, if they may triage this case; otherwise a 404 or 403 page. */
async function authorise(form: FormData) {
  const user = await requireUser();
  const caseId = form.get('caseId');
  if (!isUuid(caseId)) notFound();
  const facts = await triageCaseTeam(db(), caseId);
  if (!facts) notFound();
  if (!can(user, 'triage.manage', { kind: 'case', teamId: facts.teamId })) forbidden();
  return user;
}

function refusedDecision(result: DecisionRefusal, caseId: string, values: FormValues): FormState {
  switch (result.reason) {
    case 'not_found':
      return notFound();
    case 'forbidden':
      return forbidden();
    case 'invalid':
      return refused(values, { field: result.field, message: result.message });
    case 'not_waiting':
      revalidatePath(`/triage/${caseId}`);
      return refused(values, 'This referral has already been assigned or closed, so nothing was changed.');
    case 'conflict':
      revalidatePath(`/triage/${caseId}`);
      return refused(values, CONFLICT_MESSAGE);
  }
}

export const rateAction = formAction(async function rateAction(_prev: FormState, form: FormData): Promise<FormState> {
  const user = await authorise(form);
  const parsed = parseForm(rateInput, form, { multiline: ['ragReason'] });
  if (!parsed.ok) return parsed.state;
  const result = await db().$transaction((tx) => rateReferral(tx, user, parsed.data));
  if (!result.ok) return refusedDecision(result, parsed.data.caseId, parsed.values);
  revalidatePath('/triage');
  redirect(`/triage/${result.caseId}?done=rated`);
});

export const assignAction = formAction(async function assignAction(_prev: FormState, form: FormData): Promise<FormState> {
  const user = await authorise(form);
  const parsed = parseForm(assignInput, form);
  if (!parsed.ok) return parsed.state;
  const result = await db().$transaction((tx) => assignReferral(tx, user, parsed.data));
  if (!result.ok) return refusedDecision(result, parsed.data.caseId, parsed.values);
  revalidatePath('/triage');
  redirect(`/triage?assigned=${result.caseId}`);
});

export const signpostAction = formAction(async function signpostAction(_prev: FormState, form: FormData): Promise<FormState> {
  const user = await authorise(form);
  const parsed = parseForm(signpostInput, form, { lists: ['serviceIds'], multiline: ['note'] });
  if (!parsed.ok) return parsed.state;
  const result = await db().$transaction((tx) => signpostReferral(tx, user, parsed.data));
  if (!result.ok) return refusedDecision(result, parsed.data.caseId, parsed.values);
  revalidatePath('/triage');
  redirect(`/triage?signposted=${result.caseId}`);
});

export const safeguardingAction = formAction(async function safeguardingAction(
  _prev: FormState,
  form: FormData,
): Promise<FormState> {
  const user = await authorise(form);
  const parsed = parseForm(safeguardingInput, form, { multiline: ['summary'] });
  if (!parsed.ok) return parsed.state;
  const result = await db().$transaction((tx) => raiseSafeguardingConcern(tx, user, parsed.data));
  if (!result.ok) {
    if (result.reason === 'not_found') notFound();
    if (result.reason === 'forbidden') forbidden();
    return refused(formValues(form), { field: result.field, message: result.message });
  }
  redirect(`/triage/${result.caseId}?done=safeguarding`);
});
