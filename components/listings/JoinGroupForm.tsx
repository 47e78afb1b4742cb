'use client';

import { useActionState } from 'react';
import { Button, Checkboxes, ErrorSummary, Textarea, TextInput, summaryFromFieldErrors } from '@/components/ui';
import type { JoinFormState } from '@/lib/organisations/form-state';

const ORDER = ['form', 'organisationName', 'description', 'charityNumber', 'companyNumber', 'website', 'organisationPhone', 'contactName', 'email', 'password', 'confirm'];

export function JoinGroupForm({ action, minPassword }: { action: (prev: JoinFormState, form: FormData) => Promise<JoinFormState>; minPassword: number }) {
  const [state, formAction, pending] = useActionState(action, { values: {}, errors: {} });
  const v = state.values;
  const e = state.errors;
  return (
    <form action={formAction} noValidate>
      <ErrorSummary errors={summaryFromFieldErrors(e, ORDER, { form: 'organisationName' })} />
      <h2 className="heading-m">Your group</h2>
      <TextInput id="organisationName" label="Name of your group" error={e.organisationName} defaultValue={v.organisationName} autoComplete="organization" />
      <Textarea id="description" label="What your group does (optional)" hint="A sentence or two. You add each activity separately afterwards." error={e.description} defaultValue={v.description} rows={3} maxLength={1000} />
      <TextInput id="charityNumber" label="Charity number (optional)" error={e.charityNumber} defaultValue={v.charityNumber} width="10" inputMode="numeric" />
      <TextInput id="companyNumber" label="Company number (optional)" error={e.companyNumber} defaultValue={v.companyNumber} width="10" />
      <TextInput id="website" label="Website (optional)" hint="For example www.example.org" error={e.website} defaultValue={v.website} spellCheck={false} width="two-thirds" />
      <TextInput id="organisationPhone" label="Group phone number (optional)" type="tel" error={e.organisationPhone} defaultValue={v.organisationPhone} width="20" />

      <h2 className="heading-m">You</h2>
      <p>You will be the first person who can update the group’s listings. You can add others later.</p>
      <TextInput id="contactName" label="Full name" error={e.contactName} defaultValue={v.contactName} autoComplete="name" spellCheck={false} />
      <TextInput id="email" label="Email address" hint="We will send you a link to confirm it" type="email" error={e.email} defaultValue={v.email} autoComplete="email" spellCheck={false} />
      <TextInput id="password" label="Create a password" hint={`At least ${minPassword} characters. A few unrelated words are easy to remember and hard to guess.`} type="password" error={e.password} autoComplete="new-password" width="two-thirds" />
      <Checkboxes
        name="confirm"
        legend="Confirm"
        legendSize="s"
        error={e.confirm}
        defaultValues={v.confirm === 'yes' ? ['yes'] : []}
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
