'use client';

import { useFormAction } from '@/components/ui/use-form-action';
import { Button, ButtonGroup, Checkboxes, ErrorSummary, Radios, Select, Textarea } from '@/components/ui';
import { checkboxes, errorsOf, field, initialFormState, radios, valueOf, type FormState } from '@/lib/forms';

type Worker = { id: string; name: string; openCases: number };

const open = (n: number) => `${n.toLocaleString('en-GB')} open ${n === 1 ? 'case' : 'cases'}`;

/**
 * A whole caseload to one link worker, or shared out between several (fewest open cases first),
 * with the reason, and a box ticked to confirm how many will move.
 */
export function BulkReassignForm({
  action,
  from,
  count,
  workers,
  cancelHref,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  from: { id: string; name: string };
  count: number;
  workers: readonly Worker[];
  cancelHref: string;
}) {
  const [state, formAction, pending] = useFormAction(action, initialFormState);
  const cases = `${count.toLocaleString('en-GB')} ${count === 1 ? 'case' : 'cases'}`;
  return (
    <form action={formAction} noValidate>
      <ErrorSummary
        state={state}
        order={['mode', 'toWorkerId', 'spreadWorkerIds', 'reason', 'confirm']}
        formErrorField="mode"
        ids={{ fromWorkerId: 'mode', expectedCount: 'mode' }}
      />
      <input type="hidden" name="fromWorkerId" value={from.id} />
      <input type="hidden" name="expectedCount" value={count} />
      <Radios
        {...radios(state, 'mode', { fallback: 'spread' })}
        legend={`Who takes ${from.name}’s ${cases}?`}
        legendSize="m"
        items={[
          {
            value: 'spread',
            label: 'Share them out between link workers',
            hint: 'Each case goes to whoever has fewest open cases at the time, oldest case first.',
            conditional: (
              <Checkboxes
                {...checkboxes(state, 'spreadWorkerIds', { fallback: workers.map((w) => w.id) })}
                legend="Between"
                legendSize="s"
                small
                items={workers.map((w) => ({ value: w.id, label: w.name, hint: open(w.openCases) }))}
              />
            ),
          },
          {
            value: 'one',
            label: 'Give them all to one link worker',
            conditional: (
              <Select
                {...field(state, 'toWorkerId')}
                label="Link worker"
                placeholder="Choose a link worker"
                error={errorsOf(state, 'toWorkerId')}
                defaultValue={valueOf(state, 'toWorkerId')}
                options={workers.map((w) => ({ value: w.id, label: `${w.name} (${open(w.openCases)})` }))}
              />
            ),
          },
        ]}
      />
      <Textarea
        {...field(state, 'reason')}
        label="Why are the cases moving?"
        hint="For example, they are leaving, or off sick until a date. Each case’s timeline shows this."
        rows={3}
      />
      <Checkboxes
        {...checkboxes(state, 'confirm')}
        legend="Confirm"
        legendSize="s"
        items={[{ value: 'yes', label: `Yes, move all ${cases} now` }]}
      />
      <ButtonGroup>
        <Button disabled={pending}>Move {cases}</Button>
        <a href={cancelHref}>Cancel</a>
      </ButtonGroup>
    </form>
  );
}
