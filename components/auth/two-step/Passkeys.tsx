'use client';

import {
  browserSupportsWebAuthn,
  startAuthentication,
  startRegistration,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/browser';
import { startTransition, useActionState, type FormEvent, type ReactNode } from 'react';
import { Button } from '@/components/ui/Button';
import { ErrorSummary } from '@/components/ui/ErrorSummary';
import { TextInput } from '@/components/ui/TextInput';
import { useHydrated } from '@/components/ui/use-hydrated';
import { passkeyNameInput, type TwoStepFormState } from '@/lib/auth/two-step/forms';
import { field, initialFormState } from '@/lib/forms';
import { RecoveryCodes } from './RecoveryCodes';

type Action = (prev: TwoStepFormState, form: FormData) => Promise<TwoStepFormState>;

/**
 * Keys need JavaScript (navigator.credentials) and a browser that has it. Until the page runs, and
 * always without JavaScript, `otherwise` says so, with the other ways to go on.
 */
function WhenKeysWork({ children, otherwise }: { children: ReactNode; otherwise: ReactNode }) {
  const hydrated = useHydrated();
  if (hydrated && browserSupportsWebAuthn()) return children;
  return (
    <p data-testid="passkey-fallback">
      {hydrated
        ? 'This browser cannot use security keys or passkeys.'
        : 'Security keys and passkeys need JavaScript, which is off.'}{' '}
      {otherwise}
    </p>
  );
}

/** Asks the browser to use a key; the answer is posted as JSON, or nothing when it was cancelled. */
async function withCredential(form: FormData, ask: () => Promise<unknown>): Promise<FormData> {
  try {
    form.set('response', JSON.stringify(await ask()));
  } catch {
    // Cancelled, timed out or refused by the browser: the action answers that the key was not used.
    form.delete('response');
  }
  return form;
}

/** "Use your security key or passkey" after the password. */
export function PasskeySignIn({
  options,
  action,
  otherwise,
}: {
  options: () => Promise<PublicKeyCredentialRequestOptionsJSON>;
  action: Action;
  /** What to do instead, without a key that works here. */
  otherwise: ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, initialFormState as TwoStepFormState);
  const use = async () => {
    const form = await withCredential(new FormData(), async () => startAuthentication({ optionsJSON: await options() }));
    startTransition(() => formAction(form));
  };
  return (
    <>
      <ErrorSummary state={state} />
      <WhenKeysWork otherwise={otherwise}>
        <Button type="button" variant="secondary" aria-disabled={pending || undefined} onClick={() => void use()}>
          Use your security key or passkey
        </Button>
      </WhenKeysWork>
    </>
  );
}

/**
 * Names a new key and asks the browser to make it. When the action answers with recovery codes (a
 * first second step), they replace the form and its intro, with `afterCodes` to go on.
 */
export function PasskeyRegistration({
  options,
  action,
  intro,
  otherwise,
  afterCodes,
}: {
  options: () => Promise<PublicKeyCredentialCreationOptionsJSON>;
  action: Action;
  intro?: ReactNode;
  otherwise: ReactNode;
  afterCodes?: ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, initialFormState as TwoStepFormState);
  if (state.recoveryCodes) return <RecoveryCodes codes={state.recoveryCodes}>{afterCodes}</RecoveryCodes>;
  const add = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    let form = new FormData(event.currentTarget);
    // A name the server will refuse goes straight back for its message, without the browser's dialog.
    if (passkeyNameInput.safeParse({ name: form.get('name') }).success) {
      form = await withCredential(form, async () => startRegistration({ optionsJSON: await options() }));
    }
    startTransition(() => formAction(form));
  };
  return (
    <>
      <ErrorSummary state={state} order={['name']} />
      {intro}
      <WhenKeysWork otherwise={otherwise}>
        <form onSubmit={(event) => void add(event)} noValidate>
          <TextInput
            {...field(state, 'name')}
            label="Name the key"
            hint="So you can tell your keys apart, like Yellow key or Work laptop."
            autoComplete="off"
            width="20"
          />
          <Button aria-disabled={pending || undefined}>Add the key</Button>
        </form>
      </WhenKeysWork>
    </>
  );
}
