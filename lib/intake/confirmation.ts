import { config } from '@/lib/config';
import type { Tx } from '@/lib/db/client';
import type { ContactMethod } from '@/lib/db/generated/client';
import { messageRoute } from '@/lib/notify/route';
import { promisedContactBy, type Targets } from '@/lib/triage/targets';
import { submissionKeyRule } from './schema';
import { tidyReference } from './reference';

export type ReferralConfirmation = {
  reference: string;
  receivedAt: Date;
  preferredContact: ContactMethod;
  /** Working days within which a link worker gets in touch, and the date that makes. */
  contactWithinDays: number;
  contactBy: Date;
  /** A postcode was given but is not in the borough's postcode list. */
  postcodeUnknown: boolean;
  noPostcode: boolean;
  sentByProfessional: boolean;
  /** How the reference was also sent (./acknowledge.ts): to the resident's route, or the referrer's email. */
  acknowledgedBy: 'email' | 'text' | null;
};

/**
 * What the confirmation page shows. It needs the reference and the form's submission key, which
 * only the browser that sent the form has, so a guessed reference shows nothing.
 */
export async function referralConfirmation(
  tx: Tx,
  reference: string,
  submissionKey: string,
  options: { targets?: Targets; holidays?: readonly string[] } = {},
): Promise<ReferralConfirmation | null> {
  if (!submissionKeyRule.safeParse(submissionKey).success) return null;
  const kase = await tx.case.findUnique({
    where: { submissionKey },
    select: {
      reference: true,
      receivedAt: true,
      source: true,
      referrerEmail: true,
      person: { select: { preferredContact: true, postcode: true, areaId: true, email: true, phone: true } },
    },
  });
  if (!kase || kase.reference !== tidyReference(reference)) return null;
  const promise = promisedContactBy(kase.receivedAt, options.targets ?? config.triageTargetWorkingDays, options.holidays);
  return {
    reference: kase.reference,
    receivedAt: kase.receivedAt,
    preferredContact: kase.person.preferredContact,
    contactWithinDays: promise.days,
    contactBy: promise.by,
    postcodeUnknown: kase.person.postcode !== null && kase.person.areaId === null,
    noPostcode: kase.person.postcode === null,
    sentByProfessional: kase.source !== 'self',
    acknowledgedBy: acknowledgedBy(kase),
  };
}

/** How ./acknowledge.ts sent the reference, if it did. */
function acknowledgedBy(k: {
  source: string;
  referrerEmail: string | null;
  person: Parameters<typeof messageRoute>[0];
}): ReferralConfirmation['acknowledgedBy'] {
  if (k.source !== 'self') return k.referrerEmail ? 'email' : null;
  const route = messageRoute(k.person);
  return route ? (route.channel === 'sms' ? 'text' : 'email') : null;
}
