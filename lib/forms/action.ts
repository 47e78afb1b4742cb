// A form's server action, made safe to fail: what the person typed always comes back to them.
// Done on the server, so the form can hand React the server action itself and still post
// without JavaScript (docs/decisions/0008).
import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { unstable_rethrow } from 'next/navigation';
import { logError } from '@/lib/log/logger';
import { refreshSettings } from '@/lib/settings';
import { formValues } from './read';
import { isSignedOutError, notSavedState, signedOutState, type FormState } from './state';

const insideForm = new AsyncLocalStorage<true>();

/** True while a form's action runs: a missing session then refuses the form rather than redirecting. */
export function insideFormAction(): boolean {
  return insideForm.getStore() === true;
}

/**
 * Wraps a form's action `(...bound, previousState, form)`. When the session has ended, the form
 * comes back refused as "signed out" with every value typed (the page asks the person to sign in
 * again and sends it once more); when anything else fails (the database is out of reach, say), it
 * comes back "not saved, try again", rather than giving way to the error page and losing the text.
 * Next's own signals (redirect, notFound, forbidden) pass through.
 */
export function formAction<A extends unknown[], S extends FormState<unknown>>(
  act: (...args: [...A, S, FormData]) => Promise<S>,
): (...args: [...A, S, FormData]) => Promise<S> {
  return async (...args) => {
    try {
      // The admin's settings up to date for whatever the action reads through config.
      await refreshSettings();
      return await insideForm.run(true, () => act(...args));
    } catch (error) {
      unstable_rethrow(error);
      const previous = args.at(-2) as S;
      // Never a password back to the page.
      const values = formValues(args.at(-1) as FormData, { omit: ['password'] });
      // Kept from before: the record's version, so the form sent again still checks for others' edits.
      const kept = { ...previous, done: undefined, notice: undefined, conflict: undefined, focus: undefined };
      if (isSignedOutError(error)) return { ...kept, ...signedOutState(values) } as S;
      logError(error, { action: act.name || 'form' }, 'A form could not be saved');
      return { ...kept, ...notSavedState(values) } as S;
    }
  };
}
