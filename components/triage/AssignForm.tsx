'use client';

import { useActionState } from 'react';
import { Button, ErrorSummary, Radios } from '@/components/ui';
import { emptyTriageFormState, type TriageFormState } from '@/lib/triage/schema';

type Worker = { id: string; name: string; openCases: number; followUpsDue: number };

type Props = {
  action: (prev: TriageFormState, form: FormData) => Promise<TriageFormState>;
  caseId: string;
  version: number;
  workers: readonly Worker[];
};

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

export function AssignForm({ action, caseId, version, workers }: Props) {
  const [state, formAction, pending] = useActionState(action, emptyTriageFormState);
  const e = state.errors;
  const summary = [
    ...(state.formError ? [{ href: '#workerId', text: state.formError }] : []),
    ...(e.workerId ? [{ href: '#workerId', text: e.workerId }] : []),
    ...(e.caseId || e.version ? [{ href: '#workerId', text: e.caseId ?? e.version ?? '' }] : []),
  ];
  const chosen = typeof state.values.workerId === 'string' ? state.values.workerId : null;
  return (
    <form action={formAction} noValidate>
      <ErrorSummary errors={summary} />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="version" value={version} />
      <Radios
        name="workerId"
        legend="Link worker"
        legendSize="s"
        hint="Each worker’s open cases and follow-ups due today or overdue."
        error={e.workerId}
        defaultValue={chosen}
        items={workers.map((w) => ({
          value: w.id,
          label: w.name,
          hint: `${plural(w.openCases, 'open case', 'open cases')}, ${plural(w.followUpsDue, 'follow-up due', 'follow-ups due')}`,
        }))}
      />
      <Button disabled={pending}>Assign</Button>
    </form>
  );
}
