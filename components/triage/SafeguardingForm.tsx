'use client';

import { useFormAction } from '@/components/ui/use-form-action';
import { Button, ErrorSummary, Radios, TextInput, Textarea } from '@/components/ui';
import { field, initialFormState, radios, type FormState } from '@/lib/forms';

type Props = {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  caseId: string;
};

export function SafeguardingForm({ action, caseId }: Props) {
  const [state, formAction, pending] = useFormAction(action, initialFormState);
  return (
    <form action={formAction} noValidate>
      <ErrorSummary state={state} order={['referredTo', 'referredToDetail', 'summary']} ids={{ caseId: 'referredTo' }} />
      <input type="hidden" name="caseId" value={caseId} />
      <Radios
        {...radios(state, 'referredTo')}
        legend="Which safeguarding team did you tell?"
        legendSize="s"
        items={[
          { value: 'adults', label: 'Adults’ safeguarding team' },
          { value: 'children', label: 'Children’s safeguarding team' },
        ]}
      />
      <TextInput
        {...field(state, 'referredToDetail')}
        label="Who you spoke to, or their reference (optional)"
        width="two-thirds"
      />
      <Textarea
        {...field(state, 'summary')}
        label="Summary of the concern"
        hint="What you saw or were told, and what the safeguarding team said they would do."
        rows={4}
      />
      <Button variant="warning" disabled={pending}>
        Record safeguarding concern
      </Button>
    </form>
  );
}
