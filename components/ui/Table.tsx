import { isValidElement, type ReactNode } from 'react';
import { cx } from './cx';

export type TableCell =
  ReactNode | { content: ReactNode; numeric?: boolean; header?: boolean; colSpan?: number; className?: string };

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
   * Below 640px each row becomes a block with each cell labelled by its column (`stack-table` in
   * app/globals.css), so the table is never wider than a phone's screen.
   */
  stacked?: boolean;
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
 * GOV.UK table. It sits in a region that scrolls sideways (and can take keyboard focus) so a wide
 * table does not break the page at 320px.
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
  stacked,
}: TableProps) {
  const regionLabel = label ?? (typeof caption === 'string' ? caption : 'Table');
  // Each cell's column name, shown before it when the rows stack on a phone.
  const columnNames = stacked
    ? (head ?? []).map((raw) => normalise(raw).content).map((c) => (typeof c === 'string' ? c : ''))
    : [];
  return (
    <div className="table-wrapper" role="region" aria-label={regionLabel} tabIndex={0}>
      <table className={cx('table', stacked && 'stack-table', className)}>
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
          {rows.map((row, r) => (
            <tr key={rowKeys?.[r] ?? r}>
              {row.map((raw, i) => {
                const cell = normalise(raw);
                if ((i === 0 && firstCellIsHeader) || cell.header) {
                  return (
                    <th
                      key={i}
                      scope="row"
                      {...span(cell.colSpan)}
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
                    {...(columnNames[i] ? { 'data-label': columnNames[i] } : null)}
                    className={cx('table__cell', cell.numeric && 'table__cell--numeric', cell.className)}
                  >
                    {cell.content}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
