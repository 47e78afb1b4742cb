'use client';

import { useFormAction } from '@/components/ui/use-form-action';
import { Button, ButtonGroup, Checkboxes, ErrorSummary, Textarea } from '@/components/ui';
import { checkboxes, field, initialFormState, type FormState } from '@/lib/forms';

/** "Close: could not contact": the close form with its outcome chosen, a note, and a box to confirm. */
export function CouldNotContactForm({
  action,
  version,
  today,
  cancelHref,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  version: number;
  today: string;
  cancelHref: string;
}) {
  const [state, formAction, pending] = useFormAction(action, initialFormState);
  return (
    <form action={formAction} noValidate>
      <ErrorSummary state={state} order={['outcomeNote', 'confirm']} formErrorField="outcomeNote" />
      <input type="hidden" name="expectedVersion" value={version} />
      <input type="hidden" name="outcome" value="could_not_contact" />
      <input type="hidden" name="closedOn" value={today} />
      <Textarea
        {...field(state, 'outcomeNote')}
        label="Notes (optional)"
        hint="For example, how and when you tried. This stays on the case."
        rows={3}
      />
      <Checkboxes
        {...checkboxes(state, 'confirm')}
        legend="Confirm"
        legendSize="s"
        items={[{ value: 'yes', label: 'Yes, close the case and send these messages' }]}
      />
      <ButtonGroup>
        <Button variant="warning" disabled={pending}>
          Close: could not contact
        </Button>
        <a href={cancelHref}>Cancel</a>
      </ButtonGroup>
    </form>
  );
}
