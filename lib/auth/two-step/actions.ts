'use server';

import type { Route } from 'next';
import { redirect } from 'next/navigation';
import { db } from '@/lib/db/client';
import { config } from '@/lib/config';
import { parseForm, refused } from '@/lib/forms';
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { getSession, requireUser } from '../session';
import type { Role } from '../types';
import { completeSignIn } from './complete';
import { requirePending, twoStepKey } from './flow';
import {
  codeInput,
  codeRefusal,
  credentialFrom,
  passkeyNameInput,
  passkeyRefusal,
  recoveryCodeInput,
  type TwoStepFormState,
} from './forms';
import {
  passkeyRegistrationOptions,
  passkeySignInOptions,
  registerPasskey,
  relyingPartyFor,
  removePasskey,
  verifyPasskey,
  type Binding,
} from './passkeys';
import { twoStepRequired } from './policy';
import {
  confirmEnrolment,
  isEnrolled,
  regenerateRecoveryCodes,
  startEnrolment,
  twoStepAccount,
  useRecoveryCode,
  verifyCode,
} from './service';
import { formAction } from '@/lib/forms/action';

async function pendingUser() {
  const pending = await requirePending();
  const user = await twoStepAccount(db(), pending.userId);
  if (!user) redirect('/sign-in');
  return { pending, user };
}

/** The code after the password. */
export const signInCodeAction = formAction(async function signInCodeAction(
  _prev: TwoStepFormState,
  form: FormData,
): Promise<TwoStepFormState> {
  const parsed = parseForm(codeInput, form);
  if (!parsed.ok) return parsed.state;
  const { pending, user } = await pendingUser();
  const result = await verifyCode(db(), user, parsed.data.code, { key: await twoStepKey() });
  if (!result.ok) {
    if (result.reason === 'not_enrolled') redirect('/sign-in/two-step/set-up');
    return refused({}, codeRefusal(result.reason, result.retryAfterSeconds));
  }
  return completeSignIn(pending);
});

/** A recovery code in place of the app's code. */
export const signInRecoveryAction = formAction(async function signInRecoveryAction(
  _prev: TwoStepFormState,
  form: FormData,
): Promise<TwoStepFormState> {
  const parsed = parseForm(recoveryCodeInput, form, { omit: ['recoveryCode'] });
  if (!parsed.ok) return parsed.state;
  const { pending, user } = await pendingUser();
  const result = await useRecoveryCode(db(), user, parsed.data.recoveryCode, { key: await twoStepKey() });
  if (!result.ok) {
    if (result.reason === 'not_enrolled') redirect('/sign-in/two-step/set-up');
    return refused({}, codeRefusal(result.reason, result.retryAfterSeconds, 'recoveryCode'));
  }
  return completeSignIn(pending);
});

/** The first code from a newly added app, during sign-in: answers with the recovery codes. */
export const signInSetUpAction = formAction(async function signInSetUpAction(
  _prev: TwoStepFormState,
  form: FormData,
): Promise<TwoStepFormState> {
  const parsed = parseForm(codeInput, form);
  if (!parsed.ok) return parsed.state;
  const { user } = await pendingUser();
  // A replacement is for a signed-in account page, never for someone half-way through signing in.
  if (await isEnrolled(db(), user.id)) redirect('/sign-in/two-step');
  const result = await confirmEnrolment(db(), user, parsed.data.code, { key: await twoStepKey() });
  if (!result.ok) return refused({}, codeRefusal(result.reason, result.retryAfterSeconds));
  // No cookie is set here: setting one makes Next render the page again, which would replace the
  // codes (shown only in this answer) with the code page.
  return { values: {}, fieldErrors: {}, recoveryCodes: result.recoveryCodes ?? [] };
});

/** "I have saved these codes": only once the app is confirmed. */
export async function signInFinishSetUpAction(): Promise<void> {
  const { pending, user } = await pendingUser();
  if (!(await isEnrolled(db(), user.id))) redirect('/sign-in/two-step/set-up');
  await completeSignIn(pending);
}

/** A signed-in member of staff confirms the app they are adding (first set-up or a replacement). */
export const accountConfirmAction = formAction(async function accountConfirmAction(
  _prev: TwoStepFormState,
  form: FormData,
): Promise<TwoStepFormState> {
  const parsed = parseForm(codeInput, form);
  if (!parsed.ok) return parsed.state;
  const user = await requireUser();
  const result = await confirmEnrolment(db(), user, parsed.data.code, { key: await twoStepKey() });
  if (!result.ok) return refused({}, codeRefusal(result.reason, result.retryAfterSeconds));
  if (!result.recoveryCodes) redirect('/account/two-step?done=replaced' as Route);
  return { values: {}, fieldErrors: {}, recoveryCodes: result.recoveryCodes };
});

/** Replacing the app starts with a code from the current one. */
export const accountReplaceAction = formAction(async function accountReplaceAction(
  _prev: TwoStepFormState,
  form: FormData,
): Promise<TwoStepFormState> {
  const parsed = parseForm(codeInput, form);
  if (!parsed.ok) return parsed.state;
  const user = await requireUser();
  const key = await twoStepKey();
  const result = await verifyCode(db(), user, parsed.data.code, { key });
  if (!result.ok) return refused({}, codeRefusal(result.reason, result.retryAfterSeconds));
  await startEnrolment(db(), user, config.borough.serviceName, { key });
  redirect('/account/two-step/replace');
});

