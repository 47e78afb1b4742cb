import type { ReactNode } from 'react';
import { cx } from './cx';

export type FieldError = string | readonly string[] | null | undefined;
export type LabelSize = 's' | 'm' | 'l' | 'xl';

/** The first message of a field's errors (zod's fieldErrors give an array per field). */
export function firstError(error: FieldError): string | undefined {
  if (error == null) return undefined;
  if (typeof error === 'string') return error || undefined;
  return error.find((message) => message) ?? undefined;
}

/** The ids a field's hint and error message use, and the aria-describedby that joins them. */
export function describedBy(id: string, opts: { hint?: boolean; error?: boolean; extra?: string }): string | undefined {
  const ids = [opts.extra, opts.hint ? `${id}-hint` : undefined, opts.error ? `${id}-error` : undefined].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
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

export type FieldControlProps = {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
};

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
export function Field({ id, label, hint, error, labelSize, labelIsPageHeading, describedByExtra, className, children }: FieldProps) {
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
        'aria-describedby': describedBy(id, { hint: Boolean(hint), error: Boolean(message), extra: describedByExtra }),
        ...(message ? { 'aria-invalid': true as const } : {}),
      })}
    </div>
  );
}
