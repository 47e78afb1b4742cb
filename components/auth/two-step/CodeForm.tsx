'use client';

import { useActionState, type ReactNode } from 'react';
import { Button } from '@/components/ui/Button';
import { ErrorSummary } from '@/components/ui/ErrorSummary';
import { TextInput } from '@/components/ui/TextInput';
import type { TwoStepFormState } from '@/lib/auth/two-step/forms';
import { field, initialFormState } from '@/lib/forms';
import { RecoveryCodes } from './RecoveryCodes';

type Action = (prev: TwoStepFormState, form: FormData) => Promise<TwoStepFormState>;

/**
 * One 6-digit code from the authenticator app. When the action answers with recovery codes (after
 * a first set-up or a new set), they replace the form and its intro, with `afterCodes` to go on.
 */
export function CodeForm({
  action,
  label,
  labelIsPageHeading,
  hint = 'The code changes every 30 seconds.',
  button = 'Continue',
  intro,
  afterCodes,
}: {
  action: Action;
  label: ReactNode;
  labelIsPageHeading?: boolean;
  hint?: ReactNode;
  button?: string;
  /** Above the form, below the error summary: the page's heading and anything it explains. */
  intro?: ReactNode;
  afterCodes?: ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, initialFormState as TwoStepFormState);
  if (state.recoveryCodes) return <RecoveryCodes codes={state.recoveryCodes}>{afterCodes}</RecoveryCodes>;
  return (
    <>
      <ErrorSummary state={state} order={['code']} />
      {intro}
      <form action={formAction} noValidate>
        <TextInput
          {...field(state, 'code')}
          defaultValue={undefined}
          label={label}
          labelSize={labelIsPageHeading ? 'l' : 'm'}
          labelIsPageHeading={labelIsPageHeading}
          hint={hint}
          inputMode="numeric"
          autoComplete="one-time-code"
          spellCheck={false}
          width="5"
        />
        <Button aria-disabled={pending || undefined}>{button}</Button>
      </form>
    </>
  );
}
