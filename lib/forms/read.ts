// Reading a posted form. Nothing is cut or dropped here: a value too long for its field is refused
// by the schema with a message, so the person can see and shorten it.
import type { FormValues } from './state';

/** Every text field of a FormData as posted; a name given more than once becomes a list. */
export function formValues(form: FormData, options: { omit?: readonly string[] } = {}): FormValues {
  const out: FormValues = {};
  for (const key of new Set(form.keys())) {
    // React's own fields for server actions, and anything never to be sent back (a password).
    if (key.startsWith('$ACTION') || options.omit?.includes(key)) continue;
    const all = form.getAll(key).filter((v): v is string => typeof v === 'string');
    out[key] = all.length > 1 ? all : (all[0] ?? '');
  }
  return out;
}

/** The values as a schema reads them: the named multi-value fields always lists (none ticked is []). */
export function formInput(values: FormValues, lists: readonly string[] = []): Record<string, unknown> {
  const input: Record<string, unknown> = { ...values };
  for (const name of lists) {
    const v = values[name];
    input[name] = v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v];
  }
  return input;
}

/** One text value, or '' when the field was not posted (or was posted more than once). */
export function textOf(values: FormValues, name: string): string {
  const v = values[name];
  return typeof v === 'string' ? v : '';
}
