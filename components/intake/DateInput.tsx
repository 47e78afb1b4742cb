import type { ReactNode } from 'react';
import { cx } from '@/components/ui/cx';
import { ErrorMessage, Hint, describedBy } from '@/components/ui/Field';

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
  error?: string;
  values?: { day?: string; month?: string; year?: string };
  /** "bday" for someone's own date of birth; omitted when it is someone else's. */
  autoCompletePrefix?: string;
}) {
  const parts: Part[] = [
    { name: `${idPrefix}Day`, label: 'Day', width: '2', value: values.day, autoComplete: autoCompletePrefix ? `${autoCompletePrefix}-day` : undefined },
    { name: `${idPrefix}Month`, label: 'Month', width: '2', value: values.month, autoComplete: autoCompletePrefix ? `${autoCompletePrefix}-month` : undefined },
    { name: `${idPrefix}Year`, label: 'Year', width: '4', value: values.year, autoComplete: autoCompletePrefix ? `${autoCompletePrefix}-year` : undefined },
  ];
  return (
    <div className={cx('form-group', error && 'form-group--error')}>
      <fieldset className="fieldset" role="group" aria-describedby={describedBy(idPrefix, { hint: Boolean(hint), error: Boolean(error) })}>
        <legend className="fieldset__legend fieldset__legend--s">{legend}</legend>
        {hint ? <Hint id={`${idPrefix}-hint`}>{hint}</Hint> : null}
        {error ? <ErrorMessage id={`${idPrefix}-error`}>{error}</ErrorMessage> : null}
        <div className="flex flex-wrap gap-4">
          {parts.map((part) => (
            <div key={part.name}>
              <label className="label" htmlFor={part.name}>
                {part.label}
              </label>
              <input
                className={cx('input', `input--w-${part.width}`, error && 'input--error')}
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
