'use client';

import { useFormAction } from '@/components/ui/use-form-action';
import { Button, ButtonGroup, Checkboxes, ErrorSummary, Textarea } from '@/components/ui';
import { checkboxes, field, initialFormState, type FormState } from '@/lib/forms';

/** Withdrawing one agreement: why, and a box ticked to say so, before anything stops being shared. */
export function WithdrawConsentForm({
  action,
  consentId,
  cancelHref,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  consentId: string;
  cancelHref: string;
}) {
  const [state, formAction, pending] = useFormAction(action, initialFormState);
  return (
    <form action={formAction} noValidate>
      <ErrorSummary state={state} order={['reason', 'confirm']} formErrorField="reason" />
      <input type="hidden" name="consentId" value={consentId} />
      <Textarea
        {...field(state, 'reason')}
        label="Why is the agreement being withdrawn?"
        hint="For example, what the person said and when. This is kept with the agreement."
        rows={3}
      />
      <Checkboxes
        {...checkboxes(state, 'confirm')}
        legend="Confirm"
        legendSize="s"
        items={[{ value: 'yes', label: 'Yes, withdraw this agreement' }]}
      />
      <ButtonGroup>
        <Button variant="warning" disabled={pending}>
          Withdraw agreement
        </Button>
        <a href={cancelHref}>Cancel</a>
      </ButtonGroup>
    </form>
  );
}
