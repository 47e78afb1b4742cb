'use client';

import { useActionState } from 'react';
import { Button, ButtonGroup, Checkboxes, Radios, Select, Textarea } from '@/components/ui';
import { Link, type Route } from '@/components/ui/Link';
import { initialFormState, type FormState } from '@/lib/cases/form';
import { consentScopeLabels, consentScopes, shareableFieldLabels, shareableFields } from '@/lib/cases/labels';
import { FormProblems, valueOf, valuesOf } from './FormProblems';

const order = ['scope', 'fields', 'organisationId', 'note'];

export function ConsentForm({
  action,
  organisations,
  cancelHref,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  organisations: ReadonlyArray<{ id: string; name: string }>;
  cancelHref: Route;
}) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const e = state.errors;
  const shareFields = (
    <>
      <Checkboxes
        name="fields"
        legend="Which details may be shared?"
        hint="Only for an agreement to share."
        legendSize="s"
        small
        error={e.fields}
        defaultValues={valuesOf(state, 'fields')}
        items={shareableFields.map((f) => ({ value: f, label: shareableFieldLabels[f] }))}
      />
      <Select
        id="organisationId"
        label="With which provider?"
        hint="Leave as “Any provider” if the person agreed to share with whichever group they are referred to."
        placeholder="Any provider"
        error={e.organisationId}
        defaultValue={valueOf(state, 'organisationId')}
        options={organisations.map((o) => ({ value: o.id, label: o.name }))}
      />
    </>
  );
  return (
    <form action={formAction} noValidate>
      <FormProblems state={state} order={order} />
      <Radios
        name="scope"
        legend="What did the person agree to?"
        legendSize="m"
        error={e.scope}
        defaultValue={valueOf(state, 'scope') || null}
        items={consentScopes.map((s) => ({ value: s, label: consentScopeLabels[s] }))}
      />
      <h2 className="heading-s">If they agreed to share their details with a provider</h2>
      {shareFields}
      <Textarea id="note" label="Notes (optional)" hint="For example, how they gave their agreement." error={e.note} defaultValue={valueOf(state, 'note')} rows={2} maxLength={1000} />
      <ButtonGroup>
        <Button disabled={pending}>Record agreement</Button>
        <Link href={cancelHref}>Cancel</Link>
      </ButtonGroup>
    </form>
  );
}
