'use server';

import { revalidatePath } from 'next/cache';
import { forbidden, notFound, redirect } from 'next/navigation';
import { requireUser } from '@/lib/auth/session';
import { closeCase, closeCaseForm, closeRefusalMessage } from '@/lib/cases/close';
import { consentInput, consentRefusalMessage, recordConsent, withdrawConsent, withdrawConsentInput } from '@/lib/cases/consent';
import { contactAttemptInput, contactAttemptRefusalMessage, logContactAttempt } from '@/lib/cases/contact-attempts';
import { reassignCase, reassignInput, reassignRefusalMessage } from '@/lib/cases/reassign';
import { reopenCase, reopenInput, reopenRefusalMessage } from '@/lib/cases/reopen';
import { conversationInput, recordConversation, recordRefusalMessage } from '@/lib/cases/conversations';
import { moveCaseReferral, workerMoveInput } from '@/lib/cases/refer-out';
import { raiseConcern } from '@/lib/cases/safeguarding';
import { sendDetailsFromCase, sendDetailsInput, sendDetailsRefusalMessage } from '@/lib/cases/service-details';
import { db } from '@/lib/db/client';
import { isUuid, parseForm, refusal, refused, type FormState } from '@/lib/forms';
import { personDetailsInput, personDetailsRefusalMessage, updatePersonDetails } from '@/lib/people/details';
import { refusalMessage } from '@/lib/referrals/lifecycle';
import { safeguardingInput } from '@/lib/triage/schema';
import { recordUnmetNeed, unmetNeedInput, unmetNeedRefusalMessage } from '@/lib/unmet-need/record';
import { formAction } from '@/lib/forms/action';

function stop(reason: string): never {
  if (reason === 'forbidden') forbidden();
  notFound();
}

function done(caseId: string, what: string, anchor = ''): never {
  revalidatePath(`/cases/${caseId}`);
  revalidatePath('/caseload');
  redirect(`/cases/${caseId}?done=${what}${anchor}`);
}

export const saveConversation = formAction(async function saveConversation(
  caseId: string,
  _prev: FormState,
  form: FormData,
): Promise<FormState> {
  const user = await requireUser();
  if (!isUuid(caseId)) notFound();
  const parsed = parseForm(conversationInput, form, {
    lists: ['needs'],
    multiline: ['correctionNote', 'whatMatters', 'strengths', 'goals', 'actions'],
  });
  if (!parsed.ok) return parsed.state;
  const result = await db().$transaction((tx) => recordConversation(tx, user, caseId, parsed.data));
  if (!result.ok) {
    if (result.reason === 'forbidden' || result.reason === 'not_found') stop(result.reason);
    return refused(
      parsed.values,
      refusal(result.reason, recordRefusalMessage, {
        future: 'occurredOn',
        before_received: 'occurredOn',
        unknown_need: 'needs',
      }),
    );
  }
  done(caseId, parsed.data.supersedesId ? 'corrected' : 'conversation', `#conversation-${result.conversationId}`);
});

export const closeCaseAction = formAction(async function closeCaseAction(
  caseId: string,
  _prev: FormState,
  form: FormData,
): Promise<FormState> {
  const user = await requireUser();
  if (!isUuid(caseId)) notFound();
  const parsed = parseForm(closeCaseForm, form, { multiline: ['outcomeNote', 'whatMatters'] });
  if (!parsed.ok) return parsed.state;
  const result = await db().$transaction((tx) => closeCase(tx, user, caseId, parsed.data));
  if (!result.ok) {
    if (result.reason === 'forbidden' || result.reason === 'not_found') stop(result.reason);
    return refused(
      parsed.values,
      refusal(result.reason, closeRefusalMessage, { future: 'closedOn', before_received: 'closedOn' }),
    );
  }
  done(caseId, result.messagesQueued > 0 ? `closed-written-${result.messagesQueued}` : 'closed');
});

