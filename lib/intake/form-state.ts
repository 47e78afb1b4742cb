import type { ReferralErrors, ReferralValues } from './schema';

/** What the referral server actions hand back to the form (a success redirects instead). */
export type ReferralFormState = {
  errors: ReferralErrors;
  values: ReferralValues;
  /** A problem with the whole submission (rate limit, service fault), shown in the error summary. */
  formError?: string;
};

export const emptyReferralFormState: ReferralFormState = { errors: {}, values: {} };
