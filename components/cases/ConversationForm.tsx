'use client';

import { useActionState } from 'react';
import { Button, ButtonGroup, Checkboxes, Radios, Textarea, TextInput } from '@/components/ui';
import { Link, type Route } from '@/components/ui/Link';
import { initialFormState, type FormState } from '@/lib/cases/form';
import { conversationTypeHints, conversationTypeLabels, conversationTypes } from '@/lib/cases/labels';
import { FormProblems, valueOf, valuesOf } from './FormProblems';
import { Ons4Fields } from './Ons4Fields';

export type ConversationDefaults = Partial<Record<'occurredOn' | 'type' | 'whatMatters' | 'strengths' | 'goals' | 'actions' | 'nextFollowUpOn' | 'lifeSatisfaction' | 'worthwhile' | 'happiness' | 'anxiety', string>> & {
  needs?: string[];
};

type Props = {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  needs: ReadonlyArray<{ id: string; name: string }>;
  defaults: ConversationDefaults;
  /** The conversation being corrected, if this is a correction. */
  supersedesId?: string;
  cancelHref: Route;
};

const order = ['occurredOn', 'type', 'whatMatters', 'strengths', 'needs', 'goals', 'actions', 'lifeSatisfaction', 'worthwhile', 'happiness', 'anxiety', 'nextFollowUpOn', 'correctionNote'];

/** Works without JavaScript: the form posts to the server action and comes back with errors. */
export function ConversationForm({ action, needs, defaults, supersedesId, cancelHref }: Props) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const e = state.errors;
  const v = (name: keyof ConversationDefaults & string) => valueOf(state, name, (defaults[name] as string | undefined) ?? '');
  return (
    <form action={formAction} noValidate>
      <FormProblems state={state} order={order} />
      {supersedesId ? (
        <>
          <input type="hidden" name="supersedesId" value={supersedesId} />
          <Textarea
            id="correctionNote"
            label="What does this correction change?"
            hint="The conversation as first recorded is kept and shown as corrected."
            error={e.correctionNote}
            defaultValue={valueOf(state, 'correctionNote')}
            rows={2}
            maxLength={1000}
          />
        </>
      ) : null}
      <TextInput id="occurredOn" type="date" label="Date of the conversation" error={e.occurredOn} defaultValue={v('occurredOn')} width="10" />
      <Radios
        name="type"
        legend="Type of conversation"
        legendSize="s"
        error={e.type}
        defaultValue={v('type') || null}
        items={conversationTypes.map((t) => ({ value: t, label: conversationTypeLabels[t], hint: conversationTypeHints[t] }))}
      />
      <Textarea id="whatMatters" label="What matters to the person" hint="In their own words where you can." error={e.whatMatters} defaultValue={v('whatMatters')} rows={4} maxLength={5000} />
      <Textarea id="strengths" label="Strengths" hint="What they are good at, who and what they have around them." error={e.strengths} defaultValue={v('strengths')} rows={3} maxLength={5000} />
      <Checkboxes
        name="needs"
        legend="Needs"
        legendSize="s"
        hint="Select all that apply."
        small
        error={e.needs}
        defaultValues={valuesOf(state, 'needs', defaults.needs ?? [])}
        items={needs.map((n) => ({ value: n.id, label: n.name }))}
      />
      <Textarea id="goals" label="Goals" error={e.goals} defaultValue={v('goals')} rows={3} maxLength={5000} />
      <Textarea id="actions" label="Agreed actions" hint="Who will do what, and by when." error={e.actions} defaultValue={v('actions')} rows={3} maxLength={5000} />
      <Ons4Fields legend="Wellbeing scores (ONS4)" values={(name) => v(name as keyof ConversationDefaults & string)} errors={e} />
      <TextInput
        id="nextFollowUpOn"
        type="date"
        label="Next follow-up (optional)"
        hint="It will show on your caseload on that day."
        error={e.nextFollowUpOn}
        defaultValue={v('nextFollowUpOn')}
        width="10"
      />
      <ButtonGroup>
        <Button disabled={pending}>{supersedesId ? 'Save correction' : 'Save conversation'}</Button>
        <Link href={cancelHref}>
          Cancel
        </Link>
      </ButtonGroup>
    </form>
  );
}
