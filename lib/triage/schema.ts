// Inputs of the triage actions: one zod schema each, used by the server action and for the form's
// messages. Safe for the browser.
import { z } from 'zod';

const uuid = z.guid({ error: 'Reload the page and try again' });
const version = z.coerce.number({ error: 'Reload the page and try again' }).int().min(1);
const trimmed = (v: unknown) => (typeof v === 'string' ? v.trim() : v);
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : trimmed(v));

export const RAG_VALUES = ['red', 'amber', 'green'] as const;

export const rateInput = z.object({
  caseId: uuid,
  version,
  rag: z.enum(RAG_VALUES, { error: 'Select a rating' }),
  ragReason: z.preprocess(
    trimmed,
    z.string({ error: 'Enter a short reason for the rating' }).min(1, 'Enter a short reason for the rating').max(500, 'Reason must be 500 characters or fewer'),
  ),
});
export type RateInput = z.infer<typeof rateInput>;

export const assignInput = z.object({
  caseId: uuid,
  version,
  workerId: z.guid({ error: 'Select a link worker' }),
});
export type AssignInput = z.infer<typeof assignInput>;

export const signpostInput = z.object({
  caseId: uuid,
  version,
  serviceIds: z
    .array(z.guid({ error: 'Select the services you suggested' }), { error: 'Select at least one service you suggested' })
    .min(1, 'Select at least one service you suggested')
    .max(20, 'Select 20 services or fewer'),
  note: z.preprocess(blankToUndefined, z.string().max(1000, 'Note must be 1,000 characters or fewer').optional()),
});
export type SignpostInput = z.infer<typeof signpostInput>;

export const safeguardingInput = z.object({
  caseId: uuid,
  referredTo: z.enum(['adults', 'children'], { error: 'Select which safeguarding team you told' }),
  referredToDetail: z.preprocess(blankToUndefined, z.string().max(200, 'Must be 200 characters or fewer').optional()),
  summary: z.preprocess(
    trimmed,
    z.string({ error: 'Enter a short summary of the concern' }).min(1, 'Enter a short summary of the concern').max(2000, 'Summary must be 2,000 characters or fewer'),
  ),
});
export type SafeguardingInput = z.infer<typeof safeguardingInput>;

/** What a triage action hands back to its form (success redirects instead). */
export type TriageFormState = {
  errors: Partial<Record<string, string>>;
  /** About the action as a whole: "This referral changed since you opened it", "not allowed". */
  formError?: string;
  values: Record<string, string | string[]>;
};

export const emptyTriageFormState: TriageFormState = { errors: {}, values: {} };

export const CONFLICT_MESSAGE =
  'This referral changed since you opened it. Nothing you entered has been saved. Check what changed below, then try again if you still need to.';
