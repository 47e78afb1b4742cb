import type { ReactNode } from 'react';
import { cx } from './cx';
import { Link, type Route } from './Link';

export type SummaryListAction = {
  href: Route;
  text: string;
  /** Says what is changed, e.g. "name". */ visuallyHiddenText?: string;
};
export type SummaryListRow = { key: ReactNode; value: ReactNode; actions?: readonly SummaryListAction[]; id?: string };

/** GOV.UK summary list (a <dl>) for "check your answers" and record pages. */
export function SummaryList({
  rows,
  noBorder,
  className,
}: {
  rows: readonly SummaryListRow[];
  noBorder?: boolean;
  className?: string;
}) {
  // The columns are fixed by the first row, so in a list with actions a row without any keeps an
  // empty actions column (GOV.UK's pattern) rather than widening its value over it.
  const anyActions = rows.some((row) => row.actions?.length);
  return (
    <dl className={cx('summary-list', noBorder && 'summary-list--no-border', className)}>
      {rows.map((row, i) => {
        const actions = row.actions ?? [];
        const none = !actions.length && (anyActions ? 'summary-list__row--actions-elsewhere' : 'summary-list__row--no-actions');
        return (
          <div key={row.id ?? i} className={cx('summary-list__row', none)}>
            <dt className="summary-list__key">{row.key}</dt>
            <dd className="summary-list__value">{row.value}</dd>
            {actions.length ? (
              <dd className="summary-list__actions">
                {actions.length === 1 ? (
                  <ActionLink action={actions[0]} />
                ) : (
                  <ul className="summary-list__actions-list">
                    {actions.map((action) => (
                      <li key={action.href + action.text}>
                        <ActionLink action={action} />
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
            ) : null}
          </div>
        );
      })}
    </dl>
  );
}

function ActionLink({ action }: { action: SummaryListAction }) {
  return (
    <Link href={action.href}>
      {action.text}
      {action.visuallyHiddenText ? <span className="visually-hidden"> {action.visuallyHiddenText}</span> : null}
    </Link>
  );
}
