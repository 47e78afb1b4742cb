'use client';

import { useFormAction } from '@/components/ui/use-form-action';
import { Button, ButtonGroup, Checkboxes, ErrorSummary, Radios, Textarea, TextInput } from '@/components/ui';
import { checkboxes, field, initialFormState, radios, type FormState } from '@/lib/forms';
import { caseOutcomes, conversationTypeLabels, conversationTypes, outcomeLabels } from '@/lib/cases/labels';
import { Ons4Fields } from './Ons4Fields';

const order = [
  'outcome',
  'outcomeNote',
  'closedOn',
  'type',
  'whatMatters',
  'lifeSatisfaction',
  'worthwhile',
  'happiness',
  'anxiety',
  'confirm',
];

export function CloseCaseForm({
  action,
  version,
  today,
  cancelHref,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  version: number;
  today: string;
  cancelHref: string;
}) {
  const [state, formAction, pending] = useFormAction(action, initialFormState);
  return (
    <form action={formAction} noValidate>
      <ErrorSummary state={state} order={order} formErrorField="outcome" />
      <input type="hidden" name="expectedVersion" value={version} />
      <Radios
        {...radios(state, 'outcome')}
        legend="Outcome"
        legendSize="m"
        items={caseOutcomes.map((o) => ({
          value: o,
          label: outcomeLabels[o],
          hint:
            o === 'could_not_contact'
              ? 'No closing conversation or scores are recorded. We will write to the person and to whoever referred them, where we can.'
              : undefined,
        }))}
      />
      <Textarea
        {...field(state, 'outcomeNote')}
        label="Notes about the outcome (optional)"
        hint="Needed if you chose “Other”."
        rows={3}
      />
      <TextInput {...field(state, 'closedOn', { fallback: today })} type="date" label="Date the case closed" width="10" />
      <h2 className="heading-m">Closing conversation</h2>
      <p>Ask the wellbeing questions again, so the change since the first conversation can be seen.</p>
      <Radios
        {...radios(state, 'type', { fallback: 'good_life' })}
        legend="Type of conversation"
        legendSize="s"
        small
        items={conversationTypes.map((t) => ({ value: t, label: conversationTypeLabels[t] }))}
      />
      <Textarea {...field(state, 'whatMatters')} label="What matters to the person now (optional)" rows={3} />
      <Ons4Fields legend="Closing wellbeing scores (ONS4)" state={state} />
      <Checkboxes
        {...checkboxes(state, 'confirm')}
        legend="Confirm"
        legendSize="m"
        hint="Once closed, the case leaves the caseload. It can be reopened if the person comes back."
        items={[{ value: 'yes', label: 'Yes, close this case' }]}
      />
      <ButtonGroup>
        <Button disabled={pending}>Close case</Button>
        <a href={cancelHref}>Cancel</a>
      </ButtonGroup>
    </form>
  );
}
