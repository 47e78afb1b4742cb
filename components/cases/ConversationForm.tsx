'use client';

import { useFormAction } from '@/components/ui/use-form-action';
import { Button, ButtonGroup, Checkboxes, ErrorSummary, Radios, Textarea, TextInput } from '@/components/ui';
import { conversationTypeHints, conversationTypeLabels, conversationTypes } from '@/lib/cases/labels';
import { checkboxes, field, initialFormState, radios, type FormState } from '@/lib/forms';
import { Ons4Fields } from './Ons4Fields';

export type ConversationDefaults = Partial<
  Record<
    | 'occurredOn'
    | 'type'
    | 'whatMatters'
    | 'strengths'
    | 'goals'
    | 'actions'
    | 'nextFollowUpOn'
    | 'lifeSatisfaction'
    | 'worthwhile'
    | 'happiness'
    | 'anxiety',
    string
  >
> & {
  needs?: string[];
};

type Props = {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  needs: ReadonlyArray<{ id: string; name: string }>;
  defaults: ConversationDefaults;
  /** The conversation being corrected, if this is a correction. */
  supersedesId?: string;
  cancelHref: string;
};

const order = [
  'occurredOn',
  'type',
  'whatMatters',
  'strengths',
  'needs',
  'goals',
  'actions',
  'lifeSatisfaction',
  'worthwhile',
  'happiness',
  'anxiety',
  'nextFollowUpOn',
  'correctionNote',
];

/** Works without JavaScript: the form posts to the server action and comes back with errors. */
export function ConversationForm({ action, needs, defaults, supersedesId, cancelHref }: Props) {
  const [state, formAction, pending] = useFormAction(action, initialFormState);
  const f = (name: Exclude<keyof ConversationDefaults, 'needs'>) => field(state, name, { fallback: defaults[name] });
  return (
    <form action={formAction} noValidate>
      <ErrorSummary state={state} order={order} />
      {supersedesId ? (
        <>
          <input type="hidden" name="supersedesId" value={supersedesId} />
          <Textarea
            {...field(state, 'correctionNote')}
            label="What does this correction change?"
            hint="The conversation as first recorded is kept and shown as corrected."
            rows={2}
          />
        </>
      ) : null}
      <TextInput {...f('occurredOn')} type="date" label="Date of the conversation" width="10" />
      <Radios
        {...radios(state, 'type', { fallback: defaults.type })}
        legend="Type of conversation"
        legendSize="s"
        items={conversationTypes.map((t) => ({ value: t, label: conversationTypeLabels[t], hint: conversationTypeHints[t] }))}
      />
      <Textarea {...f('whatMatters')} label="What matters to the person" hint="In their own words where you can." rows={4} />
      <Textarea
        {...f('strengths')}
        label="Strengths"
        hint="What they are good at, who and what they have around them."
        rows={3}
      />
      <Checkboxes
        {...checkboxes(state, 'needs', { fallback: defaults.needs })}
        legend="Needs"
        legendSize="s"
        hint="Select all that apply."
        small
        items={needs.map((n) => ({ value: n.id, label: n.name }))}
      />
      <Textarea {...f('goals')} label="Goals" rows={3} />
      <Textarea {...f('actions')} label="Agreed actions" hint="Who will do what, and by when." rows={3} />
      <Ons4Fields legend="Wellbeing scores (ONS4)" state={state} defaults={defaults} />
      <TextInput
        {...f('nextFollowUpOn')}
        type="date"
        label="Next follow-up (optional)"
        hint="It will show on your caseload on that day."
        width="10"
      />
      <ButtonGroup>
        <Button disabled={pending}>{supersedesId ? 'Save correction' : 'Save conversation'}</Button>
        <a href={cancelHref}>Cancel</a>
      </ButtonGroup>
    </form>
  );
}
