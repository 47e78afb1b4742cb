// zod pieces for what recurs across the forms, each with messages that say how to put it right.
// A form field arrives as a string: an empty one is "not given" (undefined) before any coercion, so
// an unanswered score is never 0 and an empty optional box is never an error. Nothing is cut short:
// too long, too many decimals or out of range is refused with a message.
import { z } from 'zod';
import { EXAMPLE_POSTCODE, parsePostcode } from '@/lib/geo/postcode';
import { isPhoneNumber, PHONE_EXAMPLE } from './phone';

const en = (n: number) => n.toLocaleString('en-GB');

/** '' or only spaces (or null) -> undefined; other strings trimmed; anything else as it is. */
export function blankToUndefined(v: unknown): unknown {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return v.trim() === '' ? undefined : v.trim();
  return v;
}

/** Characters as a person counts them: a line break is one, as the browser's textarea counts it. */
export function characterCount(s: string): number {
  return [...s.replace(/\r\n/g, '\n')].length;
}

/** "Summary must be 2,000 characters or fewer. You have 345 characters too many" */
export function tooLongMessage(label: string, max: number, count: number): string {
  const over = count - max;
  return `${label} must be ${en(max)} characters or fewer. You have ${en(over)} ${over === 1 ? 'character' : 'characters'} too many`;
}

/** For a text schema that tidies its text itself: refuses more than `max` characters, saying by how much. */
export function lengthLimit(label: string, max: number) {
  return (s: string, ctx: z.RefinementCtx) => {
    const count = characterCount(s);
    if (count > max) ctx.addIssue({ code: 'custom', message: tooLongMessage(label, max, count), input: s });
  };
}

/** Required free text, trimmed; refused when empty (`missing`) or longer than `max` (saying by how much). */
export function text(label: string, max: number, missing: string) {
  return z.preprocess(blankToUndefined, z.string({ error: missing }).superRefine(lengthLimit(label, max)));
}

/** Optional free text, trimmed: empty is undefined; longer than `max` is refused, saying by how much. */
export function optionalText(label: string, max: number) {
  return z.preprocess(blankToUndefined, z.string().superRefine(lengthLimit(label, max)).optional());
}

const WHOLE = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?\d*[.,]\d+$|^[+-]?\d+[.,]$/;

function wholeNumberRule(label: string, min: number, max: number, optional: boolean) {
  const range = `${label} must be a whole number from ${en(min)} to ${en(max)}${optional ? ', or left empty' : ''}`;
  return z.string().transform((raw, ctx) => {
    if (!WHOLE.test(raw)) {
      // "5.5" is not rounded or cut to 5: the person is asked for a whole number.
      const message = DECIMAL.test(raw) ? `${range}. ${raw} is not a whole number` : range;
      ctx.addIssue({ code: 'custom', message, input: raw });
      return z.NEVER;
    }
    const n = Number(raw);
    if (n < min) ctx.addIssue({ code: 'custom', message: `${label} must be ${en(min)} or more`, input: raw });
    else if (n > max) ctx.addIssue({ code: 'custom', message: `${label} must be ${en(max)} or less`, input: raw });
    return n;
  });
}

const numberAsText = (v: unknown) => {
  const b = blankToUndefined(v);
  return typeof b === 'number' ? String(b) : b;
};

/** A whole number from `min` to `max`, typed in a box. "5.5", "5." and "1e1" are refused, never rounded. */
export function wholeNumber(label: string, min: number, max: number, missing = `Enter ${label.toLowerCase()}`) {
  return z.preprocess(numberAsText, z.string({ error: missing }).pipe(wholeNumberRule(label, min, max, false)));
}

/** As wholeNumber, but an empty box is "not answered" (undefined), never 0. */
export function optionalWholeNumber(label: string, min: number, max: number) {
  return z.preprocess(numberAsText, wholeNumberRule(label, min, max, true).optional());
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** An id the page put in the form (or a choice from a list of records). */
export function uuid(message = 'Something went wrong with this form. Go back and try again.') {
  return z.string({ error: message }).regex(UUID, message);
}

/** A record's version the page put in the form, for "someone else changed this" checks. */
export function version(min = 0, message = 'Something went wrong with this form. Reload the page and try again.') {
  return z.preprocess(
    numberAsText,
    z
      .string({ error: message })
      .regex(/^\d{1,9}$/, message)
      .transform(Number)
      .pipe(z.number().min(min, message)),
  );
}

export const EMAIL_FORMAT = 'Enter an email address in the correct format, like name@example.com';

/** An e-mail address, trimmed; `missing` when empty. */
export function email(missing = 'Enter an email address') {
  return z.preprocess(
    blankToUndefined,
    z
      .string({ error: missing })
      .max(254, 'Email address must be 254 characters or fewer')
      .pipe(z.email({ error: EMAIL_FORMAT })),
  );
}

export function optionalEmail() {
  return z.preprocess(
    blankToUndefined,
    z
      .string()
      .max(254, 'Email address must be 254 characters or fewer')
      .pipe(z.email({ error: EMAIL_FORMAT }))
      .optional(),
  );
}

/** A UK or international phone number, as typed (trimmed). */
export function phone(missing = 'Enter a phone number') {
  return z.preprocess(
    blankToUndefined,
    z.string({ error: missing }).refine(isPhoneNumber, `Enter a phone number, ${PHONE_EXAMPLE}`),
  );
}

export function optionalPhone() {
  return z.preprocess(blankToUndefined, z.string().refine(isPhoneNumber, `Enter a phone number, ${PHONE_EXAMPLE}`).optional());
}

function postcodeRule() {
  return z.string().transform((raw, ctx) => {
    const p = parsePostcode(raw);
    if (p.ok && p.kind === 'postcode') return p.postcode;
    ctx.addIssue({ code: 'custom', message: p.ok ? `Enter the full postcode, like ${EXAMPLE_POSTCODE}` : p.error, input: raw });
    return z.NEVER;
  });
}

/** A full UK postcode, tidied to "EB1 2AB" (O and I typed for 0 and 1 forgiven). */
export function postcode(missing = 'Enter a postcode') {
  return z.preprocess(blankToUndefined, z.string({ error: missing }).pipe(postcodeRule()));
}

export function optionalPostcode() {
  return z.preprocess(blankToUndefined, postcodeRule().optional());
}

/** Whether a YYYY-MM-DD key names a day that exists. */
export function isDateKey(key: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(key)) return false;
  const d = new Date(`${key}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === key;
}

/** A date from a date box (`<input type="date">` posts YYYY-MM-DD) that exists. */
export function dateKey(message: string) {
  return z.preprocess(blankToUndefined, z.string({ error: message }).refine(isDateKey, message));
}

export function optionalDateKey(message: string) {
  return z.preprocess(blankToUndefined, z.string().refine(isDateKey, message).optional());
}

/**
 * A box the person must tick before something that cannot be undone (withdrawing, closing): it
 * posts "yes" when ticked, and nothing at all when not, which is refused with `message`.
 */
export function confirmed(message: string) {
  return z.literal('yes', { error: message });
}
