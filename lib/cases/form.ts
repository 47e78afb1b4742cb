// Shared pieces of the casework forms: the state every server action returns for useActionState,
// and zod helpers for form fields. Pure, so client components and tests import it.
import { z } from 'zod';

export type FieldErrors = Partial<Record<string, string[]>>;

export type FormState = {
  ok: boolean;
  /** A problem with the whole form (e.g. "this changed since you opened it"). */
  message?: string;
  errors: FieldErrors;
  /** What was typed, so a failed submit keeps it. */
  values: Record<string, string | string[]>;
};

export const initialFormState: FormState = { ok: false, errors: {}, values: {} };

/** Every field of a FormData as typed; a name given more than once becomes a list. */
export function formValues(form: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith('$ACTION')) continue;
    const all = form.getAll(key).filter((v): v is string => typeof v === 'string');
    out[key] = all.length > 1 ? all : (all[0] ?? '');
  }
  return out;
}

/** The values a zod schema reads: lists for the named multi-value fields, strings for the rest. */
export function formInput(form: FormData, lists: readonly string[] = []): Record<string, unknown> {
  const values = formValues(form);
  for (const name of lists) {
    const v = values[name];
    values[name] = v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v];
  }
  return values;
}

export function failed(error: z.ZodError, form: FormData, message?: string): FormState {
  return { ok: false, errors: z.flattenError(error).fieldErrors as FieldErrors, values: formValues(form), message };
}

export function refused(message: string, form: FormData, errors: FieldErrors = {}): FormState {
  return { ok: false, message, errors, values: formValues(form) };
}

const blankToUndefined = (v: unknown) => (v === '' || v === null || v === undefined || (typeof v === 'string' && v.trim() === '') ? undefined : v);

/**
 * An ONS4 answer: 0 to 10, or nothing. An empty field is "not answered", never 0 (zod's
 * coerce.number would turn "" into 0, recording the best anxiety score for a question not asked).
 */
export const ons4Score = (question: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? blankToUndefined(v.trim()) : blankToUndefined(v)),
    z.coerce
      .number({ error: `${question} must be a whole number from 0 to 10, or left empty` })
      .int(`${question} must be a whole number from 0 to 10, or left empty`)
      .min(0, `${question} must be 0 or more`)
      .max(10, `${question} must be 10 or less`)
      .optional(),
  );

export const ons4Fields = {
  lifeSatisfaction: ons4Score('Life satisfaction'),
  worthwhile: ons4Score('Worthwhile'),
  happiness: ons4Score('Happiness'),
  anxiety: ons4Score('Anxiety'),
};

/** Optional free text: trimmed, empty becomes undefined. */
export const optionalText = (max: number, name: string) =>
  z.preprocess(blankToUndefined, z.string().trim().max(max, `${name} must be ${max.toLocaleString('en-GB')} characters or fewer`).optional());

export const uuid = (message = 'Something went wrong with this form. Go back and try again.') =>
  z.string({ error: message }).regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, message);

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

/** A calendar date typed as YYYY-MM-DD (what <input type="date"> sends) that exists. */
export const dateKey = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, message)
    .refine((key) => {
      const d = new Date(`${key}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === key;
    }, message);

export const optionalDateKey = (message: string) => z.preprocess(blankToUndefined, dateKey(message).optional());

/** A whole number the form carries back (e.g. the version the page showed). */
export const version = z.coerce.number({ error: 'Something went wrong with this form. Reload the page and try again.' }).int().min(0);
