'use server';

import { revalidatePath } from 'next/cache';
import { forbidden, notFound, redirect } from 'next/navigation';
import { requireUser } from '@/lib/auth/session';
import { closeCase, closeCaseInput, closeRefusalMessage } from '@/lib/cases/close';
import { consentInput, consentRefusalMessage, recordConsent, withdrawConsent } from '@/lib/cases/consent';
import { conversationInput, recordConversation, recordRefusalMessage } from '@/lib/cases/conversations';
import { failed, formInput, formValues, isUuid, refused, type FormState } from '@/lib/cases/form';
import { moveCaseReferral, workerMoveInput } from '@/lib/cases/refer-out';
import { raiseConcern } from '@/lib/cases/safeguarding';
import { db } from '@/lib/db/client';
import { personDetailsInput, personDetailsRefusalMessage, updatePersonDetails } from '@/lib/people/details';
import { refusalMessage } from '@/lib/referrals/lifecycle';
import { safeguardingInput, type TriageFormState } from '@/lib/triage/schema';
import { recordUnmetNeed, unmetNeedInput, unmetNeedRefusalMessage } from '@/lib/unmet-need/record';

function stop(reason: string): never {
  if (reason === 'forbidden') forbidden();
  notFound();
}

function done(caseId: string, what: string, anchor = ''): never {
  revalidatePath(`/cases/${caseId}`);
  revalidatePath('/caseload');
  redirect(`/cases/${caseId}?done=${what}${anchor}`);
}

export async function saveConversation(caseId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  if (!isUuid(caseId)) notFound();
  const parsed = conversationInput.safeParse(formInput(form, ['needs']));
  if (!parsed.success) return failed(parsed.error, form);
  const result = await db().$transaction((tx) => recordConversation(tx, user, caseId, parsed.data));
  if (!result.ok) {
    if (result.reason === 'forbidden' || result.reason === 'not_found') stop(result.reason);
    const field = result.reason === 'future' || result.reason === 'before_received' ? 'occurredOn' : result.reason === 'unknown_need' ? 'needs' : null;
    return field ? refused('', form, { [field]: [recordRefusalMessage[result.reason]] }) : refused(recordRefusalMessage[result.reason], form);
  }
  done(caseId, parsed.data.supersedesId ? 'corrected' : 'conversation', `#conversation-${result.conversationId}`);
}

export async function closeCaseAction(caseId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  if (!isUuid(caseId)) notFound();
  const parsed = closeCaseInput.safeParse(formInput(form));
  if (!parsed.success) return failed(parsed.error, form);
  const result = await db().$transaction((tx) => closeCase(tx, user, caseId, parsed.data));
  if (!result.ok) {
    if (result.reason === 'forbidden' || result.reason === 'not_found') stop(result.reason);
    if (result.reason === 'future' || result.reason === 'before_received') return refused('', form, { closedOn: [closeRefusalMessage[result.reason]] });
    return refused(closeRefusalMessage[result.reason], form);
  }
  done(caseId, 'closed');
}

export async function recordConsentAction(caseId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  if (!isUuid(caseId)) notFound();
  const parsed = consentInput.safeParse(formInput(form, ['fields']));
  if (!parsed.success) return failed(parsed.error, form);
  const result = await db().$transaction((tx) => recordConsent(tx, user, caseId, parsed.data));
  if (!result.ok) {
    if (result.reason === 'forbidden' || result.reason === 'not_found') stop(result.reason);
    return refused('', form, { organisationId: [consentRefusalMessage[result.reason]] });
  }
  done(caseId, 'consent', '#consent');
}

export async function withdrawConsentAction(caseId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  const consentId = form.get('consentId');
  if (!isUuid(caseId) || !isUuid(consentId)) notFound();
  const result = await db().$transaction((tx) => withdrawConsent(tx, user, caseId, consentId));
  if (!result.ok) {
    if (result.reason === 'forbidden') stop(result.reason);
    return refused(consentRefusalMessage[result.reason], form);
  }
  done(caseId, 'consent-withdrawn', '#consent');
}

export async function savePersonDetails(caseId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  if (!isUuid(caseId)) notFound();
  const parsed = personDetailsInput.safeParse(formInput(form));
  if (!parsed.success) return failed(parsed.error, form);
  const result = await db().$transaction((tx) => updatePersonDetails(tx, user, caseId, parsed.data));
  if (!result.ok) {
    if (result.reason === 'forbidden' || result.reason === 'not_found') stop(result.reason);
    // Keep what they typed, but show the details as they are now, so they can redo the change.
    revalidatePath(`/cases/${caseId}/person`);
    return refused(personDetailsRefusalMessage[result.reason], form);
  }
  done(caseId, 'person');
}

export async function recordUnmetNeedAction(caseId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  if (!isUuid(caseId)) notFound();
  const parsed = unmetNeedInput.safeParse(formInput(form));
  if (!parsed.success) return failed(parsed.error, form);
  const result = await db().$transaction((tx) => recordUnmetNeed(tx, user, caseId, parsed.data));
  if (!result.ok) {
    if (result.reason === 'forbidden' || result.reason === 'not_found') stop(result.reason);
    return refused('', form, { [result.reason === 'unknown_theme' ? 'termId' : 'referralId']: [unmetNeedRefusalMessage[result.reason]] });
  }
  done(caseId, 'unmet-need', '#unmet-need');
}

export async function referralMoveAction(caseId: string, referralId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const user = await requireUser();
  if (!isUuid(caseId) || !isUuid(referralId)) notFound();
  const parsed = workerMoveInput.safeParse(formInput(form));
  if (!parsed.success) return failed(parsed.error, form);
  const result = await db().$transaction((tx) => moveCaseReferral(tx, user, caseId, referralId, parsed.data));
  if (!result.ok) {
    if (result.reason === 'forbidden' || result.reason === 'not_found') stop(result.reason);
    return refused(refusalMessage[result.reason], form);
  }
  done(caseId, `referral-${result.status}`, `#referral-${referralId}`);
}

export async function raiseSafeguardingAction(caseId: string, _prev: TriageFormState, form: FormData): Promise<TriageFormState> {
  const user = await requireUser();
  if (!isUuid(caseId)) notFound();
  const values = formValues(form);
  for (const key of Object.keys(values)) {
    const v = values[key];
    values[key] = typeof v === 'string' ? v.slice(0, 2000) : v.map((x) => x.slice(0, 2000));
  }
  const parsed = safeguardingInput.safeParse({ ...values, caseId });
  if (!parsed.success) {
    const errors: TriageFormState['errors'] = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      if (field && !errors[field]) errors[field] = issue.message;
    }
    return { errors, values };
  }
  const result = await db().$transaction((tx) => raiseConcern(tx, user, caseId, parsed.data));
  if (!result.ok) stop(result.reason);
  done(caseId, 'safeguarding', '#safeguarding');
}
