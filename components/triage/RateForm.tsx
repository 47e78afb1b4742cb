'use client';

import { useFormAction } from '@/components/ui/use-form-action';
import { Button, ErrorSummary, Radios, Textarea } from '@/components/ui';
import { field, initialFormState, radios, type FormState } from '@/lib/forms';

type Props = {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  caseId: string;
  version: number;
  rag: 'red' | 'amber' | 'green' | null;
  ragReason: string | null;
  targets: { red: number; amber: number; green: number };
};

export function RateForm({ action, caseId, version, rag, ragReason, targets }: Props) {
  const [state, formAction, pending] = useFormAction(action, initialFormState);
  return (
    <form action={formAction} noValidate>
      <ErrorSummary state={state} order={['rag', 'ragReason']} ids={{ caseId: 'rag', version: 'rag' }} />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="version" value={version} />
      <Radios
        {...radios(state, 'rag', { fallback: rag ?? undefined })}
        legend="Rating"
        legendSize="s"
        items={[
          {
            value: 'red',
            label: 'Red: urgent',
            hint: `No food, heat or money today, about to lose housing, or recently bereaved and alone. First contact within ${targets.red} working days, and a crisis conversation first.`,
          },
          {
            value: 'amber',
            label: 'Amber: soon',
            hint: `Several of those worries, or isolated with health getting worse. First contact within ${targets.amber} working days.`,
          },
          { value: 'green', label: 'Green: everything else', hint: `First contact within ${targets.green} working days.` },
        ]}
      />
      <Textarea
        {...field(state, 'ragReason', { fallback: ragReason ?? '' })}
        label="Reason for the rating"
        hint="A sentence is enough. Other staff will see it."
        rows={3}
      />
      <Button variant="secondary" disabled={pending}>
        Save rating
      </Button>
    </form>
  );
}
