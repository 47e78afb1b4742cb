'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/Button';
import { ErrorSummary } from '@/components/ui/ErrorSummary';
import { TextInput } from '@/components/ui/TextInput';
import { field, initialFormState, type FormState } from '@/lib/forms';

/**
 * The one form for choosing a password: staff invites, password resets and group colleague invites.
 * The action checks the password policy; the page passes its hint (the policy lives on the server).
 */
export function SetPasswordForm({
  action,
  email,
  hint,
  submitLabel,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  /** The account's address, for password managers (not shown as a field). */
  email: string;
  hint: string;
  submitLabel: string;
}) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <>
      <ErrorSummary state={state} order={['password']} />
      <form action={formAction} noValidate className="max-w-xl">
        <input type="hidden" name="username" value={email} autoComplete="username" />
        <TextInput
          {...field(state, 'password')}
          defaultValue={undefined}
          label="Create a password"
          hint={hint}
          type="password"
          autoComplete="new-password"
          width="two-thirds"
        />
        <Button aria-disabled={pending || undefined}>{submitLabel}</Button>
      </form>
    </>
  );
}
