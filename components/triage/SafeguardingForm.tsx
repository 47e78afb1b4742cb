'use client';

import { useActionState } from 'react';
import { Button, ErrorSummary, Radios, TextInput, Textarea } from '@/components/ui';
import { emptyTriageFormState, type TriageFormState } from '@/lib/triage/schema';

type Props = {
  action: (prev: TriageFormState, form: FormData) => Promise<TriageFormState>;
  caseId: string;
};

const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined);

export function SafeguardingForm({ action, caseId }: Props) {
  const [state, formAction, pending] = useActionState(action, emptyTriageFormState);
  const e = state.errors;
  const summary = [
    ...(state.formError ? [{ href: '#referredTo', text: state.formError }] : []),
    ...(e.referredTo ? [{ href: '#referredTo', text: e.referredTo }] : []),
    ...(e.referredToDetail ? [{ href: '#referredToDetail', text: e.referredToDetail }] : []),
    ...(e.summary ? [{ href: '#summary', text: e.summary }] : []),
  ];
  return (
    <form action={formAction} noValidate>
      <ErrorSummary errors={summary} />
      <input type="hidden" name="caseId" value={caseId} />
      <Radios
        name="referredTo"
        legend="Which safeguarding team did you tell?"
        legendSize="s"
        error={e.referredTo}
        defaultValue={one(state.values.referredTo) ?? null}
        items={[
          { value: 'adults', label: 'Adults’ safeguarding team' },
          { value: 'children', label: 'Children’s safeguarding team' },
        ]}
      />
      <TextInput
        id="referredToDetail"
        label="Who you spoke to, or their reference (optional)"
        error={e.referredToDetail}
        defaultValue={one(state.values.referredToDetail) ?? ''}
        width="two-thirds"
      />
      <Textarea
        id="summary"
        label="Summary of the concern"
        hint="What you saw or were told, and what the safeguarding team said they would do."
        rows={4}
        error={e.summary}
        defaultValue={one(state.values.summary) ?? ''}
      />
      <Button variant="warning" disabled={pending}>
        Record safeguarding concern
      </Button>
    </form>
  );
}
