import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes, SelectHTMLAttributes } from 'react';
import { cx } from './cx';
import { Field, firstError, type FieldError, type LabelSize } from './Field';

type FieldCommon = {
  /** Also the name, unless `name` is given. The error summary links to it. */
  id: string;
  name?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: FieldError;
  labelSize?: LabelSize;
  labelIsPageHeading?: boolean;
  formGroupClassName?: string;
};

export type InputWidth = 'full' | '20' | '10' | '5' | '4' | '3' | '2' | 'one-half' | 'two-thirds' | 'one-third';

export type TextInputProps = FieldCommon &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'children' | 'width'> & {
    width?: InputWidth;
  };

/** A text input with label, hint and error. Pass `defaultValue` to keep what the person typed after an error. */
export function TextInput({
  id,
  name,
  label,
  hint,
  error,
  labelSize,
  labelIsPageHeading,
  formGroupClassName,
  width = 'full',
  className,
  type = 'text',
  ...rest
}: TextInputProps) {
  const invalid = Boolean(firstError(error));
  return (
    <Field
      id={id}
      label={label}
      hint={hint}
      error={error}
      labelSize={labelSize}
      labelIsPageHeading={labelIsPageHeading}
      className={formGroupClassName}
    >
      {(control) => (
        <input
          {...rest}
          {...control}
          name={name ?? id}
          type={type}
          className={cx('input', width !== 'full' && `input--w-${width}`, invalid && 'input--error', className)}
        />
      )}
    </Field>
  );
}

export type TextareaProps = FieldCommon & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'name' | 'children'>;

export function Textarea({
  id,
  name,
  label,
  hint,
  error,
  labelSize,
  labelIsPageHeading,
  formGroupClassName,
  className,
  rows = 5,
  ...rest
}: TextareaProps) {
  const invalid = Boolean(firstError(error));
  return (
    <Field
      id={id}
      label={label}
      hint={hint}
      error={error}
      labelSize={labelSize}
      labelIsPageHeading={labelIsPageHeading}
      className={formGroupClassName}
    >
      {(control) => (
        <textarea
          {...rest}
          {...control}
          name={name ?? id}
          rows={rows}
          className={cx('textarea', invalid && 'textarea--error', className)}
        />
      )}
    </Field>
  );
}

export type SelectOption = { value: string; label: string; disabled?: boolean };

export type SelectProps = FieldCommon &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'name' | 'children'> & {
    options: readonly SelectOption[];
    /** Adds a first, empty option with this text (e.g. "Choose a team"). */
    placeholder?: string;
  };

export function Select({
  id,
  name,
  label,
  hint,
  error,
  labelSize,
  labelIsPageHeading,
  formGroupClassName,
  className,
  options,
  placeholder,
  ...rest
}: SelectProps) {
  const invalid = Boolean(firstError(error));
  return (
    <Field
      id={id}
      label={label}
      hint={hint}
      error={error}
      labelSize={labelSize}
      labelIsPageHeading={labelIsPageHeading}
      className={formGroupClassName}
    >
      {(control) => (
        <select {...rest} {...control} name={name ?? id} className={cx('select', invalid && 'select--error', className)}>
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((option) => (
            <option key={option.value} value={option.value} disabled={option.disabled}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