export const recordConsentAction = formAction(async function recordConsentAction(
  caseId: string,
  _prev: FormState,
  form: FormData,
): Promise<FormState> {
  const user = await requireUser();
  if (!isUuid(caseId)) notFound();
  const parsed = parseForm(consentInput, form, { lists: ['fields'], multiline: ['note'] });
  if (!parsed.ok) return parsed.state;
  const result = await db().$transaction((tx) => recordConsent(tx, user, caseId, parsed.data));
  if (!result.ok) {
    if (result.reason === 'forbidden' || result.reason === 'not_found') stop(result.reason);
    return refused(parsed.values, { field: 'organisationId', message: consentRefusalMessage[result.reason] });
  }
  done(caseId, 'consent', '#consent');
});

export const withdrawConsentAction = formAction(async function withdrawConsentAction(
  caseId: string,
  _prev: FormState,
  form: FormData,
): Promise<FormState> {
  const user = await requireUser();
  if (!isUuid(caseId)) notFound();
  const parsed = parseForm(withdrawConsentInput, form, { multiline: ['reason'] });
  if (!parsed.ok) return parsed.state;
  const result = await db().$transaction((tx) => withdrawConsent(tx, user, caseId, parsed.data));
  if (!result.ok) {
    if (result.reason === 'forbidden') stop(result.reason);
    return refused(parsed.values, consentRefusalMessage[result.reason]);
  }
  done(caseId, 'consent-withdrawn', '#consent');
});

export const savePersonDetails = formAction(async function savePersonDetails(
  caseId: string,
  _prev: FormState,
  form: FormData,
): Promise<FormState> {
  const user = await requireUser();
  if (!isUuid(caseId)) notFound();
  const parsed = parseForm(personDetailsInput, form, { multiline: ['contactNotes'] });
  if (!parsed.ok) return parsed.state;
  const result = await db().$transaction((tx) => updatePersonDetails(tx, user, caseId, parsed.data));
  if (!result.ok) {
    if (result.reason === 'forbidden' || result.reason === 'not_found') stop(result.reason);
    // Keep what they typed, but show the details as they are now, so they can redo the change.
    revalidatePath(`/cases/${caseId}/person`);
    return refused(parsed.values, personDetailsRefusalMessage[result.reason]);
  }
  done(caseId, 'person');
});

export const recordUnmetNeedAction = formAction(async function recordUnmetNeedAction(
  caseId: string,
  _prev: FormState,
  form: FormData,
): Promise<FormState> {
  const user = await requireUser();
  if (!isUuid(caseId)) notFound();
  const parsed = parseForm(unmetNeedInput, form, { multiline: ['note'] });
  if (!parsed.ok) return parsed.state;
  const result = await db().$transaction((tx) => recordUnmetNeed(tx, user, caseId, parsed.data));
  if (!result.ok) {
    if (result.reason === 'forbidden' || result.reason === 'not_found') stop(result.reason);
    return refused(parsed.values, {
      field: result.reason === 'unknown_theme' ? 'termId' : 'referralId',
      message: unmetNeedRefusalMessage[result.reason],
    });
  }
  done(caseId, 'unmet-need', '#unmet-need');
});

export const referralMoveAction = formAction(async function referralMoveAction(
  caseId: string,
  referralId: string,
  _prev: FormState,
  form: FormData,
): Promise<FormState> {
  const user = await requireUser();
  if (!isUuid(caseId) || !isUuid(referralId)) notFound();
  const parsed = parseForm(workerMoveInput, form, { multiline: ['note'] });
  if (!parsed.ok) return parsed.state;
  const result = await db().$transaction((tx) => moveCaseReferral(tx, user, caseId, referralId, parsed.data));
  if (!result.ok) {
    if (result.reason === 'forbidden' || result.reason === 'not_found') stop(result.reason);
    return refused(parsed.values, refusalMessage[result.reason]);
  }
  done(caseId, `referral-${result.status}`, `#referral-${referralId}`);
});

