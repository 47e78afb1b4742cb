'use client';

import { useActionState } from 'react';
import { Button, ErrorSummary, Radios, Textarea } from '@/components/ui';
import { emptyTriageFormState, type TriageFormState } from '@/lib/triage/schema';

type Props = {
  action: (prev: TriageFormState, form: FormData) => Promise<TriageFormState>;
  caseId: string;
  version: number;
  rag: 'red' | 'amber' | 'green' | null;
  ragReason: string | null;
  targets: { red: number; amber: number; green: number };
};

const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined);

export function RateForm({ action, caseId, version, rag, ragReason, targets }: Props) {
  const [state, formAction, pending] = useActionState(action, emptyTriageFormState);
  const e = state.errors;
  const summary = [
    ...(state.formError ? [{ href: '#rag', text: state.formError }] : []),
    ...(e.rag ? [{ href: '#rag', text: e.rag }] : []),
    ...(e.ragReason ? [{ href: '#ragReason', text: e.ragReason }] : []),
    ...(e.caseId || e.version ? [{ href: '#rag', text: e.caseId ?? e.version ?? '' }] : []),
  ];
  return (
    <form action={formAction} noValidate>
      <ErrorSummary errors={summary} />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="version" value={version} />
      <Radios
        name="rag"
        legend="Rating"
        legendSize="s"
        error={e.rag}
        defaultValue={one(state.values.rag) ?? rag}
        items={[
          {
            value: 'red',
            label: 'Red: urgent',
            hint: `No food, heat or money today, about to lose housing, or recently bereaved and alone. First contact within ${targets.red} working days, and a crisis conversation first.`,
          },
          {
            value: 'amber',
            label: 'Amber: soon',
            hint: `Several of those worries, or isolated with health getting worse. First contact within ${targets.amber} working days.`,
          },
          { value: 'green', label: 'Green: everything else', hint: `First contact within ${targets.green} working days.` },
        ]}
      />
      <Textarea
        id="ragReason"
        label="Reason for the rating"
        hint="A sentence is enough. Other staff will see it."
        rows={3}
        error={e.ragReason}
        defaultValue={one(state.values.ragReason) ?? ragReason ?? ''}
      />
      <Button variant="secondary" disabled={pending}>
        Save rating
      </Button>
    </form>
  );
}
