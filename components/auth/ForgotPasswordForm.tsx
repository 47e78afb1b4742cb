'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/Button';
import { ErrorSummary } from '@/components/ui/ErrorSummary';
import { NotificationBanner } from '@/components/ui/NotificationBanner';
import { TextInput } from '@/components/ui/TextInput';
import { field, initialFormState, type FormState } from '@/lib/forms';

export function ForgotPasswordForm({ action }: { action: (prev: FormState, form: FormData) => Promise<FormState> }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <>
      {state.done ? (
        <NotificationBanner type="success" heading={state.done}>
          <p>
            The link works once, for 30 minutes. If the email has not arrived after a few minutes, check your junk or spam folder.
          </p>
        </NotificationBanner>
      ) : null}
      <ErrorSummary state={state} order={['email']} />
      <form action={formAction} noValidate className="max-w-xl">
        <TextInput
          {...field(state, 'email')}
          label="Email address"
          hint="The address you sign in with"
          type="email"
          autoComplete="email"
          spellCheck={false}
          autoCapitalize="none"
        />
        <Button aria-disabled={pending || undefined}>Send me a link</Button>
      </form>
    </>
  );
}
