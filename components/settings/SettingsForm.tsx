'use client';

import { ConflictSummary } from '@/components/listings/ConflictSummary';
import { Button, ErrorSummary, Textarea, TextInput } from '@/components/ui';
import { useFormAction } from '@/components/ui/use-form-action';
import { field, formState, type FormState, type FormValues } from '@/lib/forms';

/** What the form needs of a setting (lib/settings/registry.ts), without its schema. */
export type SettingsFormField = {
  name: string;
  label: string;
  hint?: string;
  kind: 'text' | 'email' | 'tel' | 'textarea' | 'colour' | 'number';
  suffix?: string;
};

/** One section of /admin/settings: every field with its current value, saved together. */
export function SettingsForm({
  action,
  fields,
  initial,
  version,
  submitLabel = 'Save settings',
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  fields: readonly SettingsFormField[];
  initial: FormValues;
  version: number;
  submitLabel?: string;
}) {
  const [state, formAction, pending] = useFormAction(action, formState(initial, { version }));
  return (
    <>
      <ErrorSummary state={state} order={fields.map((f) => f.name)} />
      {state.conflict ? (
        <ConflictSummary
          title="Someone else changed these settings while you had them open"
          intro="These settings are now different from what you have entered:"
          changes={state.conflict}
        />
      ) : null}
      <form action={formAction} noValidate className="max-w-3xl">
        <input type="hidden" name="version" value={String(state.version ?? version)} />
        {fields.map((f) => {
          const hint = f.suffix ? [f.hint, `A number of ${f.suffix}`].filter(Boolean).join('. ') : f.hint;
          if (f.kind === 'textarea')
            return (
              <Textarea
                key={f.name}
                {...field(state, f.name)}
                label={f.label}
                hint={hint}
                rows={f.name === 'emergencyNotice' ? 4 : 14}
              />
            );
          return (
            <TextInput
              key={f.name}
              {...field(state, f.name)}
              label={f.label}
              hint={hint}
              type={f.kind === 'email' ? 'email' : f.kind === 'tel' ? 'tel' : 'text'}
              inputMode={f.kind === 'number' ? 'numeric' : undefined}
              autoComplete="off"
              spellCheck={f.kind === 'text' ? undefined : false}
              width={f.kind === 'number' ? '3' : f.kind === 'colour' ? '10' : f.kind === 'tel' ? '20' : 'two-thirds'}
            />
          );
        })}
        <Button aria-disabled={pending || undefined}>{submitLabel}</Button>
      </form>
    </>
  );
}
