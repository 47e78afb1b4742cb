'use client';

import { useFormAction } from '@/components/ui/use-form-action';
import { Button, Details, ErrorMessage } from '@/components/ui';
import { errorsOf, initialFormState, type FormState } from '@/lib/forms';
import { contactAttemptLabels, contactAttemptOutcomes } from '@/lib/cases/labels';

/**
 * "Tried to contact them": two taps, one to open and one for what happened. Each button posts its
 * outcome; the key drawn with the page makes a second post of the same form record nothing more.
 */
export function ContactAttemptForm({
  action,
  submissionKey,
  open = false,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  submissionKey: string;
  open?: boolean;
}) {
  const [state, formAction, pending] = useFormAction(action, initialFormState);
  const problem = state.formError ?? errorsOf(state, 'outcome')?.[0] ?? errorsOf(state, 'submissionKey')?.[0];
  return (
    <Details summary="Tried to contact them and could not?" open={open || Boolean(problem)}>
      <form action={formAction}>
        <input type="hidden" name="submissionKey" value={submissionKey} />
        <p id="contact-attempt-hint" className="mb-4">
          Record what happened. Once a conversation is recorded, the count starts again.
        </p>
        {problem ? <ErrorMessage id="contact-attempt-error">{problem}</ErrorMessage> : null}
        <div className="flex flex-wrap gap-x-4">
          {contactAttemptOutcomes.map((outcome) => (
            <Button
              key={outcome}
              name="outcome"
              value={outcome}
              variant="secondary"
              disabled={pending}
              aria-describedby="contact-attempt-hint"
            >
              {contactAttemptLabels[outcome]}
            </Button>
          ))}
        </div>
      </form>
    </Details>
  );
}
