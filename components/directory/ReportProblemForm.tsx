'use client';

import { useActionState } from 'react';
import { Button, ErrorSummary, Radios, Textarea, TextInput } from '@/components/ui';
import { PROBLEM_KINDS } from '@/lib/directory/vocab';
import { field, initialFormState, radios, type FormState } from '@/lib/forms';

type Props = {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
};

/** Works without JavaScript: the form posts to the server action and the page comes back with errors. */
export function ReportProblemForm({ action }: Props) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} noValidate>
      <ErrorSummary state={state} order={['kind', 'details', 'email']} />
      <Radios
        {...radios(state, 'kind')}
        legend="What is wrong?"
        legendSize="m"
        items={Object.entries(PROBLEM_KINDS).map(([value, label]) => ({ value, label }))}
      />
      <Textarea
        {...field(state, 'details')}
        label="Tell us what is wrong"
        labelSize="m"
        hint="For example, the new day and time, or the right phone number. Do not include anyone’s personal or medical details."
        rows={5}
      />
      <TextInput
        {...field(state, 'email')}
        label="Your email address (optional)"
        hint="Only if you would like a reply. We will not use it for anything else."
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
