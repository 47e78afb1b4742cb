'use server';

import type { Route } from 'next';
import { redirect } from 'next/navigation';
import { db } from '@/lib/db/client';
import { config } from '@/lib/config';
import { parseForm, refused } from '@/lib/forms';
import { requireUser } from '../session';
import { completeSignIn } from './complete';
import { requirePending, twoStepKey } from './flow';
import { codeInput, codeRefusal, recoveryCodeInput, type TwoStepFormState } from './forms';
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
