'use client';

import { useActionState, type ReactNode } from 'react';
import { Button } from '@/components/ui/Button';
import { Radios } from '@/components/ui/Choices';
import { ErrorSummary } from '@/components/ui/ErrorSummary';
import { Textarea } from '@/components/ui/TextInput';
import { field, initialFormState, radios, type FormState } from '@/lib/forms';
import { declineReasonLabel, declineReasons } from '@/lib/referrals/lifecycle';

/**
 * A provider's answer through the link in a referral e-mail (no sign-in). The error summary sits
 * at the top, above `children` (the referral's details); what was typed is kept after an error.
 */
export function AnswerByLinkForm({
  action,
  token,
  kind,
  canWaitlist,
  children,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  token: string;
  kind: 'accept' | 'decline';
  canWaitlist: boolean;
  children: ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <>
      <ErrorSummary state={state} order={['answer', 'reason', 'note']} />
      {children}
      <form action={formAction} noValidate>
        <input type="hidden" name="token" value={token} />
        {kind === 'accept' ? (
          canWaitlist ? (
            <Radios
              {...radios(state, 'answer', { fallback: 'accepted' })}
              legend="Can they start now?"
              legendSize="m"
              items={[
                { value: 'accepted', label: 'Yes, they can start' },
                { value: 'waitlisted', label: 'Yes, but they will go on our waiting list' },
              ]}
            />
          ) : (
            <input type="hidden" name="answer" value="accepted" />
          )
        ) : (
          <>
            <input type="hidden" name="answer" value="declined" />
            <Radios
              {...radios(state, 'reason')}
              legend="Why can you not take them?"
              legendSize="m"
              hint="The link worker uses this to help the person find something else."
              items={declineReasons.map((reason) => ({ value: reason, label: declineReasonLabel[reason] }))}
            />
          </>
        )}
        <Textarea
          {...field(state, 'note')}
          label="Anything the link worker should know? (optional)"
          hint="For example, when the person can start or who they should ask for."
          rows={4}
        />
        <Button disabled={pending}>{kind === 'accept' ? 'Accept referral' : 'Send answer'}</Button>
      </form>
    </>
  );
}
