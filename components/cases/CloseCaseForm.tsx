'use client';

import { useActionState } from 'react';
import { Button, ButtonGroup, Radios, Textarea, TextInput } from '@/components/ui';
import { Link, type Route } from '@/components/ui/Link';
import { initialFormState, type FormState } from '@/lib/cases/form';
import { caseOutcomes, conversationTypeLabels, conversationTypes, outcomeLabels } from '@/lib/cases/labels';
import { FormProblems, valueOf } from './FormProblems';
import { Ons4Fields } from './Ons4Fields';

const order = ['outcome', 'outcomeNote', 'closedOn', 'type', 'whatMatters', 'lifeSatisfaction', 'worthwhile', 'happiness', 'anxiety'];

export function CloseCaseForm({
  action,
  version,
  today,
  cancelHref,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  version: number;
  today: string;
  cancelHref: Route;
}) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const e = state.errors;
  return (
    <form action={formAction} noValidate>
      <FormProblems state={state} order={order} messageTarget="outcome" />
      <input type="hidden" name="expectedVersion" value={version} />
      <Radios
        name="outcome"
        legend="Outcome"
        legendSize="m"
        error={e.outcome}
        defaultValue={valueOf(state, 'outcome') || null}
        items={caseOutcomes.map((o) => ({
          value: o,
          label: outcomeLabels[o],
          hint: o === 'could_not_contact' ? 'No closing conversation or scores are recorded.' : undefined,
        }))}
      />
      <Textarea id="outcomeNote" label="Notes about the outcome (optional)" hint="Needed if you chose “Other”." error={e.outcomeNote} defaultValue={valueOf(state, 'outcomeNote')} rows={3} maxLength={2000} />
      <TextInput id="closedOn" type="date" label="Date the case closed" error={e.closedOn} defaultValue={valueOf(state, 'closedOn', today)} width="10" />
      <h2 className="heading-m">Closing conversation</h2>
      <p>Ask the wellbeing questions again, so the change since the first conversation can be seen.</p>
      <Radios
        name="type"
        legend="Type of conversation"
        legendSize="s"
        small
        error={e.type}
        defaultValue={valueOf(state, 'type', 'good_life')}
        items={conversationTypes.map((t) => ({ value: t, label: conversationTypeLabels[t] }))}
      />
      <Textarea id="whatMatters" label="What matters to the person now (optional)" error={e.whatMatters} defaultValue={valueOf(state, 'whatMatters')} rows={3} maxLength={5000} />
      <Ons4Fields legend="Closing wellbeing scores (ONS4)" values={(name) => valueOf(state, name)} errors={e} />
      <ButtonGroup>
        <Button disabled={pending}>Close case</Button>
        <Link href={cancelHref}>Cancel</Link>
      </ButtonGroup>
    </form>
  );
}
