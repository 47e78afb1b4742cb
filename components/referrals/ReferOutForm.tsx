'use client';

import { useFormAction } from '@/components/ui/use-form-action';
import { Button, ButtonGroup, Checkboxes, ErrorSummary, Textarea } from '@/components/ui';
import { checkboxes, field, initialFormState, type FormState } from '@/lib/forms';
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
  cancelHref: string;
}) {
  const [state, formAction, pending] = useFormAction(action, initialFormState);
  return (
    <form action={formAction} noValidate>
      <ErrorSummary state={state} order={['fields', 'message']} formErrorField={allowed.length ? 'fields' : 'message'} />
      <input type="hidden" name="serviceId" value={serviceId} />
      {allowed.length ? (
        <Checkboxes
          // After a submit, what was ticked (none is none); at first, everything allowed.
          {...checkboxes(state, 'fields', { fallback: state.values.serviceId !== undefined ? [] : allowed.map((a) => a.field) })}
          legend={`What to share with ${serviceName}`}
          legendSize="m"
          hint="Only the details the person agreed to share with this provider are listed. Untick anything the provider does not need."
          items={allowed.map((a) => ({ value: a.field, label: shareableFieldLabels[a.field], hint: a.value }))}
        />
      ) : null}
      <Textarea
        {...field(state, 'message')}
        label="Message to the provider (optional)"
        hint={
          allowed.length
            ? 'Anything that will help them welcome the person. Do not include details the person has not agreed to share.'
            : 'The person has not agreed to share their details, so do not include anything that identifies them.'
        }
        rows={4}
      />
      <ButtonGroup>
        <Button disabled={pending}>Send referral</Button>
        <a href={cancelHref}>Cancel</a>
      </ButtonGroup>
    </form>
  );
}
