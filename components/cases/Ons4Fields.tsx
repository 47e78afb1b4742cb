import { TextInput } from '@/components/ui';
import type { FieldErrors } from '@/lib/cases/form';
import { ons4Questions } from '@/lib/cases/labels';

/**
 * The four ONS personal wellbeing questions, each 0 to 10 and each optional: an empty box is
 * "not answered", never 0.
 */
export function Ons4Fields({
  legend,
  values,
  errors,
}: {
  legend: string;
  values: (name: string) => string;
  errors: FieldErrors;
}) {
  return (
    <div className="form-group">
      <fieldset className="fieldset" aria-describedby="ons4-hint">
        <legend className="fieldset__legend fieldset__legend--m">{legend}</legend>
        <div id="ons4-hint" className="hint">
          Ask each question as written. Answers are from 0 (“not at all”) to 10 (“completely”). Leave a box empty if the person
          did not answer. An empty box is not a score of 0.
        </div>
        {ons4Questions.map((q) => (
          <TextInput
            key={q.key}
            id={q.key}
            label={q.short}
            hint={q.text}
            error={errors[q.key]}
            defaultValue={values(q.key)}
            inputMode="numeric"
            pattern="[0-9]*"
            width="2"
            maxLength={2}
            autoComplete="off"
          />
        ))}
      </fieldset>
    </div>
  );
}
