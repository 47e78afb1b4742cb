'use server';

import { revalidatePath } from 'next/cache';
import { forbidden } from 'next/navigation';
import { z } from 'zod';
import { Forbidden } from '@/lib/auth/permissions';
import { requireRole } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { inviteInput, inviteMember } from '@/lib/organisations';
import type { InviteFormState } from '@/lib/organisations/form-state';

const MESSAGES = {
  already_member: 'This person is already a member of the group',
  not_a_provider: 'This email address belongs to a staff account. Ask them for another address, or contact a coordinator',
  rate_limited: 'You have added a lot of people today. Try again tomorrow',
} as const;

export async function inviteAction(organisationId: string, _prev: InviteFormState, form: FormData): Promise<InviteFormState> {
  const user = await requireRole('provider');
  const values = { name: String(form.get('name') ?? '').slice(0, 200), email: String(form.get('email') ?? '').slice(0, 300) };
  const parsed = inviteInput.safeParse(values);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const [k, v] of Object.entries(z.flattenError(parsed.error).fieldErrors)) if (v?.[0]) errors[k] = v[0];
    return { values, errors };
  }
  let result;
  try {
    result = await db().$transaction((tx) => inviteMember(tx, user, organisationId, parsed.data));
  } catch (error) {
    if (error instanceof Forbidden) forbidden();
    throw error;
  }
  if (!result.ok) return { values, errors: { email: MESSAGES[result.reason] } };
  revalidatePath('/provider/organisation');
  return {
    values: {},
    errors: {},
    done: result.added === 'invited' ? `We have emailed ${parsed.data.email} a link to set their password.` : `${parsed.data.name} can now sign in and manage this group’s listings.`,
  };
}
