'use client';

import { useActionState } from 'react';
import { FormProblems, valuesOf, valueOf } from '@/components/cases/FormProblems';
import { Button, ButtonGroup, Checkboxes, Textarea } from '@/components/ui';
import { Link, type Route } from '@/components/ui/Link';
import { initialFormState, type FormState } from '@/lib/cases/form';
import { shareableFieldLabels, type ShareableField } from '@/lib/cases/labels';

/** Choose what to share (only what the person agreed to) and send the referral. */
export function ReferOutForm({
  action,
  serviceId,
  serviceName,
  allowed,
  cancelHref,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  serviceId: string;
  serviceName: string;
  allowed: ReadonlyArray<{ field: ShareableField; value: string }>;
  cancelHref: Route;
}) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const e = state.errors;
  return (
    <form action={formAction} noValidate>
      <FormProblems state={state} order={['fields', 'message']} messageTarget={allowed.length ? 'fields' : 'message'} />
      <input type="hidden" name="serviceId" value={serviceId} />
      {allowed.length ? (
        <Checkboxes
          name="fields"
          legend={`What to share with ${serviceName}`}
          legendSize="m"
          hint="Only the details the person agreed to share with this provider are listed. Untick anything the provider does not need."
          error={e.fields}
          defaultValues={state.values.fields !== undefined || state.values.serviceId !== undefined ? valuesOf(state, 'fields') : allowed.map((a) => a.field)}
          items={allowed.map((a) => ({ value: a.field, label: shareableFieldLabels[a.field], hint: a.value }))}
        />
      ) : null}
      <Textarea
        id="message"
        label="Message to the provider (optional)"
        hint={
          allowed.length
            ? 'Anything that will help them welcome the person. Do not include details the person has not agreed to share.'
            : 'The person has not agreed to share their details, so do not include anything that identifies them.'
        }
        error={e.message}
        defaultValue={valueOf(state, 'message')}
        rows={4}
        maxLength={2000}
      />
      <ButtonGroup>
        <Button disabled={pending}>Send referral</Button>
        <Link href={cancelHref}>Cancel</Link>
      </ButtonGroup>
    </form>
  );
}
