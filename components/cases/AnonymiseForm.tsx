'use client';

import { useFormAction } from '@/components/ui/use-form-action';
import { Button, Checkboxes, ErrorSummary } from '@/components/ui';
import { checkboxes, initialFormState, type FormState } from '@/lib/forms';

export function AnonymiseForm({ action }: { action: (prev: FormState, form: FormData) => Promise<FormState> }) {
  const [state, formAction, pending] = useFormAction(action, initialFormState);
  return (
    <form action={formAction} noValidate>
      <ErrorSummary state={state} order={['confirm']} />
      <Checkboxes
        {...checkboxes(state, 'confirm')}
        legend="Confirm"
        legendSize="s"
        items={[{ value: 'yes', label: 'I have checked that records retention duties allow this record to be erased' }]}
      />
      <Button variant="warning" disabled={pending}>
        Anonymise this person
      </Button>
    </form>
  );
}
