'use client';

import { useFormAction } from '@/components/ui/use-form-action';
import { Button, Checkboxes, Details, ErrorMessage, Radios, Select, Textarea } from '@/components/ui';
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
  // Which form the refusal belongs to: the one whose move was posted.
  const posted = typeof state.values.move === 'string' ? state.values.move : '';
  const withdrawError = posted === 'withdraw' && Boolean(errorsOf(state, 'reason') ?? errorsOf(state, 'confirm'));
  const fieldError =
    posted === 'on_behalf' && Boolean(errorsOf(state, 'to') ?? errorsOf(state, 'reason') ?? errorsOf(state, 'note'));
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
      </div>
      {canWithdraw ? (
        <Details summary="Withdraw this referral" open={withdrawError}>
          <form action={formAction} noValidate>
            <input type="hidden" name="move" value="withdraw" />
            <input type="hidden" name="expectedVersion" value={version} />
            <p>{serviceName} will stop seeing the person’s details, and the referral cannot be sent again.</p>
            <Textarea
              id={`${p}-withdraw-reason`}
              name="reason"
              label="Why is it being withdrawn?"
              hint="For example, the person changed their mind. The provider does not see this."
              rows={2}
              error={posted === 'withdraw' ? errorsOf(state, 'reason') : undefined}
              defaultValue={posted === 'withdraw' ? valueOf(state, 'reason') : ''}
            />
            <Checkboxes
              name="confirm"
              idPrefix={`${p}-confirm`}
              legend="Confirm"
              legendSize="s"
              small
              error={errorsOf(state, 'confirm')}
              items={[{ value: 'yes', label: `Yes, withdraw the referral to ${serviceName}` }]}
            />
            <Button variant="warning" disabled={pending}>
              Withdraw referral<span className="visually-hidden"> to {serviceName}</span>
            </Button>
          </form>
        </Details>
      ) : null}
      {onBehalfChoices.length ? (
        <Details summary={`Record an answer the provider gave by phone or in person`} open={fieldError}>
          <form action={formAction} noValidate>
            <input type="hidden" name="move" value="on_behalf" />
            <input type="hidden" name="expectedVersion" value={version} />
            <Radios
              name="to"
              idPrefix={`${p}-to`}
              legend={`What did ${serviceName} say?`}
              legendSize="s"
              small
              error={posted === 'on_behalf' ? errorsOf(state, 'to') : undefined}
              defaultValue={valueOf(state, 'to') || null}
              items={onBehalfChoices.map((s) => ({ value: s, label: statusLabel[s] }))}
            />
            {onBehalfChoices.includes('declined') ? (
              <Select
                id={`${p}-reason`}
                name="reason"
                label="If they declined, why?"
                placeholder="Choose a reason"
                error={posted === 'on_behalf' ? errorsOf(state, 'reason') : undefined}
                defaultValue={posted === 'on_behalf' ? valueOf(state, 'reason') : ''}
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
