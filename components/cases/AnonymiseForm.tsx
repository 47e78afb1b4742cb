'use client';

import { useActionState } from 'react';
import { Button, Checkboxes } from '@/components/ui';
import { initialFormState, type FormState } from '@/lib/cases/form';
import { FormProblems } from './FormProblems';

export function AnonymiseForm({ action }: { action: (prev: FormState, form: FormData) => Promise<FormState> }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} noValidate>
      <FormProblems state={state} order={['confirm']} />
      <Checkboxes
        name="confirm"
        legend="Confirm"
        legendSize="s"
        error={state.errors.confirm}
        items={[{ value: 'yes', label: 'I have checked that records retention duties allow this record to be erased' }]}
      />
      <Button variant="warning" disabled={pending}>
        Anonymise this person
      </Button>
    </form>
  );
}
