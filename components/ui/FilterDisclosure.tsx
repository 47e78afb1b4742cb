import type { ReactNode } from 'react';
import { cx } from './cx';

/**
 * Filters behind a "Filter" disclosure on a narrow screen (below 768px), and simply shown on a
 * wide one, where they sit beside the list (app/globals.css, .filter-disclosure). A <details>, so
 * it opens without JavaScript; its summary says how many filters are applied. It starts open when
 * asked (a filter with an error to fix), so the error summary's link finds the field.
 */
export function FilterDisclosure({
  label = 'Filter',
  applied,
  open,
  className,
  children,
}: {
  label?: string;
  /** How many filters are applied now. */
  applied: number;
  open?: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <details className={cx('filter-disclosure', className)} open={open || undefined}>
      <summary className="filter-disclosure__summary">
        {label}
        {applied ? <span className="filter-disclosure__count"> ({applied} applied)</span> : null}
      </summary>
      <div className="filter-disclosure__content">{children}</div>
    </details>
  );
}
