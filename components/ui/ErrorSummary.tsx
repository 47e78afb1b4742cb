'use client';

import { useEffect, useRef, type MouseEvent, type ReactNode } from 'react';
import { summaryItems, type SummaryOptions } from '@/lib/forms/fields';
import type { FormState } from '@/lib/forms/state';

export type ErrorSummaryProps = SummaryOptions & {
  /** The form's state (or any errors in its shape): the form's message and each field's messages. */
  state: Pick<FormState<unknown>, 'fieldErrors' | 'formError'>;
  title?: string;
  description?: ReactNode;
  /** Leave focus where it is (e.g. for errors shown on first load). */
  disableAutoFocus?: boolean;
};

/**
 * GOV.UK error summary: shown at the top of the page after a failed submit, takes focus so screen
 * readers announce it, and each link moves focus to the field (scrolling its label into view).
 */
export function ErrorSummary({
  state,
  title = 'There is a problem',
  description,
  disableAutoFocus,
  ...options
}: ErrorSummaryProps) {
  const items = summaryItems(state, options);
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
            {items.map(({ href, text }) => (
              <li key={`${href}${text}`}>
                {href ? (
                  <a href={href} onClick={(event) => onClick(event, href)}>
                    {text}
                  </a>
                ) : (
                  text
                )}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
