import type { ReactNode } from 'react';
import { cx } from './cx';

export function InsetText({ children, className }: { children: ReactNode; className?: string }) {
  return <div className={cx('inset-text', className)}>{children}</div>;
}

/** GOV.UK warning text: a bold statement with a "!" icon and a hidden "Warning" for screen readers. */
export function WarningText({
  children,
  assistiveText = 'Warning',
  className,
}: {
  children: ReactNode;
  assistiveText?: string;
  className?: string;
}) {
  return (
    <div className={cx('warning-text', className)}>
      <span className="warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="warning-text__text">
        <span className="visually-hidden">{assistiveText}: </span>
        {children}
      </strong>
    </div>
  );
}
