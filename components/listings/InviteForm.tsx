'use client';

import { useFormAction } from '@/components/ui/use-form-action';
import { Button, ErrorSummary, NotificationBanner, TextInput } from '@/components/ui';
import { field, initialFormState, type FormState } from '@/lib/forms';

export function InviteForm({
  action,
  groupName,
  idPrefix = '',
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  groupName: string;
  /** Prefixes the controls' ids, so the form can share a page with others. */
  idPrefix?: string;
}) {
  const [state, formAction, pending] = useFormAction(action, initialFormState);
  return (
    <form action={formAction} noValidate>
      {state.done ? <NotificationBanner type="success" heading={state.done} titleId={`${idPrefix}done`} /> : null}
      <ErrorSummary state={state} order={['name', 'email']} idPrefix={idPrefix} />
      <TextInput
        {...field(state, 'name', { idPrefix })}
        label="Their full name"
        autoComplete="off"
        spellCheck={false}
        width="two-thirds"
      />
      <TextInput
        {...field(state, 'email', { idPrefix })}
        label="Their email address"
        type="email"
        autoComplete="off"
        spellCheck={false}
        width="two-thirds"
      />
      <Button variant="secondary" aria-disabled={pending || undefined}>
        Add to {groupName}
      </Button>
    </form>
  );
}
