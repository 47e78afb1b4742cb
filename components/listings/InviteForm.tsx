'use client';

import { useActionState } from 'react';
import { Button, ErrorSummary, NotificationBanner, TextInput, summaryFromFieldErrors } from '@/components/ui';
import type { InviteFormState } from '@/lib/organisations/form-state';

export function InviteForm({
  action,
  groupName,
  idPrefix = '',
}: {
  action: (prev: InviteFormState, form: FormData) => Promise<InviteFormState>;
  groupName: string;
  /** Prefixes the controls' ids, so the form can share a page with others. */
  idPrefix?: string;
}) {
  const [state, formAction, pending] = useActionState(action, { values: {}, errors: {} });
  return (
    <form action={formAction} noValidate>
      {state.done ? <NotificationBanner type="success" heading={state.done} titleId={`${idPrefix}done`} /> : null}
      <ErrorSummary errors={summaryFromFieldErrors(state.errors, ['name', 'email'], { name: `${idPrefix}name`, email: `${idPrefix}email` })} />
      <TextInput id={`${idPrefix}name`} name="name" label="Their full name" error={state.errors.name} defaultValue={state.values.name ?? ''} autoComplete="off" spellCheck={false} width="two-thirds" />
      <TextInput id={`${idPrefix}email`} name="email" label="Their email address" type="email" error={state.errors.email} defaultValue={state.values.email ?? ''} autoComplete="off" spellCheck={false} width="two-thirds" />
      <Button variant="secondary" aria-disabled={pending || undefined}>
        Add to {groupName}
      </Button>
    </form>
  );
}
