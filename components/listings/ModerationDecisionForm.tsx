'use client';

import { useFormAction } from '@/components/ui/use-form-action';
import { type ReactNode } from 'react';
import { Button, ErrorSummary, Textarea } from '@/components/ui';
import { field, initialFormState, type FormState } from '@/lib/forms';

/**
 * A coordinator's decision on one listing change or problem report. The error summary sits at the
 * top of the page, above `children` (what is being decided); the note is kept after an error.
 */
export function ModerationDecisionForm({
  action,
  problemReport,
  pending,
  children,
  decided,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  problemReport: boolean;
  /** Still waiting for a decision: otherwise `decided` is shown instead of the form. */
  pending: boolean;
  children: ReactNode;
  decided: ReactNode;
}) {
  const [state, formAction, busy] = useFormAction(action, initialFormState);
  return (
    <>
      <ErrorSummary state={state} order={['note']} />
      {children}
      {pending ? (
        <form action={formAction} className="max-w-[40em]" noValidate>
          <h2 className="heading-m">Your decision</h2>
          <Textarea
            {...field(state, 'note')}
            label={problemReport ? 'Note (optional)' : 'Message to the group'}
            hint={
              problemReport
                ? 'What was done about it, for the record'
                : 'Needed when you send it back: say what to change. Optional when you approve.'
            }
            rows={4}
          />
          <div className="button-group">
            {problemReport ? (
              <Button name="decision" value="close" disabled={busy}>
                Close the report
              </Button>
            ) : (
              <>
                <Button name="decision" value="approve" disabled={busy}>
                  Approve and publish
                </Button>
                <Button name="decision" value="send_back" variant="secondary" disabled={busy}>
                  Send back to the group
                </Button>
              </>
            )}
          </div>
        </form>
      ) : (
        decided
      )}
    </>
  );
}
