'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/Button';
import { ErrorSummary } from '@/components/ui/ErrorSummary';
import { TextInput } from '@/components/ui/TextInput';
import { signInAction } from '@/lib/auth/actions';
import { SIGN_IN_FIELDS } from '@/lib/auth/sign-in-form';
import { field, initialFormState, type FormState } from '@/lib/forms';

export function SignInForm({ callbackUrl, initial = initialFormState }: { callbackUrl?: string; initial?: FormState }) {
  const [state, formAction, pending] = useActionState(signInAction, initial);
  return (
    <>
      <ErrorSummary state={state} order={SIGN_IN_FIELDS} />
      <form action={formAction} noValidate className="max-w-xl">
        {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
        <TextInput
          {...field(state, 'email')}
          label="Email address"
          type="email"
          autoComplete="email"
          spellCheck={false}
          autoCapitalize="none"
        />
        <TextInput
          {...field(state, 'password')}
          defaultValue={undefined}
          label="Password"
          type="password"
          autoComplete="current-password"
          width="two-thirds"
        />
        <Button aria-disabled={pending || undefined}>Sign in</Button>
      </form>
    </>
  );
}
