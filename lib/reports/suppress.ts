// Small-number suppression for published figures (PRODUCT.md, "Small numbers"):
// - a count from 1 to 4 shows as "<5" (primary suppression);
// - a rate, share, median or percentile built on a count from 1 to 4 is not shown;
// - where a total is shown, one more cell in the same row or column is hidden so the total and
//   the other cells cannot give the hidden one away (secondary suppression).
import { formatNumber } from '@/lib/format/numbers';

export const SMALL_MIN = 1;
export const SMALL_MAX = 4;
export const SUPPRESSED_TEXT = '<5';
export const NOT_SHOWN_TEXT = 'Not shown';

/** A count from 1 to 4. Zero is not small: it names no one. */
export function isSmall(n: number): boolean {
  return n >= SMALL_MIN && n <= SMALL_MAX;
}

/** 1 to 4 as "<5"; anything else as a number ("1,234"). */
export function suppressCount(n: number): string {
  return isSmall(n) ? SUPPRESSED_TEXT : formatNumber(n);
}

/** Whether a figure built on this many people may be shown (a median or a share of 1 to 4 may not). */
export function canShowFiguresBuiltOn(n: number): boolean {
  return n >= 5;
}

/** Whether a share numerator/denominator may be shown: neither may be a count from 1 to 4. */
export function canShowShare(numerator: number, denominator: number): boolean {
  return denominator > 0 && !isSmall(numerator) && !isSmall(denominator);
}

export type Mark = 'shown' | 'primary' | 'secondary';

export type GridMarks = {
  cells: Mark[][];
  /** One per row, when the grid has a total column. */
  rowTotals?: Mark[];
  /** One per column, when the grid has a total row. */
  columnTotals?: Mark[];
  /** When the grid has both. */
  grandTotal?: Mark;
};

/**
 * Which cells of a table of counts to hide. `cells[r][c]` are counts; `rowTotals` means each row's
 * total is published (a total column), `columnTotals` that each column's total is (a total row).
 *
 * Every row (with its total) and every column (with its total) that is published as adding up is a
 * line. A line with exactly one hidden entry gives that entry away (the total minus the others), so
 * one more entry in it is hidden: the smallest non-zero cell; failing that a zero cell; and only
 * for a line with no other cell, its total (totals are usually published elsewhere too). Hiding
 * it may leave another line with one hidden entry, so this repeats until no line has exactly one.
 */
export function suppressGrid(
  cells: readonly (readonly number[])[],
  options: { rowTotals?: boolean; columnTotals?: boolean } = {},
): GridMarks {
  const R = cells.length;
  const C = R > 0 ? cells[0].length : 0;
  const hasRowTotals = Boolean(options.rowTotals);
  const hasColumnTotals = Boolean(options.columnTotals);
  // The full grid: cells, then a total column and/or a total row.
  const rows = R + (hasColumnTotals ? 1 : 0);
  const cols = C + (hasRowTotals ? 1 : 0);
  const value: number[][] = [];
  for (let r = 0; r < rows; r++) {
    value.push([]);
    for (let c = 0; c < cols; c++) {
      const inCells = r < R && c < C;
      if (inCells) value[r].push(cells[r][c]);
      else if (r < R) value[r].push(cells[r].reduce((s, x) => s + x, 0));
      else if (c < C) value[r].push(cells.reduce((s, row) => s + row[c], 0));
      else value[r].push(cells.reduce((s, row) => s + row.reduce((a, b) => a + b, 0), 0));
    }
  }
  const mark: Mark[][] = value.map((row) => row.map((v) => (isSmall(v) ? 'primary' : 'shown')));

  type Entry = [number, number];
  const lines: { entries: Entry[]; total: Entry }[] = [];
  if (hasRowTotals) {
    for (let r = 0; r < rows; r++) {
      const entries: Entry[] = [];
      for (let c = 0; c < C; c++) entries.push([r, c]);
      lines.push({ entries, total: [r, C] });
    }
  }
  if (hasColumnTotals) {
    for (let c = 0; c < cols; c++) {
      const entries: Entry[] = [];
      for (let r = 0; r < R; r++) entries.push([r, c]);
      lines.push({ entries, total: [R, c] });
    }
  }

  const hidden = ([r, c]: Entry) => mark[r][c] !== 'shown';
  for (let guard = 0; guard < rows * cols + 1; guard++) {
    let changed = false;
    for (const line of lines) {
      const all = [...line.entries, line.total];
      if (all.filter(hidden).length !== 1) continue;
      let pick: Entry | null = null;
      for (const e of line.entries) {
        if (hidden(e) || value[e[0]][e[1]] === 0) continue;
        if (!pick || value[e[0]][e[1]] < value[pick[0]][pick[1]]) pick = e;
      }
      // No other non-zero cell: hide a zero (a reader cannot tell a hidden cell is 0), and only
      // when the line has no other cell at all, its total.
      pick ??= line.entries.find((e) => !hidden(e)) ?? null;
      pick ??= hidden(line.total) ? null : line.total;
      if (!pick) continue;
      mark[pick[0]][pick[1]] = 'secondary';
      changed = true;
    }
    if (!changed) break;
  }

  const out: GridMarks = { cells: mark.slice(0, R).map((row) => row.slice(0, C)) };
  if (hasRowTotals) out.rowTotals = mark.slice(0, R).map((row) => row[C]);
  if (hasColumnTotals) out.columnTotals = mark[R].slice(0, C);
  if (hasRowTotals && hasColumnTotals) out.grandTotal = mark[R][C];
  return out;
}

/** A list of counts published with its total (a one-column table with a total row). */
export function suppressList(counts: readonly number[]): { cells: Mark[]; total: Mark } {
  const marks = suppressGrid(
    counts.map((n) => [n]),
    { columnTotals: true },
  );
  return { cells: marks.cells.map((row) => row[0]), total: marks.columnTotals?.[0] ?? 'shown' };
}

/**
 * The text for a count with its mark: "<5" for a count from 1 to 4, and "Not shown" for a larger
 * count hidden so that a total cannot give a small one away (saying "<5" there would be untrue).
 */
export function countText(n: number, mark: Mark): string {
  if (mark === 'primary') return SUPPRESSED_TEXT;
  if (mark === 'secondary') return NOT_SHOWN_TEXT;
  return formatNumber(n);
}
