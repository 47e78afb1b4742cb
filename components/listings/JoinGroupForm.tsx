'use client';

import { useActionState } from 'react';
import { Button, Checkboxes, ErrorSummary, Textarea, TextInput } from '@/components/ui';
import { checkboxes, field, initialFormState, type FormState } from '@/lib/forms';

const ORDER = [
  'organisationName',
  'description',
  'charityNumber',
  'companyNumber',
  'website',
  'organisationPhone',
  'contactName',
  'email',
  'password',
  'confirm',
];

export function JoinGroupForm({
  action,
  minPassword,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  minPassword: number;
}) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const f = (name: string) => field(state, name);
  return (
    <form action={formAction} noValidate>
      <ErrorSummary state={state} order={ORDER} />
      <h2 className="heading-m">Your group</h2>
      <TextInput {...f('organisationName')} label="Name of your group" autoComplete="organization" />
      <Textarea
        {...f('description')}
        label="What your group does (optional)"
        hint="A sentence or two. You add each activity separately afterwards."
        rows={3}
      />
      <TextInput {...f('charityNumber')} label="Charity number (optional)" width="10" inputMode="numeric" />
      <TextInput {...f('companyNumber')} label="Company number (optional)" width="10" />
      <TextInput
        {...f('website')}
        label="Website (optional)"
        hint="For example www.example.org"
        spellCheck={false}
        width="two-thirds"
      />
      <TextInput {...f('organisationPhone')} label="Group phone number (optional)" type="tel" width="20" />

      <h2 className="heading-m">You</h2>
      <p>You will be the first person who can update the group’s listings. You can add others later.</p>
      <TextInput {...f('contactName')} label="Full name" autoComplete="name" spellCheck={false} />
      <TextInput
        {...f('email')}
        label="Email address"
        hint="We will send you a link to confirm it"
        type="email"
        autoComplete="email"
        spellCheck={false}
      />
      <TextInput
        {...f('password')}
        label="Create a password"
        hint={`At least ${minPassword} characters. A few unrelated words are easy to remember and hard to guess.`}
        type="password"
        autoComplete="new-password"
        width="two-thirds"
      />
      <Checkboxes
        {...checkboxes(state, 'confirm')}
        legend="Confirm"
        legendSize="s"
        items={[{ value: 'yes', label: 'I am part of this group and it has agreed I can list it' }]}
      />
      {/* People never see this field; automated sign-ups fill it in. */}
      <div aria-hidden="true" className="absolute left-[-10000px] top-auto h-px w-px overflow-hidden">
        <label htmlFor="nickname">Leave this empty</label>
        <input id="nickname" name="nickname" type="text" tabIndex={-1} autoComplete="off" />
      </div>
      <Button aria-disabled={pending || undefined}>Register the group</Button>
    </form>
  );
}
