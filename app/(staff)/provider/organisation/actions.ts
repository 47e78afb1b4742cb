'use server';

import { revalidatePath } from 'next/cache';
import { forbidden, redirect } from 'next/navigation';
import { Forbidden } from '@/lib/auth/permissions';
import { requireRole } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { formState, isUuid, parseForm, refused, succeeded, type FormState } from '@/lib/forms';
import { inviteInput, inviteMember } from '@/lib/organisations';
import {
  ORGANISATION_FIELD_LABELS,
  describeOrganisationValue,
  organisationValuesFromForm,
  parseOrganisation,
  saveOrganisation,
  type OrganisationValues,
} from '@/lib/organisations/details';
import { formAction } from '@/lib/forms/action';

const MESSAGES = {
  already_member: 'This person is already a member of the group',
  rate_limited: 'You have added a lot of people today. Try again tomorrow',
} as const;

export const inviteAction = formAction(async function inviteAction(
  organisationId: string,
  _prev: FormState,
  form: FormData,
): Promise<FormState> {
  const user = await requireRole('provider');
  const parsed = parseForm(inviteInput, form);
  if (!parsed.ok) return parsed.state;
  let result;
  try {
    result = await db().$transaction((tx) => inviteMember(tx, user, organisationId, parsed.data));
  } catch (error) {
    if (error instanceof Forbidden) forbidden();
    throw error;
  }
  if (!result.ok) return refused(parsed.values, { field: 'email', message: MESSAGES[result.reason] });
  revalidatePath('/provider/organisation');
  // The same answer whether or not the address has an account: the e-mail says what happens next.
  return succeeded(
    {},
    `We have emailed ${parsed.data.email}. The email tells them how to sign in and start managing this group’s listings.`,
  );
});

/** Saves the group's details: contact, name and description wait for a coordinator, the rest is live at once. */
export const saveOrganisationAction = formAction(async function saveOrganisationAction(
  organisationId: string,
  _prev: FormState<OrganisationValues>,
  form: FormData,
): Promise<FormState<OrganisationValues>> {
  const user = await requireRole('provider');
  const values = organisationValuesFromForm(form);
  const version = Number(form.get('version')) || null;
  if (!isUuid(organisationId)) forbidden();
  const parsed = parseOrganisation(values);
  if (!parsed.ok) return formState(values, { fieldErrors: parsed.fieldErrors, version });
  let result;
  try {
    result = await db().$transaction((tx) => saveOrganisation(tx, user, organisationId, parsed.data, version));
  } catch (error) {
    if (error instanceof Forbidden) forbidden();
    throw error;
  }
  if (!result.ok) {
    if (result.reason === 'conflict') {
      // Someone else saved first: show what they changed, keep this person's values, and let them save again on purpose.
      return formState(values, {
        version: result.currentVersion,
        conflict: result.differs.map((f) => ({
          label: ORGANISATION_FIELD_LABELS[f],
          now: describeOrganisationValue(result.current[f]),
        })),
      });
    }
    return refused(
      values,
      result.reason === 'rejected'
        ? 'This group was not approved, so its details cannot be changed here. Contact a coordinator'
        : 'We could not find this group',
      { version },
    );
  }
  revalidatePath('/provider/organisation');
  revalidatePath('/moderation');
  const outcome = result.pending.length ? 'pending' : result.published.length ? 'published' : 'unchanged';
  redirect(`/provider/organisation?saved=${outcome}&group=${organisationId}`);
});
