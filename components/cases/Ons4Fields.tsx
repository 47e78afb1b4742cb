import { TextInput } from '@/components/ui';
import { ons4Questions } from '@/lib/cases/labels';
import { field, type FormState } from '@/lib/forms';

/**
 * The four ONS personal wellbeing questions, each 0 to 10 and each optional: an empty box is
 * "not answered", never 0. No maxlength: a browser would cut "5.5" to "5." unseen; the server
 * refuses anything but a whole number with a message instead.
 */
const text = (v: unknown) => (typeof v === 'string' ? v : undefined);

export function Ons4Fields({
  legend,
  state,
  defaults = {},
}: {
  legend: string;
  state: FormState;
  defaults?: Readonly<Partial<Record<string, string | readonly string[]>>>;
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
            {...field(state, q.key, { fallback: text(defaults[q.key]) })}
            label={q.short}
            hint={q.text}
            inputMode="numeric"
            pattern="[0-9]*"
            width="2"
            autoComplete="off"
          />
        ))}
      </fieldset>
    </div>
  );
}
