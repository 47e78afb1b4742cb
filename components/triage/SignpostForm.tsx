'use client';

import { useActionState } from 'react';
import { Button, Checkboxes, ErrorSummary, Textarea } from '@/components/ui';
import { emptyTriageFormState, type TriageFormState } from '@/lib/triage/schema';

type Candidate = { id: string; name: string; organisationName: string; capacity: 'open' | 'waiting_list' | 'full' };

type Props = {
  action: (prev: TriageFormState, form: FormData) => Promise<TriageFormState>;
  caseId: string;
  version: number;
  candidates: readonly Candidate[];
  /** Why these services are listed, said above them. */
  legend: string;
};

const capacity: Record<Candidate['capacity'], string> = { open: 'Has space', waiting_list: 'Waiting list', full: 'Full' };

export function SignpostForm({ action, caseId, version, candidates, legend }: Props) {
  const [state, formAction, pending] = useActionState(action, emptyTriageFormState);
  const e = state.errors;
  const summary = [
    ...(state.formError ? [{ href: '#serviceIds', text: state.formError }] : []),
    ...(e.serviceIds ? [{ href: '#serviceIds', text: e.serviceIds }] : []),
    ...(e.note ? [{ href: '#note', text: e.note }] : []),
  ];
  const chosen = Array.isArray(state.values.serviceIds) ? state.values.serviceIds : [];
  return (
    <form action={formAction} noValidate>
      <ErrorSummary errors={summary} />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="version" value={version} />
      <Checkboxes
        name="serviceIds"
        legend={legend}
        legendSize="s"
        hint="Select the services you suggested to the person."
        error={e.serviceIds}
        defaultValues={chosen}
        small
        items={candidates.map((c) => ({ value: c.id, label: c.name, hint: `${c.organisationName}. ${capacity[c.capacity]}.` }))}
      />
      <Textarea
        id="note"
        label="Note (optional)"
        hint="For example, what you talked about. This closes the case as resolved at first contact."
        rows={3}
        error={e.note}
        defaultValue={typeof state.values.note === 'string' ? state.values.note : ''}
      />
      <Button variant="secondary" disabled={pending}>
        Close as signposted
      </Button>
    </form>
  );
}
