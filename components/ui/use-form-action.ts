'use client';

import { createContext, startTransition, useActionState, useContext, useEffect, useRef } from 'react';
import { formValues } from '@/lib/forms/read';
import { isSignedOutError, signedOutState, type FormState } from '@/lib/forms/state';

/** Asks the person to sign in again, then calls `resubmit` (provided by the staff layout). */
export type AskToSignInAgain = (resubmit: () => void) => void;

export const SignInAgainContext = createContext<AskToSignInAgain | null>(null);

/**
 * React's useActionState for a form's server action, plus the one thing every staff form needs:
 * when the session has ended, the action's "signed out" error becomes a refusal that keeps every
 * value typed, the person is asked to sign in again on the page, and the same form is sent again.
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
      if (!isSignedOutError(error)) throw error;
      refused.current = form;
      // Never a password back to the page.
      // Kept from before: the record's version, so the resent form still checks for others' edits.
      const kept = { ...prev, done: undefined, notice: undefined, conflict: undefined, focus: undefined };
      return { ...kept, ...signedOutState(formValues(form, { omit: ['password'] })) } as unknown as S;
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
