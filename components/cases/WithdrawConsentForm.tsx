'use client';

import { useFormAction } from '@/components/ui/use-form-action';
import { Button, ErrorMessage } from '@/components/ui';
import { initialFormState, type FormState } from '@/lib/forms';

/** One button that withdraws one agreement; says what it withdraws to screen readers. */
export function WithdrawConsentForm({
  action,
  consentId,
  what,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  consentId: string;
  what: string;
}) {
  const [state, formAction, pending] = useFormAction(action, initialFormState);
  return (
    <form action={formAction} className="inline">
      <input type="hidden" name="consentId" value={consentId} />
      {state.formError ? <ErrorMessage>{state.formError}</ErrorMessage> : null}
      <Button variant="secondary" className="mb-0" disabled={pending}>
        Withdraw<span className="visually-hidden"> agreement {what}</span>
      </Button>
    </form>
  );
}
