// Changing a person's contact details from one of their cases. Guarded by the person's version
// (a person can have several cases), so two workers editing at once do not overwrite each other.
import { z } from 'zod';
import type { SessionUser } from '@/lib/auth/types';
import { recordAudit } from '@/lib/audit/record';
import { caseAccess } from '@/lib/cases/access';
import { optionalText, version } from '@/lib/forms';
import { contactMethods } from '@/lib/cases/labels';
import type { Tx } from '@/lib/db/client';
import { normalisePostcode, postcodeMessages } from '@/lib/geo/postcode';

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const personDetailsInput = z.object({
  expectedVersion: version(),
  name: z
    .string({ error: 'Enter the person’s name' })
    .trim()
    .min(1, 'Enter the person’s name')
    .max(200, 'The name must be 200 characters or fewer'),
  phone: z.preprocess(
    blank,
    z
      .string()
      .trim()
      .regex(/^\+?[\d\s()-]{10,20}$/, 'Enter a phone number, like 01632 960 001 or 07700 900 982')
      .optional(),
  ),
  email: z.preprocess(
    blank,
    z.email({ error: 'Enter an email address in the correct format, like name@example.com' }).max(254).optional(),
  ),
  preferredContact: z.enum(contactMethods, { error: 'Select how the person would like to be contacted' }),
  contactNotes: optionalText('When and how to contact them', 500),
  postcode: z.preprocess(
    blank,
    z
      .string()
      .transform((v, ctx) => {
        const p = normalisePostcode(v);
        if (!p) {
          ctx.addIssue({ code: 'custom', message: postcodeMessages.enterReal });
          return z.NEVER;
        }
        return p;
      })
      .optional(),
  ),
});
export type PersonDetailsInput = z.infer<typeof personDetailsInput>;

export type PersonDetailsResult =
  { ok: true } | { ok: false; reason: 'not_found' | 'forbidden' | 'changed_since' | 'anonymised' };

export const personDetailsRefusalMessage: Record<Exclude<PersonDetailsResult, { ok: true }>['reason'], string> = {
  not_found: 'This case could not be found.',
  forbidden: 'You cannot change this person’s details.',
  changed_since:
    'Someone else changed these details since you opened them. Check the details now shown, then make your change again.',
  anonymised: 'This person’s record has been anonymised and cannot be changed.',
};

export async function updatePersonDetails(
  tx: Tx,
  user: SessionUser,
  caseId: string,
  input: PersonDetailsInput,
  now: Date = new Date(),
): Promise<PersonDetailsResult> {
  const access = await caseAccess(tx, user, caseId, 'case.write');
  if (!access.ok) return access;
  const personId = access.facts.personId;
  const person = await tx.person.findUniqueOrThrow({
    where: { id: personId },
    select: { version: true, anonymisedAt: true, postcode: true, areaId: true },
  });
  if (person.anonymisedAt) return { ok: false, reason: 'anonymised' };
  if (person.version !== input.expectedVersion) return { ok: false, reason: 'changed_since' };

  const postcode = input.postcode ?? null;
  let areaId = person.areaId;
  if (postcode !== person.postcode) {
    areaId = postcode
      ? ((await tx.postcode.findUnique({ where: { postcode }, select: { areaId: true } }))?.areaId ?? null)
      : null;
  }
  const updated = await tx.person.updateMany({
    where: { id: personId, version: input.expectedVersion },
    data: {
      name: input.name,
      phone: input.phone ?? null,
      email: input.email ?? null,
      preferredContact: input.preferredContact,
      contactNotes: input.contactNotes ?? null,
      postcode,
      areaId,
      version: { increment: 1 },
      updatedAt: now,
    },
  });
  if (updated.count === 0) return { ok: false, reason: 'changed_since' };
  await recordAudit(tx, {
    actor: user,
    action: 'person.updated',
    entityType: 'person',
    entityId: personId,
    personId,
    detail: { caseId, fieldNames: ['name', 'phone', 'email', 'preferredContact', 'contactNotes', 'postcode'] },
    at: now,
  });
  return { ok: true };
}
