'use client';

import { useActionState } from 'react';
import { Button, ButtonGroup, Radios, Textarea, TextInput } from '@/components/ui';
import { Link, type Route } from '@/components/ui/Link';
import { initialFormState, type FormState } from '@/lib/cases/form';
import { contactMethodLabels, contactMethods } from '@/lib/cases/labels';
import { FormProblems, valueOf } from './FormProblems';

const order = ['name', 'phone', 'email', 'preferredContact', 'contactNotes', 'postcode'];

export type PersonDetails = { version: number; name: string; phone: string; email: string; preferredContact: string; contactNotes: string; postcode: string };

/**
 * Carries the version of the details it was opened with. If someone else saved first, the form
 * says so, keeps what was typed and the page shows the details as they are now.
 */
export function PersonDetailsForm({ action, person, cancelHref }: { action: (prev: FormState, form: FormData) => Promise<FormState>; person: PersonDetails; cancelHref: Route }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const e = state.errors;
  const v = (name: keyof PersonDetails) => valueOf(state, name, String(person[name] ?? ''));
  return (
    <form action={formAction} noValidate>
      <FormProblems state={state} order={order} />
      <input type="hidden" name="expectedVersion" value={person.version} />
      <TextInput id="name" label="Full name" error={e.name} defaultValue={v('name')} autoComplete="off" spellCheck={false} />
      <TextInput id="phone" label="Phone number (optional)" type="tel" error={e.phone} defaultValue={v('phone')} width="20" autoComplete="off" />
      <TextInput id="email" label="Email address (optional)" type="email" error={e.email} defaultValue={v('email')} autoComplete="off" spellCheck={false} />
      <Radios
        name="preferredContact"
        legend="How would they like to be contacted?"
        legendSize="s"
        small
        error={e.preferredContact}
        defaultValue={v('preferredContact')}
        items={contactMethods.map((m) => ({ value: m, label: contactMethodLabels[m] }))}
      />
      <Textarea id="contactNotes" label="When and how to contact them (optional)" hint="For example, “Mornings only, let the phone ring for a long time”." error={e.contactNotes} defaultValue={v('contactNotes')} rows={2} maxLength={500} />
      <TextInput id="postcode" label="Postcode (optional)" hint="Used to find their area for the reports." error={e.postcode} defaultValue={v('postcode')} width="10" autoComplete="off" />
      <ButtonGroup>
        <Button disabled={pending}>Save details</Button>
        <Link href={cancelHref}>Cancel</Link>
      </ButtonGroup>
    </form>
  );
}
