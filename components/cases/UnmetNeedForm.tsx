'use client';

import { useActionState } from 'react';
import { Button, ButtonGroup, Radios, Select, Textarea } from '@/components/ui';
import { Link, type Route } from '@/components/ui/Link';
import { initialFormState, type FormState } from '@/lib/cases/form';
import { unmetNeedReasonLabels, unmetNeedReasons } from '@/lib/cases/labels';
import { FormProblems, valueOf } from './FormProblems';

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
  cancelHref: Route;
}) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const e = state.errors;
  return (
    <form action={formAction} noValidate>
      <FormProblems state={state} order={order} />
      {referralId ? <input type="hidden" name="referralId" value={referralId} /> : null}
      <Select
        id="termId"
        label="Which need could not be met?"
        labelSize="m"
        placeholder="Choose a need"
        error={e.termId}
        defaultValue={valueOf(state, 'termId', defaults.termId ?? '')}
        options={themes.map((t) => ({ value: t.id, label: t.name }))}
      />
      <Radios
        name="reason"
        legend="Why could it not be met?"
        legendSize="m"
        small
        error={e.reason}
        defaultValue={valueOf(state, 'reason', defaults.reason ?? '') || null}
        items={unmetNeedReasons.map((r) => ({ value: r, label: unmetNeedReasonLabels[r] }))}
      />
      <Textarea
        id="note"
        label="Notes (optional)"
        hint="What the person was looking for. Commissioners see only the need, the reason and the area, never this note."
        error={e.note}
        defaultValue={valueOf(state, 'note', defaults.note ?? '')}
        rows={3}
        maxLength={1000}
      />
      <ButtonGroup>
        <Button disabled={pending}>Record unmet need</Button>
        <Link href={cancelHref}>Cancel</Link>
      </ButtonGroup>
    </form>
  );
}
