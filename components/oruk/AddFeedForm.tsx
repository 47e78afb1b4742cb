'use client';

import { Button, ErrorSummary, Radios, TextInput } from '@/components/ui';
import { useFormAction } from '@/components/ui/use-form-action';
import { field, initialFormState, radios, type FormState } from '@/lib/forms';

/** A feed to take in on a schedule: its name here, its API address, how often. */
export function AddFeedForm({ action }: { action: (prev: FormState, form: FormData) => Promise<FormState> }) {
  const [state, formAction, pending] = useFormAction(action, initialFormState);
  return (
    <form action={formAction} noValidate>
      <ErrorSummary state={state} order={['name', 'url', 'schedule']} />
      <TextInput
        {...field(state, 'name')}
        label="Name"
        hint="The directory it comes from, like Westbury Council"
        width="two-thirds"
      />
      <TextInput
        {...field(state, 'url')}
        label="Feed address"
        hint="The API’s base address, without /services, like https://example.org/api/v3"
        type="url"
        spellCheck={false}
        autoComplete="off"
      />
      <Radios
        {...radios(state, 'schedule', { fallback: 'daily' })}
        legend="How often to take it in"
        legendSize="s"
        items={[
          { value: 'daily', label: 'Every day' },
          { value: 'weekly', label: 'Every week' },
          { value: 'manual', label: 'Only when I run it' },
        ]}
      />
      <Button disabled={pending}>Add feed</Button>
    </form>
  );
}
