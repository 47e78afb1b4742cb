'use client';

import { createContext, startTransition, useActionState, useContext, useEffect, useRef } from 'react';
import type { FormState, FormValues } from '@/lib/forms/state';

/** Asks the person to sign in again, then calls `resubmit` (provided by the staff layout). */
export type AskToSignInAgain = (resubmit: () => void) => void;

export const SignInAgainContext = createContext<AskToSignInAgain | null>(null);

/** The form as it was sent, from the values its refusal kept. */
function formDataOf(values: FormValues): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(values)) {
    for (const one of Array.isArray(value) ? value : [value]) form.append(name, one);
  }
  return form;
}

/**
 * React's useActionState for a staff form's server action (wrapped by lib/forms/action.ts, which
 * keeps what was typed when the action cannot finish), plus one thing: when the session had ended,
 * the person is asked to sign in again on the page and the same form is sent once more. The
 * server action goes to React as it is, so the form still posts without JavaScript.
 */
export function useFormAction<S extends FormState<unknown>>(
  action: (prev: Awaited<S>, form: FormData) => Promise<S>,
  initial: Awaited<S>,
): [state: Awaited<S>, dispatch: (form: FormData) => void, pending: boolean] {
  const ask = useContext(SignInAgainContext);
  const [state, dispatch, pending] = useActionState(action, initial);
  const asked = useRef<unknown>(null);

  useEffect(() => {
    if (!state.signedOut || !ask || asked.current === state) return;
    asked.current = state;
    const form = formDataOf(state.values as FormValues);
    ask(() => startTransition(() => dispatch(form)));
  }, [state, ask, dispatch]);

  return [state, dispatch, pending];
}
