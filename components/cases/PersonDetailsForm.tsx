'use client';

import { useFormAction } from '@/components/ui/use-form-action';
import { Button, ButtonGroup, ErrorSummary, Radios, Textarea, TextInput } from '@/components/ui';
import { contactMethodLabels, contactMethods } from '@/lib/cases/labels';
import { field, initialFormState, radios, type FormState } from '@/lib/forms';

const order = ['name', 'phone', 'email', 'preferredContact', 'contactNotes', 'postcode'];

export type PersonDetails = {
  version: number;
  name: string;
  phone: string;
  email: string;
  preferredContact: string;
  contactNotes: string;
  postcode: string;
};

/**
 * Carries the version of the details it was opened with. If someone else saved first, the form
 * says so, keeps what was typed and the page shows the details as they are now.
 */
export function PersonDetailsForm({
  action,
  person,
  cancelHref,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  person: PersonDetails;
  cancelHref: string;
}) {
  const [state, formAction, pending] = useFormAction(action, initialFormState);
  const f = (name: Exclude<keyof PersonDetails, 'version'>) => field(state, name, { fallback: person[name] ?? '' });
  return (
    <form action={formAction} noValidate>
      <ErrorSummary state={state} order={order} />
      <input type="hidden" name="expectedVersion" value={person.version} />
      <TextInput {...f('name')} label="Full name" autoComplete="off" spellCheck={false} />
      <TextInput {...f('phone')} label="Phone number (optional)" type="tel" width="20" autoComplete="off" />
      <TextInput {...f('email')} label="Email address (optional)" type="email" autoComplete="off" spellCheck={false} />
      <Radios
        {...radios(state, 'preferredContact', { fallback: person.preferredContact })}
        legend="How would they like to be contacted?"
        legendSize="s"
        small
        items={contactMethods.map((m) => ({ value: m, label: contactMethodLabels[m] }))}
      />
      <Textarea
        {...f('contactNotes')}
        label="When and how to contact them (optional)"
        hint="For example, “Mornings only, let the phone ring for a long time”."
        rows={2}
      />
      <TextInput
        {...f('postcode')}
        label="Postcode (optional)"
        hint="Used to find their area for the reports."
        width="10"
        autoComplete="off"
      />
      <ButtonGroup>
        <Button disabled={pending}>Save details</Button>
        <a href={cancelHref}>Cancel</a>
      </ButtonGroup>
    </form>
  );
}
