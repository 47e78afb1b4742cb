import { isValidElement, type ReactElement, type ReactNode } from 'react';
import { cx } from './cx';

export type TableCell =
  | ReactNode
  | {
      content: ReactNode;
      numeric?: boolean;
      header?: boolean;
      colSpan?: number;
      className?: string;
      /** A heading cell's words for the stacked rows on a phone, when its content is not plain words. */
      label?: string;
    };

export type TableProps = {
  caption?: ReactNode;
  captionSize?: 's' | 'm' | 'l';
  /** Visually hide the caption but keep it for screen readers. */
  captionHidden?: boolean;
  head?: readonly TableCell[];
  rows: readonly (readonly TableCell[])[];
  /** Each row's first cell is a row header (<th scope="row">). */
  firstCellIsHeader?: boolean;
  /** Stable keys for rows (e.g. record ids); defaults to the index. */
  rowKeys?: readonly string[];
  /** Names the scrollable region for screen readers; defaults to the caption when it is text. */
  label?: string;
  className?: string;
  /**
   * Below 640px each row becomes a stacked block, every cell headed by its column's words
   * (app/globals.css, .stack-table), so no table is wider than a phone. On unless a table is
   * narrow enough to keep its columns.
   */
  stack?: boolean;
};

type CellObject = Exclude<TableCell, ReactNode>;

// Only a cell that spans gets the attribute: an absent prop costs nothing, an undefined one is
// still written into the page's React payload, once per cell.
const span = (colSpan: number | undefined) => (colSpan ? { colSpan } : null);

function isCellObject(cell: TableCell): cell is CellObject {
  return cell !== null && typeof cell === 'object' && !isValidElement(cell) && 'content' in (cell as object);
}

function normalise(cell: TableCell): CellObject {
  return isCellObject(cell) ? cell : { content: cell as ReactNode };
}

/**
 * The words of a heading cell, for the stacked rows' labels. A heading hidden from sight (the
 * "Action" of a column of buttons) gives none: its cells speak for themselves.
 */
export function headingWords(node: ReactNode): string {
  if (node === null || node === undefined || typeof node === 'boolean') return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(headingWords).join('');
  if (isValidElement(node)) {
    const props = (node as ReactElement<{ children?: ReactNode; className?: string }>).props;
    if (typeof props.className === 'string' && props.className.split(/\s+/).includes('visually-hidden')) return '';
    return headingWords(props.children);
  }
  return '';
}

const labelAttr = (label: string | undefined) => (label ? { 'data-label': label } : null);

/** The column each cell of a row starts in, counting the columns a cell spans. */
function startColumns(row: readonly TableCell[]): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const raw of row) {
    starts.push(at);
    at += normalise(raw).colSpan ?? 1;
  }
  return starts;
}

/**
 * GOV.UK table. On a phone its rows stack (see `stack`); it sits in a region that scrolls sideways
 * (and can take keyboard focus) so a table kept whole does not break the page at 320px.
 */
export function Table({
  caption,
  captionSize = 'm',
  captionHidden,
  head,
  rows,
  firstCellIsHeader,
  rowKeys,
  label,
  className,
  stack = true,
}: TableProps) {
  const regionLabel = label ?? (typeof caption === 'string' ? caption : 'Table');
  // Each column's words, for its cells' labels when the rows are stacked (a spanning heading covers its columns).
  const labels = stack
    ? (head ?? []).flatMap((raw) => {
        const cell = normalise(raw);
        const words = (cell.label ?? headingWords(cell.content)).trim();
        return Array.from({ length: cell.colSpan ?? 1 }, () => words);
      })
    : [];
  return (
    <div className="table-wrapper" role="region" aria-label={regionLabel} tabIndex={0}>
      <table className={cx('table', stack && 'stack-table', className)}>
        {caption ? (
          <caption className={cx('table__caption', `table__caption--${captionSize}`, captionHidden && 'visually-hidden')}>
            {caption}
          </caption>
        ) : null}
        {head && head.length ? (
          <thead>
            <tr>
              {head.map((raw, i) => {
                const cell = normalise(raw);
                return (
                  <th
                    key={i}
                    scope="col"
                    {...span(cell.colSpan)}
                    className={cx('table__header', cell.numeric && 'table__header--numeric', cell.className)}
                  >
                    {cell.content}
                  </th>
                );
              })}
            </tr>
          </thead>
        ) : null}
        <tbody>
          {rows.map((row, r) => {
            const starts = startColumns(row);
            return (
              <tr key={rowKeys?.[r] ?? r}>
                {row.map((raw, i) => {
                  const cell = normalise(raw);
                  const label = labels[starts[i]];
                  if ((i === 0 && firstCellIsHeader) || cell.header) {
                    return (
                      <th
                        key={i}
                        scope="row"
                        {...span(cell.colSpan)}
                        {...labelAttr(label)}
                        className={cx('table__header', cell.numeric && 'table__header--numeric', cell.className)}
                      >
                        {cell.content}
                      </th>
                    );
                  }
                  return (
                    <td
                      key={i}
                      {...span(cell.colSpan)}
                      {...labelAttr(label)}
                      className={cx('table__cell', cell.numeric && 'table__cell--numeric', cell.className)}
                    >
                      {cell.content}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
