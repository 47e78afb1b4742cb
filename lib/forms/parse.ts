// From a posted form and its zod schema to either the parsed data or the form's state with every
// problem at once: each field's messages, in the order zod found them.
import type { z } from 'zod';
import { characterErrors } from './characters';
import { formInput, formValues } from './read';
import { formState, type FieldErrors, type FormState, type FormValues } from './state';

type Issue = { path: readonly PropertyKey[]; message: string };

/** A field's key from a zod path: `['location', 'postcode']` -> `location.postcode`. */
export function pathKey(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/**
 * Every issue's message under its field's key. Issues with no path (about the form as a whole) come
 * back as `formError`. `key` can point a path somewhere else (a schedule slot's position on the page).
 */
export function issuesToErrors(
  issues: readonly Issue[],
  key: (path: readonly PropertyKey[]) => string = pathKey,
): { fieldErrors: FieldErrors; formError?: string } {
  const fieldErrors: Record<string, string[]> = {};
  const whole: string[] = [];
  for (const issue of issues) {
    const k = key(issue.path);
    const list = k === '' ? whole : (fieldErrors[k] ??= []);
    if (!list.includes(issue.message)) list.push(issue.message);
  }
  return whole.length ? { fieldErrors, formError: whole.join('. ') } : { fieldErrors };
}

export type ParsedForm<T> = { ok: true; data: T; values: FormValues } | { ok: false; state: FormState; values: FormValues };

export type ParseFormOptions = {
  /** Multi-value fields (checkboxes): read as a list even with one or none ticked. */
  lists?: readonly string[];
  /** Fields read but never sent back to the page (a password). */
  omit?: readonly string[];
  /** Values that do not come from the form (an id from the address). */
  with?: Record<string, unknown>;
  /** Boxes of several lines (textareas): they may hold line breaks and tabs; every other field may not. */
  multiline?: readonly string[];
};

/** Parses a posted form with its schema; on failure, the state to show with every message and what was typed. */
export function parseForm<S extends z.ZodType>(
  schema: S,
  form: FormData,
  options: ParseFormOptions = {},
): ParsedForm<z.output<S>> {
  const values = formValues(form, { omit: options.omit });
  const posted = formValues(form);
  // Checked before the schema, for every field (a password too): control and direction characters
  // are refused with a message on the field, and the schema's messages for other fields still show.
  const refusedCharacters = characterErrors(posted, options.multiline);
  const input = { ...formInput(posted, options.lists), ...options.with };
  const parsed = schema.safeParse(input);
  if (parsed.success && Object.keys(refusedCharacters).length === 0) return { ok: true, data: parsed.data, values };
  const fromSchema = parsed.success ? { fieldErrors: {} } : issuesToErrors(parsed.error.issues);
  const fieldErrors = { ...fromSchema.fieldErrors, ...refusedCharacters };
  return { ok: false, values, state: formState(values, { ...fromSchema, fieldErrors }) };
}
