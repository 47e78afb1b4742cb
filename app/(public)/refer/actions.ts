'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { clientIp } from '@/lib/auth/request';
import { config } from '@/lib/config';
import { db } from '@/lib/db/client';
import { formState, refused, type FormState } from '@/lib/forms';
import { honeypotFilled, parseReferral, readReferralForm, type ReferralKind, type ReferralValues } from '@/lib/intake/schema';
import { submitReferral } from '@/lib/intake/submit';
import { logError } from '@/lib/log/logger';
import { formAction } from '@/lib/forms/action';

export const submitSelfReferral = formAction(async function submitSelfReferral(
  _prev: FormState<ReferralValues>,
  form: FormData,
): Promise<FormState<ReferralValues>> {
  return submit('self', form);
});

export const submitProfessionalReferral = formAction(async function submitProfessionalReferral(
  _prev: FormState<ReferralValues>,
  form: FormData,
): Promise<FormState<ReferralValues>> {
  return submit('professional', form);
});

async function submit(kind: ReferralKind, form: FormData): Promise<FormState<ReferralValues>> {
  const values = readReferralForm(form);
  const parsed = parseReferral(kind, values);
  if (!parsed.ok) return formState(values, { fieldErrors: parsed.fieldErrors });

  const phone = config.borough.contactPhone;
  let result: Awaited<ReturnType<typeof submitReferral>>;
  try {
    result = await submitReferral(
      db(),
      { ...parsed.data, clientIp: clientIp(await headers()), honeypot: honeypotFilled(form) ? 'filled' : null },
      new Date(),
    );
  } catch (err) {
    logError(err, { where: 'referral form', kind }, 'Could not save a referral');
    return refused(
      values,
      `Sorry, there is a problem with the service and your referral was not sent. Try again in a few minutes, or call us on ${phone}.`,
    );
  }

  if (!result.ok) {
    const message =
      result.reason === 'rate_limited'
        ? `Several referrals have been sent from your network in a short time, so we could not take this one. Wait an hour and try again, or call us on ${phone}.`
        : result.reason === 'no_team'
          ? `We cannot take referrals online at the moment. Call us on ${phone}.`
          : `We could not send your referral. Check your answers and try again, or call us on ${phone}.`;
    return refused(values, message);
  }
  const query = new URLSearchParams({ reference: result.reference, key: parsed.data.submissionKey });
  redirect(`/refer/sent?${query.toString()}`);
}