export const raiseSafeguardingAction = formAction(async function raiseSafeguardingAction(
  caseId: string,
  _prev: FormState,
  form: FormData,
): Promise<FormState> {
  const user = await requireUser();
  if (!isUuid(caseId)) notFound();
  // A summary over the limit is refused with a message, never cut short and saved.
  const parsed = parseForm(safeguardingInput, form, { with: { caseId }, multiline: ['summary'] });
  if (!parsed.ok) return parsed.state;
  const result = await db().$transaction((tx) => raiseConcern(tx, user, caseId, parsed.data));
  if (!result.ok) stop(result.reason);
  done(caseId, 'safeguarding', '#safeguarding');
});

export const sendDetailsAction = formAction(async function sendDetailsAction(
  caseId: string,
  _prev: FormState,
  form: FormData,
): Promise<FormState> {
  const user = await requireUser();
  if (!isUuid(caseId)) notFound();
  const parsed = parseForm(sendDetailsInput, form, { lists: ['serviceIds'] });
  if (!parsed.ok) return parsed.state;
  const result = await db().$transaction((tx) => sendDetailsFromCase(tx, user, caseId, parsed.data));
  if (!result.ok) {
    if (result.reason === 'forbidden' || result.reason === 'not_found') stop(result.reason);
    return refused(
      parsed.values,
      refusal(result.reason, sendDetailsRefusalMessage, { no_route: 'sendTo', unknown_service: 'serviceIds' }),
    );
  }
  done(caseId, result.channel === 'email' ? 'details-emailed' : 'details-texted');
});

export const contactAttemptAction = formAction(async function contactAttemptAction(
  caseId: string,
  /** Where the form was: back there afterwards. */
  from: 'case' | 'triage',
  _prev: FormState,
  form: FormData,
): Promise<FormState> {
  const user = await requireUser();
  if (!isUuid(caseId)) notFound();
  const parsed = parseForm(contactAttemptInput, form);
  if (!parsed.ok) return parsed.state;
  const result = await db().$transaction((tx) => logContactAttempt(tx, user, caseId, parsed.data));
  if (!result.ok) {
    if (result.reason === 'forbidden' || result.reason === 'not_found') stop(result.reason);
    return refused(parsed.values, contactAttemptRefusalMessage[result.reason]);
  }
  const what = `attempt-${parsed.data.outcome}-${result.attemptsInARow}`;
  if (from === 'triage') {
    revalidatePath('/triage');
    redirect(`/triage/${caseId}?done=${what}#contact`);
  }
  done(caseId, what, '#contact');
});

export const reassignAction = formAction(async function reassignAction(
  caseId: string,
  _prev: FormState,
  form: FormData,
): Promise<FormState> {
  const user = await requireUser();
  if (!isUuid(caseId)) notFound();
  const parsed = parseForm(reassignInput, form, { multiline: ['reason'] });
  if (!parsed.ok) return parsed.state;
  const result = await db().$transaction((tx) => reassignCase(tx, user, caseId, parsed.data));
  if (!result.ok) {
    if (result.reason === 'forbidden' || result.reason === 'not_found') stop(result.reason);
    if (result.reason === 'changed_since') revalidatePath(`/cases/${caseId}/reassign`);
    return refused(
      parsed.values,
      refusal(result.reason, reassignRefusalMessage, { same_worker: 'toWorkerId', unknown_worker: 'toWorkerId' }),
    );
  }
  done(caseId, 'reassigned');
});

export const reopenAction = formAction(async function reopenAction(
  caseId: string,
  _prev: FormState,
  form: FormData,
): Promise<FormState> {
  const user = await requireUser();
  if (!isUuid(caseId)) notFound();
  const parsed = parseForm(reopenInput, form, { multiline: ['reason'] });
  if (!parsed.ok) return parsed.state;
  const result = await db().$transaction((tx) => reopenCase(tx, user, caseId, parsed.data));
  if (!result.ok) {
    if (result.reason === 'forbidden' || result.reason === 'not_found') stop(result.reason);
    return refused(parsed.values, refusal(result.reason, reopenRefusalMessage, { unknown_worker: 'workerId' }));
  }
  done(caseId, 'reopened');
});
