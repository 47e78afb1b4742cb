'use client';

import { useFormAction } from '@/components/ui/use-form-action';
import { Button, ErrorSummary, Radios, Textarea } from '@/components/ui';
import { field, initialFormState, radios, type FormState } from '@/lib/forms';
import type { ReferralStatus } from '@/lib/db/generated/enums';
import { declineReasonLabel, declineReasons } from '@/lib/referrals/lifecycle';

const answerLabels: Partial<Record<ReferralStatus, string>> = {
  accepted: 'Accept: they can start',
  waitlisted: 'Accept onto our waiting list',
  declined: 'We cannot take them',
  attending: 'They have started attending',
  did_not_attend: 'They did not come',
  completed: 'They have finished the activity',
};

/**
 * The provider's answer. It carries the version of the referral the page showed: if the link
 * worker withdrew it (or someone else answered) meanwhile, the answer is refused and says so.
 */
export function ProviderAnswerForm({
  action,
  version,
  choices,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  version: number;
  choices: ReferralStatus[];
}) {
  const [state, formAction, pending] = useFormAction(action, initialFormState);
  const reasons = (
    <Radios
      {...radios(state, 'reason')}
      legend="If you cannot take them, why?"
      legendSize="s"
      small
      items={declineReasons.map((r) => ({ value: r, label: declineReasonLabel[r] }))}
    />
  );
  return (
    <form action={formAction} noValidate>
      <ErrorSummary state={state} order={['to', 'reason', 'note']} />
      <input type="hidden" name="expectedVersion" value={version} />
      <Radios
        {...radios(state, 'to')}
        legend="Your answer"
        legendSize="m"
        items={choices.map((s) => ({ value: s, label: answerLabels[s] ?? s }))}
      />
      {choices.includes('declined') ? reasons : null}
      <Textarea
        {...field(state, 'note')}
        label="Anything the link worker should know? (optional)"
        hint="For example, when the person can start or who they should ask for."
        rows={3}
      />
      <Button disabled={pending}>Send answer</Button>
    </form>
  );
}
