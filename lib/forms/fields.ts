// What a form's controls need from its state: ids the error summary links to, names, what to show
// in them again, and the ARIA wiring of hint and error. Pure, for client components.
import type { FieldErrors, FormState, FormValues } from './state';

type Errors = Pick<FormState<unknown>, 'fieldErrors' | 'formError'>;

/** The id of a field's control: `location.postcode` -> `location-postcode` (ids with dots break CSS selectors). */
export function fieldId(name: string, idPrefix = ''): string {
  return `${idPrefix}${name.replace(/\./g, '-')}`;
}

export function errorsOf(state: Pick<Errors, 'fieldErrors'>, name: string): readonly string[] | undefined {
  const messages = state.fieldErrors[name];
  return messages && messages.length ? messages : undefined;
}

/** What to show in a field: what was typed, else the starting value. */
export function valueOf(state: FormState<FormValues>, name: string, fallback = ''): string {
  const v = state.values[name];
  if (v === undefined) return fallback;
  return Array.isArray(v) ? (v[0] ?? '') : v;
}

/** What was ticked, else the starting ticks. */
export function valuesOf(state: FormState<FormValues>, name: string, fallback: readonly string[] = []): string[] {
  const v = state.values[name];
  if (v === undefined) return [...fallback];
  return Array.isArray(v) ? v : v === '' ? [] : [v];
}

/** The ids of a control's hint and error, joined for aria-describedby. */
export function describedBy(id: string, opts: { hint?: boolean; error?: boolean; extra?: string }): string | undefined {
  const ids = [opts.extra, opts.hint ? `${id}-hint` : undefined, opts.error ? `${id}-error` : undefined].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export type ControlAria = { 'aria-describedby'?: string; 'aria-invalid'?: true };

/** aria-describedby for the hint and error, and aria-invalid while the field has an error. */
export function controlAria(id: string, opts: { hint?: boolean; error?: readonly string[]; extra?: string }): ControlAria {
  const invalid = Boolean(opts.error?.length);
  const ids = describedBy(id, { hint: opts.hint, error: invalid, extra: opts.extra });
  return { ...(ids ? { 'aria-describedby': ids } : {}), ...(invalid ? { 'aria-invalid': true as const } : {}) };
}

type FieldOptions = { idPrefix?: string; fallback?: string };

/** Props for a TextInput, Textarea or Select bound to a field: `<TextInput {...field(state, 'email')} label=… />`. */
export function field(state: FormState<FormValues>, name: string, options: FieldOptions = {}) {
  return {
    id: fieldId(name, options.idPrefix),
    name,
    defaultValue: valueOf(state, name, options.fallback),
    error: errorsOf(state, name),
  };
}

/** Props for Radios bound to a field. */
export function radios(state: FormState<FormValues>, name: string, options: FieldOptions = {}) {
  return {
    name,
    idPrefix: fieldId(name, options.idPrefix),
    defaultValue: valueOf(state, name, options.fallback) || null,
    error: errorsOf(state, name),
  };
}

/** Props for Checkboxes bound to a field. */
export function checkboxes(
  state: FormState<FormValues>,
  name: string,
  options: { idPrefix?: string; fallback?: readonly string[] } = {},
) {
  return {
    name,
    idPrefix: fieldId(name, options.idPrefix),
    defaultValues: valuesOf(state, name, options.fallback),
    error: errorsOf(state, name),
  };
}

export type SummaryItem = { href?: string; text: string };

export type SummaryOptions = {
  /** Field names in the order they appear on the page; fields not listed come after, as they came. */
  order?: readonly string[];
  /** Prefix of every control's id, when the form shares its page with others. */
  idPrefix?: string;
  /** Control ids that are not `fieldId(name)` (a date's day box, a button). */
  ids?: Readonly<Partial<Record<string, string>>>;
  /** The field the form's own message links to; the first field in `order` if not given. */
  formErrorField?: string;
};

/** The error summary's lines: the form's message first, then the first message of each field, in page order. */
export function summaryItems(state: Errors, options: SummaryOptions = {}): SummaryItem[] {
  const { order = [], idPrefix = '', ids = {}, formErrorField } = options;
  const href = (name: string | undefined) => (name === undefined ? undefined : `#${ids[name] ?? fieldId(name, idPrefix)}`);
  const items: SummaryItem[] = [];
  if (state.formError) items.push({ href: href(formErrorField ?? order[0]), text: state.formError });
  const names = [
    ...order.filter((n) => n in state.fieldErrors),
    ...Object.keys(state.fieldErrors).filter((n) => !order.includes(n)),
  ];
  for (const name of names) {
    const text = (state.fieldErrors as FieldErrors)[name]?.[0];
    if (text) items.push({ href: href(name), text });
  }
  return items;
}
