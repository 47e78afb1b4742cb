import type { ReactNode } from 'react';
import { cx } from './cx';
import { describedBy } from '@/lib/forms/fields';
import { ErrorMessage, Hint, firstError, type FieldError } from './Field';

export type ChoiceItem = {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
  /** Defaults to the GOV.UK pattern: the first item takes the group's id, the others `${id}-2`, `${id}-3`... */
  id?: string;
  disabled?: boolean;
  /** Shown under the item while it is checked (CSS only, so it also works without JavaScript). */
  conditional?: ReactNode;
};

/** An "or" between items, e.g. before "None of these". */
export type ChoiceDivider = { divider: string };

type ChoicesCommon = {
  name: string;
  /** The id of the first input (the error summary links here). Defaults to `name`. */
  idPrefix?: string;
  legend: ReactNode;
  legendSize?: 's' | 'm' | 'l';
  legendIsPageHeading?: boolean;
  hint?: ReactNode;
  error?: FieldError;
  items: ReadonlyArray<ChoiceItem | ChoiceDivider>;
  small?: boolean;
  inline?: boolean;
  className?: string;
};

export type CheckboxesProps = ChoicesCommon & { defaultValues?: readonly string[] };
export type RadiosProps = ChoicesCommon & { defaultValue?: string | null; required?: boolean };

function isDivider(item: ChoiceItem | ChoiceDivider): item is ChoiceDivider {
  return 'divider' in item;
}

export function choiceId(idPrefix: string, index: number): string {
  return index === 0 ? idPrefix : `${idPrefix}-${index + 1}`;
}

function Choices({
  kind,
  name,
  idPrefix = name,
  legend,
  legendSize,
  legendIsPageHeading,
  hint,
  error,
  items,
  small,
  inline,
  className,
  isChecked,
  required,
}: ChoicesCommon & { kind: 'checkbox' | 'radio'; isChecked: (value: string) => boolean; required?: boolean }) {
  const message = firstError(error);
  const fieldsetDescribedBy = describedBy(idPrefix, { hint: Boolean(hint), error: Boolean(message) });
  // The n-th choice (dividers do not count) gets choiceId(idPrefix, n) unless it names its own id.
  const ids: string[] = [];
  let position = 0;
  for (const item of items) ids.push(isDivider(item) ? '' : (item.id ?? choiceId(idPrefix, position++)));
  return (
    <div className={cx('form-group', message && 'form-group--error', className)}>
      <fieldset className="fieldset" aria-describedby={fieldsetDescribedBy}>
        <legend className={cx('fieldset__legend', legendSize && `fieldset__legend--${legendSize}`)}>
          {legendIsPageHeading ? <h1 className="fieldset__heading">{legend}</h1> : legend}
        </legend>
        {hint ? <Hint id={`${idPrefix}-hint`}>{hint}</Hint> : null}
        {message ? <ErrorMessage id={`${idPrefix}-error`}>{message}</ErrorMessage> : null}
        <div className={cx('choices', `choices--${kind}`, small && 'choices--small', inline && 'choices--inline')}>
          {items.map((item, i) => {
            if (isDivider(item)) {
              return (
                <div key={`divider-${item.divider}-${i}`} className="choices__divider">
                  {item.divider}
                </div>
              );
            }
            const id = ids[i];
            const itemHintId = item.hint ? `${id}-item-hint` : undefined;
            return (
              <div key={item.value} className="choice-group">
                <div className={cx('choice', `choice--${kind}`)}>
                  <input
                    className="choice__input"
                    id={id}
                    name={name}
                    type={kind}
                    value={item.value}
                    defaultChecked={isChecked(item.value)}
                    disabled={item.disabled}
                    required={kind === 'radio' ? required : undefined}
                    aria-describedby={itemHintId}
                  />
                  <label className="label choice__label" htmlFor={id}>
                    {item.label}
                  </label>
                  {item.hint ? (
                    <div id={itemHintId} className="hint choice__hint">
                      {item.hint}
                    </div>
                  ) : null}
                </div>
                {item.conditional ? <div className="choice__conditional">{item.conditional}</div> : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}

/** A group of checkboxes in a fieldset. `defaultValues` keeps what was ticked after a failed submit. */
export function Checkboxes({ defaultValues = [], ...props }: CheckboxesProps) {
  return <Choices {...props} kind="checkbox" isChecked={(value) => defaultValues.includes(value)} />;
}

/** A group of radios in a fieldset. `defaultValue` keeps the answer after a failed submit. */
export function Radios({ defaultValue, required, ...props }: RadiosProps) {
  return <Choices {...props} kind="radio" required={required} isChecked={(value) => value === defaultValue} />;
}
