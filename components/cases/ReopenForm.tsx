'use client';

import { useFormAction } from '@/components/ui/use-form-action';
import { Button, ButtonGroup, ErrorSummary, Radios, Textarea } from '@/components/ui';
import { field, initialFormState, radios, type FormState } from '@/lib/forms';

type Worker = { id: string; name: string; openCases: number };

/** Reopening a closed case: why, and (for a coordinator) who will work with the person. */
export function ReopenForm({
  action,
  version,
  workers,
  previousWorkerId,
  cancelHref,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  version: number;
  /** Empty for a link worker, who reopens the case for themself. */
  workers: readonly Worker[];
  previousWorkerId: string | null;
  cancelHref: string;
}) {
  const [state, formAction, pending] = useFormAction(action, initialFormState);
  return (
    <form action={formAction} noValidate>
      <ErrorSummary state={state} order={['reason', 'workerId']} ids={{ expectedVersion: 'reason' }} />
      <input type="hidden" name="expectedVersion" value={version} />
      <Textarea
        {...field(state, 'reason')}
        label="Why is the case being reopened?"
        hint="For example, the person got in touch again. The case’s timeline shows this."
        rows={3}
      />
      {workers.length ? (
        <Radios
          {...radios(state, 'workerId', { fallback: workers.some((w) => w.id === previousWorkerId) ? previousWorkerId! : '' })}
          legend="Who will work with them?"
          legendSize="m"
          items={workers.map((w) => ({
            value: w.id,
            label: w.name,
            hint: `${w.openCases.toLocaleString('en-GB')} open ${w.openCases === 1 ? 'case' : 'cases'}${w.id === previousWorkerId ? '. Had this case before' : ''}`,
          }))}
        />
      ) : null}
      <ButtonGroup>
        <Button disabled={pending}>Reopen case</Button>
        <a href={cancelHref}>Cancel</a>
      </ButtonGroup>
    </form>
  );
}