/** A new set of recovery codes, after a current code. */
export const accountRecoveryCodesAction = formAction(async function accountRecoveryCodesAction(
  _prev: TwoStepFormState,
  form: FormData,
): Promise<TwoStepFormState> {
  const parsed = parseForm(codeInput, form);
  if (!parsed.ok) return parsed.state;
  const user = await requireUser();
  const result = await regenerateRecoveryCodes(db(), user, parsed.data.code, { key: await twoStepKey() });
  if (!result.ok) return refused({}, codeRefusal(result.reason, result.retryAfterSeconds));
  return { values: {}, fieldErrors: {}, recoveryCodes: result.recoveryCodes };
});

const relyingParty = () => relyingPartyFor(config.baseUrl, config.borough.serviceName);

/** The signed-in member of staff, and their session for the key challenges they ask for. */
async function signedIn() {
  const user = await requireUser();
  const session = await getSession();
  return { user, boundTo: `session:${session!.id}` };
}

/** Checks a named key from the browser and keeps it; the form state to show when it is refused. */
async function addPasskey(
  user: { id: string; email: string; name?: string; role: Role },
  boundTo: Binding,
  form: FormData,
): Promise<{ ok: true; recoveryCodes: string[] | null } | { ok: false; state: TwoStepFormState }> {
  const parsed = parseForm(passkeyNameInput, form, { omit: ['response'] });
  if (!parsed.ok) return { ok: false, state: parsed.state };
  const response = credentialFrom<RegistrationResponseJSON>(form.get('response'));
  if (!response) return { ok: false, state: refused(parsed.values, passkeyRefusal('not_used')) };
  const added = await registerPasskey(db(), user, { name: parsed.data.name, response }, relyingParty(), boundTo, {
    key: await twoStepKey(),
  });
  if (!added.ok) return { ok: false, state: refused(parsed.values, passkeyRefusal(added.reason, 0, true)) };
  return added;
}

/** What the browser needs to sign in with a key: a challenge bound to this pending sign-in. */
export async function signInPasskeyOptionsAction() {
  const pending = await requirePending();
  return passkeySignInOptions(db(), pending.userId, relyingParty(), pending.ref);
}

/** A key in place of the app's code, after the password. */
export const signInPasskeyAction = formAction(async function signInPasskeyAction(
  _prev: TwoStepFormState,
  form: FormData,
): Promise<TwoStepFormState> {
  const { pending, user } = await pendingUser();
  const response = credentialFrom<AuthenticationResponseJSON>(form.get('response'));
  if (!response) return refused({}, passkeyRefusal('not_used'));
  const result = await verifyPasskey(db(), user, response, relyingParty(), pending.ref);
  if (!result.ok) return refused({}, passkeyRefusal(result.reason, result.retryAfterSeconds));
  return completeSignIn(pending);
});

/** A challenge for adding a key during sign-in's set-up. */
export async function signInAddPasskeyOptionsAction() {
  const { pending, user } = await pendingUser();
  if (await isEnrolled(db(), user.id)) redirect('/sign-in/two-step');
  return passkeyRegistrationOptions(db(), user, relyingParty(), pending.ref);
}

/** A key as the first second step, during sign-in: answers with the recovery codes. */
export const signInAddPasskeyAction = formAction(async function signInAddPasskeyAction(
  _prev: TwoStepFormState,
  form: FormData,
): Promise<TwoStepFormState> {
  const { pending, user } = await pendingUser();
  if (await isEnrolled(db(), user.id)) redirect('/sign-in/two-step');
  const added = await addPasskey(user, pending.ref, form);
  if (!added.ok) return added.state;
  return { values: {}, fieldErrors: {}, recoveryCodes: added.recoveryCodes ?? [] };
});

/** A challenge for adding a key from the account page. */
export async function accountAddPasskeyOptionsAction() {
  const { user, boundTo } = await signedIn();
  return passkeyRegistrationOptions(db(), user, relyingParty(), boundTo);
}

/** Adds a key from the account page: recovery codes to show when it is the first second step. */
export const accountAddPasskeyAction = formAction(async function accountAddPasskeyAction(
  _prev: TwoStepFormState,
  form: FormData,
): Promise<TwoStepFormState> {
  const { user, boundTo } = await signedIn();
  const added = await addPasskey(user, boundTo, form);
  if (!added.ok) return added.state;
  if (!added.recoveryCodes) redirect('/account/two-step?done=key-added' as Route);
  return { values: {}, fieldErrors: {}, recoveryCodes: added.recoveryCodes };
});

/** Removes one of the signed-in person's keys, unless it is the last second step they must have. */
export async function accountRemovePasskeyAction(form: FormData): Promise<void> {
  const user = await requireUser();
  const id = String(form.get('id') ?? '');
  const required = twoStepRequired(user, { required: config.twoStep.required, demoMode: config.demoMode });
  const removed = await removePasskey(db(), user, id, { required });
  // The confirmation page says why the last key stays.
  if (!removed.ok && removed.reason === 'last_step') redirect(`/account/two-step/keys/${id}/remove` as Route);
  redirect((removed.ok ? '/account/two-step?done=key-removed' : '/account/two-step') as Route);
}
