import type { ReactNode } from 'react';
import { cx } from './cx';

/** Native <details>: opens without JavaScript and is announced as expandable. */
export function Details({
  summary,
  children,
  open,
  className,
}: {
  summary: ReactNode;
  children: ReactNode;
  open?: boolean;
  className?: string;
}) {
  return (
    <details className={cx('details', className)} open={open}>
      <summary className="details__summary">
        <span className="details__summary-text">{summary}</span>
      </summary>
      <div className="details__text">{children}</div>
    </details>
  );
}
