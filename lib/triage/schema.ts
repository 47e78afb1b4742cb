// Inputs of the triage actions: one zod schema each, used by the server action and for the form's
// messages. Safe for the browser.
import { z } from 'zod';
import { optionalText, text, uuid, version } from '@/lib/forms';
import { SEND_CHOICES, type SendChoice } from '@/lib/notify/route';

const reload = 'Reload the page and try again';

export const RAG_VALUES = ['red', 'amber', 'green'] as const;

export const rateInput = z.object({
  caseId: uuid(reload),
  version: version(1, reload),
  rag: z.enum(RAG_VALUES, { error: 'Select a rating' }),
  ragReason: text('Reason', 500, 'Enter a short reason for the rating'),
});
export type RateInput = z.infer<typeof rateInput>;

export const assignInput = z.object({
  caseId: uuid(reload),
  version: version(1, reload),
  workerId: uuid('Select a link worker'),
});
export type AssignInput = z.infer<typeof assignInput>;

export const signpostInput = z.object({
  caseId: uuid(reload),
  version: version(1, reload),
  serviceIds: z
    .array(uuid('Select the services you suggested'), { error: 'Select at least one service you suggested' })
    .min(1, 'Select at least one service you suggested')
    .max(20, 'Select 20 services or fewer'),
  note: optionalText('Note', 1000),
  /** Send the person the services' details: by email, by text, or not (no choice offered: not). */
  sendTo: z.preprocess(
    (v) => (v === undefined || v === null || v === '' ? 'none' : v),
    z.enum(SEND_CHOICES, { error: 'Select whether to send them the details' }),
  ),
});
/** Without a way to send the details, none are sent. */
export type SignpostInput = Omit<z.infer<typeof signpostInput>, 'sendTo'> & { sendTo?: SendChoice };

export const safeguardingInput = z.object({
  caseId: uuid(reload),
  referredTo: z.enum(['adults', 'children'], { error: 'Select which safeguarding team you told' }),
  referredToDetail: optionalText('Who you spoke to', 200),
  summary: text('Summary', 2000, 'Enter a short summary of the concern'),
});
export type SafeguardingInput = z.infer<typeof safeguardingInput>;

export const CONFLICT_MESSAGE =
  'This referral changed since you opened it. Nothing you entered has been saved. Check what changed below, then try again if you still need to.';
