'use client';

import { useEffect, useRef, type MouseEvent, type ReactNode } from 'react';
import { summaryFromFieldErrors, type ErrorSummaryItem } from './errors';

export type ErrorSummaryProps = {
  /** Links to each field with a problem, or zod's fieldErrors keyed by field id. */
  errors: readonly ErrorSummaryItem[] | Partial<Record<string, readonly string[] | string | undefined>>;
  title?: string;
  description?: ReactNode;
  /** Field order, when `errors` is a record. */
  order?: readonly string[];
  /** Leave focus where it is (e.g. for errors shown on first load). */
  disableAutoFocus?: boolean;
};

/**
 * GOV.UK error summary: shown at the top of the page after a failed submit, takes focus so screen
 * readers announce it, and each link moves focus to the field (scrolling its label into view).
 */
export function ErrorSummary({ errors, title = 'There is a problem', description, order, disableAutoFocus }: ErrorSummaryProps) {
  const items: readonly ErrorSummaryItem[] = Array.isArray(errors)
    ? (errors as readonly ErrorSummaryItem[])
    : summaryFromFieldErrors(errors as Partial<Record<string, readonly string[] | string | undefined>>, order);
  const ref = useRef<HTMLDivElement>(null);
  const signature = items.map((item) => `${item.href}:${item.text}`).join('|');

  useEffect(() => {
    if (!disableAutoFocus && signature) ref.current?.focus();
  }, [signature, disableAutoFocus]);

  if (items.length === 0) return null;

  function onClick(event: MouseEvent<HTMLAnchorElement>, href: string) {
    if (!href.startsWith('#')) return;
    const target = document.getElementById(href.slice(1));
    if (!target) return;
    event.preventDefault();
    const legend = target.closest('fieldset')?.querySelector('legend');
    const label = target.id ? document.querySelector(`label[for="${CSS.escape(target.id)}"]`) : null;
    (legend ?? label ?? target).scrollIntoView();
    target.focus({ preventScroll: true });
  }

  return (
    <div className="error-summary" ref={ref} tabIndex={-1}>
      <div role="alert">
        <h2 className="error-summary__title">{title}</h2>
        <div className="error-summary__body">
          {description ? <p>{description}</p> : null}
          <ul className="error-summary__list">
            {items.map((item) => (
              <li key={item.href + item.text}>
                <a href={item.href} onClick={(event) => onClick(event, item.href)}>
                  {item.text}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
