'use client';

import { useFormAction } from '@/components/ui/use-form-action';
import { Button, ButtonGroup, ErrorSummary, Radios, Select, Textarea } from '@/components/ui';
import { unmetNeedReasonLabels, unmetNeedReasons } from '@/lib/cases/labels';
import { field, initialFormState, radios, type FormState } from '@/lib/forms';

const order = ['termId', 'reason', 'note'];

export function UnmetNeedForm({
  action,
  themes,
  defaults,
  referralId,
  cancelHref,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  themes: ReadonlyArray<{ id: string; name: string }>;
  defaults: { termId?: string; reason?: string; note?: string };
  referralId?: string;
  cancelHref: string;
}) {
  const [state, formAction, pending] = useFormAction(action, initialFormState);
  return (
    <form action={formAction} noValidate>
      <ErrorSummary state={state} order={order} />
      {referralId ? <input type="hidden" name="referralId" value={referralId} /> : null}
      <Select
        {...field(state, 'termId', { fallback: defaults.termId })}
        label="Which need could not be met?"
        labelSize="m"
        placeholder="Choose a need"
        options={themes.map((t) => ({ value: t.id, label: t.name }))}
      />
      <Radios
        {...radios(state, 'reason', { fallback: defaults.reason })}
        legend="Why could it not be met?"
        legendSize="m"
        small
        items={unmetNeedReasons.map((r) => ({ value: r, label: unmetNeedReasonLabels[r] }))}
      />
      <Textarea
        {...field(state, 'note', { fallback: defaults.note })}
        label="Notes (optional)"
        hint="What the person was looking for. Commissioners see only the need, the reason and the area, never this note."
        rows={3}
      />
      <ButtonGroup>
        <Button disabled={pending}>Record unmet need</Button>
        <a href={cancelHref}>Cancel</a>
      </ButtonGroup>
    </form>
  );
}
