'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/Button';
import { ErrorSummary } from '@/components/ui/ErrorSummary';
import type { ErrorSummaryItem } from '@/components/ui/errors';
import { TextInput } from '@/components/ui/TextInput';
import { signInAction } from '@/lib/auth/actions';
import type { SignInField, SignInState } from '@/lib/auth/sign-in-form';

const fields: readonly SignInField[] = ['email', 'password'];

export function SignInForm({ callbackUrl, initial = {} }: { callbackUrl?: string; initial?: SignInState }) {
  const [state, formAction, pending] = useActionState(signInAction, initial);

  const messages: Partial<Record<SignInField, string>> = { ...state.errors };
  if (state.formError) messages[state.formError.field] ??= state.formError.text;
  const summary: ErrorSummaryItem[] = fields
    .filter((field) => messages[field])
    .map((field) => ({ href: `#${field}`, text: messages[field]! }));

  return (
    <>
      {summary.length > 0 ? <ErrorSummary errors={summary} /> : null}
      <form action={formAction} noValidate className="max-w-xl">
        {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
        <TextInput
          id="email"
          label="Email address"
          type="email"
          autoComplete="email"
          spellCheck={false}
          autoCapitalize="none"
          defaultValue={state.values?.email ?? ''}
          error={messages.email}
        />
        <TextInput
          id="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          error={messages.password}
          width="two-thirds"
        />
        <Button aria-disabled={pending || undefined}>Sign in</Button>
      </form>
    </>
  );
}
