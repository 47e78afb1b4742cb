'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/Button';
import { ErrorSummary } from '@/components/ui/ErrorSummary';
import { TextInput } from '@/components/ui/TextInput';
import type { TwoStepFormState } from '@/lib/auth/two-step/forms';
import { signInRecoveryAction } from '@/lib/auth/two-step/actions';
import { field, initialFormState } from '@/lib/forms';

export function RecoveryCodeForm() {
  const [state, formAction, pending] = useActionState(signInRecoveryAction, initialFormState as TwoStepFormState);
  return (
    <>
      <ErrorSummary state={state} order={['recoveryCode']} />
      <form action={formAction} noValidate>
        <TextInput
          {...field(state, 'recoveryCode')}
          defaultValue={undefined}
          label="Enter a recovery code"
          labelSize="l"
          labelIsPageHeading
          hint="One of the 10 codes you saved when you set up two-step sign-in, like K7QMT-WX3CP. Each code works once."
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="characters"
          width="10"
        />
        <Button aria-disabled={pending || undefined}>Continue</Button>
      </form>
    </>
  );
}
