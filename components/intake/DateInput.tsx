import type { ReactNode } from 'react';
import { cx } from '@/components/ui/cx';
import { ErrorMessage, Hint, firstError, type FieldError } from '@/components/ui/Field';
import { describedBy } from '@/lib/forms/fields';

type Part = { name: string; label: string; width: '2' | '4'; value?: string; autoComplete?: string };

/**
 * GOV.UK date input: day, month and year boxes in a fieldset. The error summary links to the day
 * box (`${idPrefix}Day`). Values are kept after a failed submit through `values`.
 */
export function DateInput({
  idPrefix,
  legend,
  hint,
  error,
  values = {},
  autoCompletePrefix,
}: {
  idPrefix: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: FieldError;
  values?: { day?: string; month?: string; year?: string };
  /** "bday" for someone's own date of birth; omitted when it is someone else's. */
  autoCompletePrefix?: string;
}) {
  const message = firstError(error);
  const parts: Part[] = [
    {
      name: `${idPrefix}Day`,
      label: 'Day',
      width: '2',
      value: values.day,
      autoComplete: autoCompletePrefix ? `${autoCompletePrefix}-day` : undefined,
    },
    {
      name: `${idPrefix}Month`,
      label: 'Month',
      width: '2',
      value: values.month,
      autoComplete: autoCompletePrefix ? `${autoCompletePrefix}-month` : undefined,
    },
    {
      name: `${idPrefix}Year`,
      label: 'Year',
      width: '4',
      value: values.year,
      autoComplete: autoCompletePrefix ? `${autoCompletePrefix}-year` : undefined,
    },
  ];
  return (
    <div className={cx('form-group', message && 'form-group--error')}>
      <fieldset
        className="fieldset"
        role="group"
        aria-describedby={describedBy(idPrefix, { hint: Boolean(hint), error: Boolean(message) })}
      >
        <legend className="fieldset__legend fieldset__legend--s">{legend}</legend>
        {hint ? <Hint id={`${idPrefix}-hint`}>{hint}</Hint> : null}
        {message ? <ErrorMessage id={`${idPrefix}-error`}>{message}</ErrorMessage> : null}
        <div className="flex flex-wrap gap-4">
          {parts.map((part) => (
            <div key={part.name}>
              <label className="label" htmlFor={part.name}>
                {part.label}
              </label>
              <input
                className={cx('input', `input--w-${part.width}`, message && 'input--error')}
                id={part.name}
                name={part.name}
                type="text"
                inputMode="numeric"
                autoComplete={part.autoComplete}
                defaultValue={part.value ?? ''}
                maxLength={part.width === '4' ? 4 : 2}
                spellCheck={false}
              />
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
