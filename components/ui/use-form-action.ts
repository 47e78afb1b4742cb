'use client';

import { createContext, startTransition, useActionState, useContext, useEffect, useRef } from 'react';
import { formValues } from '@/lib/forms/read';
import { isSignedOutError, notSavedState, signedOutState, type FormState } from '@/lib/forms/state';

/** Asks the person to sign in again, then calls `resubmit` (provided by the staff layout). */
export type AskToSignInAgain = (resubmit: () => void) => void;

export const SignInAgainContext = createContext<AskToSignInAgain | null>(null);

// Next's own control flow (redirect, notFound, forbidden) travels as errors with these digests.
const isNextSignal = (error: unknown) =>
  typeof error === 'object' && error !== null && String((error as { digest?: unknown }).digest ?? '').startsWith('NEXT_');

/**
 * React's useActionState for a form's server action, plus what every form needs when the action
 * cannot finish: when the session has ended, the action's "signed out" error becomes a refusal that
 * keeps every value typed, the person is asked to sign in again on the page, and the same form is
 * sent again; when anything else fails (the database is down, say), the form stays as typed and
 * says it was not saved, rather than giving way to the error page and losing the text.
 */
export function useFormAction<S extends FormState<unknown>>(
  action: (prev: Awaited<S>, form: FormData) => Promise<S>,
  initial: Awaited<S>,
): [state: Awaited<S>, dispatch: (form: FormData) => void, pending: boolean] {
  const ask = useContext(SignInAgainContext);
  const refused = useRef<FormData | null>(null);
  const [state, dispatch, pending] = useActionState<S, FormData>(async (prev, form) => {
    try {
      return await action(prev, form);
    } catch (error) {
      if (isNextSignal(error)) throw error;
      // Never a password back to the page.
      const values = formValues(form, { omit: ['password'] });
      // Kept from before: the record's version, so the resent form still checks for others' edits.
      const kept = { ...prev, done: undefined, notice: undefined, conflict: undefined, focus: undefined };
      if (!isSignedOutError(error)) return { ...kept, ...notSavedState(values) } as unknown as S;
      refused.current = form;
      return { ...kept, ...signedOutState(values) } as unknown as S;
    }
  }, initial);

  useEffect(() => {
    const form = refused.current;
    if (!state.signedOut || !form || !ask) return;
    refused.current = null;
    ask(() => startTransition(() => dispatch(form)));
  }, [state, ask, dispatch]);

  return [state, dispatch, pending];
}
