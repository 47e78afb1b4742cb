'use client';

import { useFormAction } from '@/components/ui/use-form-action';
import { Button, ErrorSummary, Radios } from '@/components/ui';
import { initialFormState, radios, type FormState } from '@/lib/forms';

type Worker = { id: string; name: string; openCases: number; followUpsDue: number };

type Props = {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  caseId: string;
  version: number;
  workers: readonly Worker[];
};

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

export function AssignForm({ action, caseId, version, workers }: Props) {
  const [state, formAction, pending] = useFormAction(action, initialFormState);
  return (
    <form action={formAction} noValidate>
      <ErrorSummary state={state} order={['workerId']} ids={{ caseId: 'workerId', version: 'workerId' }} />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="version" value={version} />
      <Radios
        {...radios(state, 'workerId')}
        legend="Link worker"
        legendSize="s"
        hint="Each worker’s open cases and follow-ups due today or overdue."
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
