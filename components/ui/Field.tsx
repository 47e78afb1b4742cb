import type { ReactNode } from 'react';
import { controlAria, type ControlAria } from '@/lib/forms/fields';
import { cx } from './cx';

/** A field's messages, as the form state holds them (`state.fieldErrors[name]`). */
export type FieldError = readonly string[] | undefined;
export type LabelSize = 's' | 'm' | 'l' | 'xl';

/** The message shown by the field: the first (GOV.UK shows one message per field). */
export function firstError(error: FieldError): string | undefined {
  return error?.find((message) => message) ?? undefined;
}

export function Hint({ id, children, className }: { id?: string; children: ReactNode; className?: string }) {
  return (
    <div id={id} className={cx('hint', className)}>
      {children}
    </div>
  );
}

/** An error message with a visually hidden "Error:" prefix, as GOV.UK does for screen reader users. */
export function ErrorMessage({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <p id={id} className="error-message">
      <span className="visually-hidden">Error:</span> {children}
    </p>
  );
}

export function Label({
  htmlFor,
  children,
  size,
  isPageHeading,
}: {
  htmlFor: string;
  children: ReactNode;
  size?: LabelSize;
  isPageHeading?: boolean;
}) {
  const label = (
    <label htmlFor={htmlFor} className={cx('label', size && `label--${size}`)}>
      {children}
    </label>
  );
  return isPageHeading ? <h1 className="label--heading">{label}</h1> : label;
}

export type FieldControlProps = ControlAria & { id: string };

export type FieldProps = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: FieldError;
  labelSize?: LabelSize;
  labelIsPageHeading?: boolean;
  /** Extra ids for aria-describedby (e.g. a character count). */
  describedByExtra?: string;
  className?: string;
  /** Renders the control, given the id and ARIA attributes it must carry. */
  children: (control: FieldControlProps) => ReactNode;
};

/**
 * The GOV.UK form-group pattern for one control: label, hint, error message (with the red bar),
 * and the aria-describedby wiring. TextInput, Textarea and Select use it; use it for anything custom.
 */
export function Field({
  id,
  label,
  hint,
  error,
  labelSize,
  labelIsPageHeading,
  describedByExtra,
  className,
  children,
}: FieldProps) {
  const message = firstError(error);
  return (
    <div className={cx('form-group', message && 'form-group--error', className)}>
      <Label htmlFor={id} size={labelSize} isPageHeading={labelIsPageHeading}>
        {label}
      </Label>
      {hint ? <Hint id={`${id}-hint`}>{hint}</Hint> : null}
      {message ? <ErrorMessage id={`${id}-error`}>{message}</ErrorMessage> : null}
      {children({
        id,
        ...controlAria(id, { hint: Boolean(hint), error: message ? [message] : undefined, extra: describedByExtra }),
      })}
    </div>
  );
}
