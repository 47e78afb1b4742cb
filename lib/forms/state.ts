// The one shape every form's server action hands back to its form (React's useActionState), and
// the ways to make it. Pure, so client components and tests import it too.

/** What was posted, by field name; a name posted more than once is a list. */
export type FormValues = Record<string, string | string[]>;

/** Every message for each field, keyed by the field's name (`location.postcode`, `schedules.0.kind`). */
export type FieldErrors = Partial<Record<string, readonly string[]>>;

/** A field someone else changed while this person was editing, and what it says now. */
export type ConflictChange = { label: string; now: string };

export type FormState<V = FormValues> = {
  /** What was typed, to fill the form again after a failed submit (never a password). */
  values: V;
  fieldErrors: FieldErrors;
  /** A problem with the form as a whole ("this changed since you opened it"). */
  formError?: string;
  /** A success that stays on the page: what happened, for a confirmation banner. */
  done?: string;
  /** After a button that does not save (added a time, found a postcode): what changed. */
  notice?: string;
  /** The control to move focus to next. */
  focus?: string;
  /** The version of the record being edited, sent back with the next save. */
  version?: number | null;
  /** Someone else saved first: what they changed. */
  conflict?: readonly ConflictChange[];
  /** The session ended before this was saved: sign in again, then the same form is sent again. */
  signedOut?: boolean;
};

export const initialFormState: FormState = { values: {}, fieldErrors: {} };

/** A form state with the given values and nothing wrong yet. */
export function formState<V>(
  values: V,
  rest: Omit<FormState<V>, 'values' | 'fieldErrors'> & { fieldErrors?: FieldErrors } = {},
): FormState<V> {
  return { ...rest, values, fieldErrors: rest.fieldErrors ?? {} };
}

export function hasErrors(state: Pick<FormState<unknown>, 'fieldErrors' | 'formError'>): boolean {
  return Boolean(state.formError) || Object.values(state.fieldErrors).some((messages) => messages && messages.length > 0);
}

/** Adds a message to a field, after any it already has (the same message is not repeated). */
export function addFieldError(errors: FieldErrors, field: string, message: string): FieldErrors {
  const current = errors[field] ?? [];
  return current.includes(message) ? errors : { ...errors, [field]: [...current, message] };
}

/** A domain function's "no", as the form shows it: by the field it is about, or for the whole form. */
export type Refusal = { message: string; field?: string };

/**
 * Maps a domain refusal reason to what the form shows: its message from `messages`, on the field
 * named in `fields` for that reason, else as the form's message.
 */
export function refusal<R extends string>(
  reason: NoInfer<R>,
  messages: Readonly<Record<R, string>>,
  fields?: Readonly<Partial<Record<R, string>>>,
): Refusal {
  return { message: messages[reason], field: fields?.[reason] };
}

/** The form state for a refusal, keeping what was typed. */
export function refused<V>(
  values: V,
  refusal: Refusal | string,
  rest: Omit<FormState<V>, 'values' | 'fieldErrors' | 'formError'> = {},
): FormState<V> {
  const r = typeof refusal === 'string' ? { message: refusal } : refusal;
  return r.field
    ? formState(values, { ...rest, fieldErrors: { [r.field]: [r.message] } })
    : formState(values, { ...rest, formError: r.message });
}

/** A success that stays on the page: the form is emptied and says what happened. */
export function succeeded<V>(values: V, done: string): FormState<V> {
  return formState(values, { done });
}

/** Field errors from at most one message per field (checks that are not a zod parse, such as a search's). */
export function fieldErrorsOf(messages: Readonly<Partial<Record<string, string | undefined>>>): FieldErrors {
  const out: Record<string, string[]> = {};
  for (const [name, message] of Object.entries(messages)) if (message) out[name] = [message];
  return out;
}

export const SIGNED_OUT_MESSAGE = 'You have been signed out. Sign in again to save this.';

/**
 * The digest of the error a server action throws when its session has gone (lib/auth/session.ts).
 * Next.js keeps an error's own digest on its way to the browser, so the form can tell it apart.
 */
export const SIGNED_OUT_DIGEST = 'SIGNED_OUT';

export function isSignedOutError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { digest?: unknown }).digest === SIGNED_OUT_DIGEST;
}

export const NOT_SAVED_MESSAGE =
  'This was not saved because of a problem on our side. What you entered is still here: try again in a minute.';

/** The refusal for a form whose action failed (the database was out of reach, say): everything typed is kept. */
export function notSavedState<V>(values: V): FormState<V> {
  return formState(values, { formError: NOT_SAVED_MESSAGE });
}

/** The refusal for a form sent after its session ended: everything typed is kept. */
export function signedOutState<V>(values: V): FormState<V> {
  return formState(values, { formError: SIGNED_OUT_MESSAGE, signedOut: true });
}
