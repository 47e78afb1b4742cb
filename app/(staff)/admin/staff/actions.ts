'use server';

import type { Route } from 'next';
import { revalidatePath } from 'next/cache';
import { forbidden, redirect } from 'next/navigation';
import { Forbidden } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { formState, isUuid, parseForm, refused, refusal, type FormState } from '@/lib/forms';
import {
  cancelStaffInvite,
  inviteStaff,
  resendStaffInvite,
  resetAccountTwoStep,
  setStaffActive,
  unlockAccount,
  updateStaff,
} from '@/lib/staff';
import { inviteStaffInput, updateStaffInput } from '@/lib/staff/schema';
import { formAction } from '@/lib/forms/action';

const inviteMessages = {
  email_taken: 'There is already an account with this email address. Find it in the list of staff accounts',
  team_required: 'Select a team: link workers and coordinators work in a team',
  invalid_team: 'Select a team from the list',
  invalid_group: 'Select a group from the list',
} as const;

const changeMessages = {
  not_found: 'We could not find this account',
  conflict:
    'Someone else changed this account while you had it open. We have not saved your changes. Check the account as it is now, then try again',
  team_required: 'Select a team: link workers and coordinators work in a team',
  no_team: 'Select a team',
  self: 'You cannot change your own role or switch off your own account. Ask another administrator',
  invalid_team: 'Select a team from the list',
  invalid_group: 'Select a group from the list',
} as const;

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Forbidden) forbidden();
    throw error;
  }
}

const accountPath = (id: string, query: string) => `/admin/staff/${id}?${query}` as Route;

export const inviteStaffAction = formAction(async function inviteStaffAction(
  _prev: FormState,
  form: FormData,
): Promise<FormState> {
  const user = await requirePermission('staff.manage');
  const parsed = parseForm(inviteStaffInput, form);
  if (!parsed.ok) return parsed.state;
  const result = await guarded(() => db().$transaction((tx) => inviteStaff(tx, user, parsed.data)));
  if (!result.ok)
    return refused(
      parsed.values,
      refusal(result.reason, inviteMessages, {
        email_taken: 'email',
        team_required: 'teamId',
        invalid_team: 'teamId',
        invalid_group: 'organisationId',
      }),
    );
  revalidatePath('/admin/staff');
  redirect(accountPath(result.userId, 'done=invited'));
});

export const updateStaffAction = formAction(async function updateStaffAction(
  userId: string,
  _prev: FormState,
  form: FormData,
): Promise<FormState> {
  const user = await requirePermission('staff.manage');
  if (!isUuid(userId)) forbidden();
  const parsed = parseForm(updateStaffInput, form, { lists: ['keepOrganisationIds'] });
  if (!parsed.ok) return parsed.state;
  const result = await guarded(() => db().$transaction((tx) => updateStaff(tx, user, userId, parsed.data)));
  if (!result.ok) {
    if (result.reason === 'conflict') return formState(parsed.values, { formError: changeMessages.conflict, version: null });
    return refused(
      parsed.values,
      refusal(result.reason, changeMessages, {
        team_required: 'teamId',
        invalid_team: 'teamId',
        invalid_group: 'addOrganisationId',
        self: 'role',
      }),
      { version: parsed.data.version },
    );
  }
  revalidatePath('/admin/staff');
  redirect(accountPath(userId, 'done=updated'));
});

/** The small buttons on the account page: each posts the id and the version the page showed. */
async function accountButton(
  form: FormData,
  work: (userId: string, version: number) => Promise<{ ok: boolean; reason?: string }>,
  done: string,
) {
  await requirePermission('staff.manage');
  const userId = form.get('userId');
  const version = Number(form.get('version'));
  if (!isUuid(userId) || !Number.isInteger(version)) forbidden();
  const result = await guarded(() => work(userId, version));
  if (!result.ok) redirect(accountPath(userId, `error=${result.reason ?? 'not_found'}`));
  revalidatePath('/admin/staff');
  redirect(accountPath(userId, `done=${done}`));
}

export async function switchOffAction(form: FormData): Promise<void> {
  const user = await requirePermission('staff.manage');
  await accountButton(form, (id, v) => db().$transaction((tx) => setStaffActive(tx, user, id, false, v)), 'off');
}

export async function switchOnAction(form: FormData): Promise<void> {
  const user = await requirePermission('staff.manage');
  await accountButton(form, (id, v) => db().$transaction((tx) => setStaffActive(tx, user, id, true, v)), 'on');
}

export async function unlockAction(form: FormData): Promise<void> {
  const user = await requirePermission('staff.manage');
  await accountButton(form, (id) => db().$transaction((tx) => unlockAccount(tx, user, id)), 'unlocked');
}

export async function resetTwoStepAction(form: FormData): Promise<void> {
  const user = await requirePermission('staff.manage');
  await accountButton(form, (id) => db().$transaction((tx) => resetAccountTwoStep(tx, user, id)), 'two-step-reset');
}

export async function resendInviteAction(form: FormData): Promise<void> {
  const user = await requirePermission('staff.manage');
  await accountButton(form, (id) => db().$transaction((tx) => resendStaffInvite(tx, user, id)), 'resent');
}

export async function cancelInviteAction(form: FormData): Promise<void> {
  const user = await requirePermission('staff.manage');
  await accountButton(form, (id) => db().$transaction((tx) => cancelStaffInvite(tx, user, id)), 'cancelled');
}
