'use client';

import { useFormAction } from '@/components/ui/use-form-action';
import { Button, Checkboxes, ErrorSummary, Textarea } from '@/components/ui';
import { checkboxes, field, initialFormState, type FormState } from '@/lib/forms';

/** Approve a self-registered group or say why not; one per group on the page, so ids carry the group's. */
export function OrganisationDecisionForm({
  action,
  organisationId,
  organisationName,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  organisationId: string;
  organisationName: string;
}) {
  const [state, formAction, busy] = useFormAction(action, initialFormState);
  const idPrefix = `${organisationId}-`;
  return (
    <form action={formAction} noValidate>
      <ErrorSummary
        state={state}
        order={['note', 'verified']}
        ids={{ note: `note-${organisationId}`, verified: `verified-${organisationId}` }}
      />
      <Checkboxes
        {...checkboxes(state, 'verified')}
        idPrefix={`verified-${organisationId}`}
        legend={<span className="visually-hidden">Checks for {organisationName}</span>}
        small
        items={[
          {
            value: 'yes',
            label: 'I have checked the group exists and the contact is genuine',
            hint: 'Needed to approve it. The public pages then show it as checked by the council. It is not an endorsement.',
          },
        ]}
      />
      <Textarea
        {...field(state, 'note', { idPrefix })}
        id={`note-${organisationId}`}
        label="Note to the group"
        hint="Needed if you do not approve it: say why. Optional otherwise."
        rows={3}
      />
      <div className="button-group">
        <Button name="decision" value="approve" disabled={busy}>
          Approve<span className="visually-hidden"> {organisationName}</span>
        </Button>
        <Button name="decision" value="reject" variant="warning" disabled={busy}>
          Do not approve<span className="visually-hidden"> {organisationName}</span>
        </Button>
      </div>
    </form>
  );
}
