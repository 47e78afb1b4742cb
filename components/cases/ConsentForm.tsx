'use client';

import { useFormAction } from '@/components/ui/use-form-action';
import { Button, ButtonGroup, Checkboxes, ErrorSummary, Radios, Select, Textarea } from '@/components/ui';
import { consentScopeLabels, consentScopes, shareableFieldLabels, shareableFields } from '@/lib/cases/labels';
import { checkboxes, field, initialFormState, radios, type FormState } from '@/lib/forms';

const order = ['scope', 'fields', 'organisationId', 'note'];

export function ConsentForm({
  action,
  organisations,
  cancelHref,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  organisations: ReadonlyArray<{ id: string; name: string }>;
  cancelHref: string;
}) {
  const [state, formAction, pending] = useFormAction(action, initialFormState);
  const shareFields = (
    <>
      <Checkboxes
        {...checkboxes(state, 'fields')}
        legend="Which details may be shared?"
        hint="Only for an agreement to share."
        legendSize="s"
        small
        items={shareableFields.map((f) => ({ value: f, label: shareableFieldLabels[f] }))}
      />
      <Select
        {...field(state, 'organisationId')}
        label="With which provider?"
        hint="Leave as “Any provider” if the person agreed to share with whichever group they are referred to."
        placeholder="Any provider"
        options={organisations.map((o) => ({ value: o.id, label: o.name }))}
      />
    </>
  );
  return (
    <form action={formAction} noValidate>
      <ErrorSummary state={state} order={order} />
      <Radios
        {...radios(state, 'scope')}
        legend="What did the person agree to?"
        legendSize="m"
        items={consentScopes.map((s) => ({ value: s, label: consentScopeLabels[s] }))}
      />
      <h2 className="heading-s">If they agreed to share their details with a provider</h2>
      {shareFields}
      <Textarea {...field(state, 'note')} label="Notes (optional)" hint="For example, how they gave their agreement." rows={2} />
      <ButtonGroup>
        <Button disabled={pending}>Record agreement</Button>
        <a href={cancelHref}>Cancel</a>
      </ButtonGroup>
    </form>
  );
}
