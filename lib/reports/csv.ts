// Tables as CSV: one header row, then one row per table row. Every row starts with the period and
// area, so a file still says what it covers when rows are copied elsewhere.
import { tableAsText, type ReportTable } from './table';

function cell(value: string): string {
  // Quote anything with a comma, quote or line break; a leading =, +, - or @ is prefixed so a
  // spreadsheet does not read the cell as a formula.
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** The CSV of one table, with the period and area in a leading column each. */
export function tableCsv(table: ReportTable, period: string, area: string): string {
  const [header, ...body] = tableAsText(table);
  return toCsv([['Period', 'Area', ...header], ...body.map((r) => [period, area, ...r])]);
}

/** "unmet-need_by-theme_2025-12-01-to-2026-11-30_all-wards.csv". */
export function csvFileName(section: string, tableId: string, filterPart: string): string {
  return `${section}_${tableId}_${filterPart}.csv`.replace(/[^A-Za-z0-9._-]/g, '-');
}
