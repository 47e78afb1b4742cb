'use client';

import { useFormAction } from '@/components/ui/use-form-action';
import { Button, ButtonGroup, ErrorSummary, Radios, Textarea } from '@/components/ui';
import { field, initialFormState, radios, type FormState } from '@/lib/forms';

type Worker = { id: string; name: string; openCases: number; followUpsDue: number };

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** One case to another link worker: who (with each one's load) and why. */
export function ReassignForm({
  action,
  version,
  workers,
  currentWorkerId,
  cancelHref,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  version: number;
  workers: readonly Worker[];
  currentWorkerId: string | null;
  cancelHref: string;
}) {
  const [state, formAction, pending] = useFormAction(action, initialFormState);
  return (
    <form action={formAction} noValidate>
      <ErrorSummary state={state} order={['toWorkerId', 'reason']} ids={{ expectedVersion: 'toWorkerId' }} />
      <input type="hidden" name="expectedVersion" value={version} />
      <Radios
        {...radios(state, 'toWorkerId')}
        legend="Who should take the case?"
        legendSize="m"
        hint="Each link worker’s open cases and follow-ups due today or overdue."
        items={workers
          .filter((w) => w.id !== currentWorkerId)
          .map((w) => ({
            value: w.id,
            label: w.name,
            hint: `${plural(w.openCases, 'open case', 'open cases')}, ${plural(w.followUpsDue, 'follow-up due', 'follow-ups due')}`,
          }))}
      />
      <Textarea
        {...field(state, 'reason')}
        label="Why is the case moving?"
        hint="For example, sickness, someone leaving, or balancing caseloads. The case’s timeline shows this."
        rows={3}
      />
      <ButtonGroup>
        <Button disabled={pending}>Move case</Button>
        <a href={cancelHref}>Cancel</a>
      </ButtonGroup>
    </form>
  );
}
