'use client';

import { useActionState } from 'react';
import { Button, ErrorSummary, Radios, Textarea, TextInput } from '@/components/ui';
import { PROBLEM_KINDS } from '@/lib/directory/vocab';
import type { ReportFormState } from '@/lib/directory/report';

type Props = {
  action: (prev: ReportFormState, form: FormData) => Promise<ReportFormState>;
};

const initial: ReportFormState = { errors: {}, values: {} };

/** Works without JavaScript: the form posts to the server action and the page comes back with errors. */
export function ReportProblemForm({ action }: Props) {
  const [state, formAction, pending] = useActionState(action, initial);
  const e = state.errors;
  const summary = [
    ...(e.form ? [{ href: '#kind', text: e.form }] : []),
    ...(e.kind ? [{ href: '#kind', text: e.kind }] : []),
    ...(e.details ? [{ href: '#details', text: e.details }] : []),
    ...(e.email ? [{ href: '#email', text: e.email }] : []),
  ];
  return (
    <form action={formAction} noValidate>
      <ErrorSummary errors={summary} />
      <Radios
        name="kind"
        idPrefix="kind"
        legend="What is wrong?"
        legendSize="m"
        error={e.kind}
        defaultValue={state.values.kind ?? null}
        items={Object.entries(PROBLEM_KINDS).map(([value, label]) => ({ value, label }))}
      />
      <Textarea
        id="details"
        label="Tell us what is wrong"
        labelSize="m"
        hint="For example, the new day and time, or the right phone number. Do not include anyone’s personal or medical details."
        error={e.details}
        defaultValue={state.values.details ?? ''}
        maxLength={1200}
        rows={5}
      />
      <TextInput
        id="email"
        label="Your email address (optional)"
        hint="Only if you would like a reply. We will not use it for anything else."
        error={e.email}
        defaultValue={state.values.email ?? ''}
        type="email"
        autoComplete="email"
        spellCheck={false}
        width="20"
      />
      {/* People never see this field; automated spam fills it in. */}
      <div aria-hidden="true" className="absolute left-[-10000px] top-auto h-px w-px overflow-hidden">
        <label htmlFor="website">Leave this empty</label>
        <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" />
      </div>
      <Button disabled={pending}>Send report</Button>
    </form>
  );
}
