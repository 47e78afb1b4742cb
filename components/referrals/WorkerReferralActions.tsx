'use client';

import { useFormAction } from '@/components/ui/use-form-action';
import { Button, Details, ErrorMessage, Radios, Select, Textarea } from '@/components/ui';
import { errorsOf, initialFormState, valueOf, type FormState } from '@/lib/forms';
import { declineReasonLabel, declineReasons, statusLabel } from '@/lib/referrals/lifecycle';
import type { ReferralStatus } from '@/lib/db/generated/enums';

type Action = (prev: FormState, form: FormData) => Promise<FormState>;

/**
 * The link worker's moves on one referral: withdraw it, send it (again), or record the
 * provider's answer given by phone. Each form carries the version the page showed, so a
 * referral that moved in the meantime is refused with "changed since you opened it".
 */
export function WorkerReferralActions({
  referralId,
  serviceName,
  status,
  version,
  onBehalfChoices,
  action,
}: {
  referralId: string;
  serviceName: string;
  status: ReferralStatus;
  version: number;
  onBehalfChoices: ReferralStatus[];
  action: Action;
}) {
  const [state, formAction, pending] = useFormAction(action, initialFormState);
  const canWithdraw = ['draft', 'sent', 'waitlisted', 'accepted', 'attending'].includes(status);
  const canSend = status === 'draft' || status === 'expired';
  const p = `r-${referralId.slice(0, 8)}`;
  const fieldError = errorsOf(state, 'to') ?? errorsOf(state, 'reason') ?? errorsOf(state, 'note');
  return (
    <div className="mt-4">
      {state.formError ? <ErrorMessage id={`${p}-message`}>{state.formError}</ErrorMessage> : null}
      <div className="flex flex-wrap gap-4">
        {canSend ? (
          <form action={formAction}>
            <input type="hidden" name="move" value="send" />
            <input type="hidden" name="expectedVersion" value={version} />
            <Button disabled={pending}>
              {status === 'draft' ? 'Send referral' : 'Send again'}
              <span className="visually-hidden"> to {serviceName}</span>
            </Button>
          </form>
        ) : null}
        {canWithdraw ? (
          <form action={formAction}>
            <input type="hidden" name="move" value="withdraw" />
            <input type="hidden" name="expectedVersion" value={version} />
            <Button variant="warning" disabled={pending}>
              Withdraw referral<span className="visually-hidden"> to {serviceName}</span>
            </Button>
          </form>
        ) : null}
      </div>
      {onBehalfChoices.length ? (
        <Details summary={`Record an answer the provider gave by phone or in person`} open={Boolean(fieldError)}>
          <form action={formAction} noValidate>
            <input type="hidden" name="move" value="on_behalf" />
            <input type="hidden" name="expectedVersion" value={version} />
            <Radios
              name="to"
              idPrefix={`${p}-to`}
              legend={`What did ${serviceName} say?`}
              legendSize="s"
              small
              error={errorsOf(state, 'to')}
              defaultValue={valueOf(state, 'to') || null}
              items={onBehalfChoices.map((s) => ({ value: s, label: statusLabel[s] }))}
            />
            {onBehalfChoices.includes('declined') ? (
              <Select
                id={`${p}-reason`}
                name="reason"
                label="If they declined, why?"
                placeholder="Choose a reason"
                error={errorsOf(state, 'reason')}
                defaultValue={valueOf(state, 'reason')}
                options={declineReasons.map((r) => ({ value: r, label: declineReasonLabel[r] }))}
              />
            ) : null}
            <Textarea
              id={`${p}-note`}
              name="note"
              label="Notes (optional)"
              hint="For example, who you spoke to."
              rows={2}
              error={errorsOf(state, 'note')}
              defaultValue={valueOf(state, 'note')}
            />
            <Button variant="secondary" disabled={pending}>
              Record answer<span className="visually-hidden"> from {serviceName}</span>
            </Button>
          </form>
        </Details>
      ) : null}
    </div>
  );
}
