// Tables as CSV: one header row, then one row per table row. Every row starts with the period and
// area, so a file still says what it covers when rows are copied elsewhere. Each value is the text
// the page shows ("<5", "1,234", "12.5%"), written by the one CSV writer.
import { toCsv } from '@/lib/csv/write';
import { tableAsText, type ReportTable } from './table';

/** The CSV of one table, with the period and area in a leading column each. */
export function tableCsv(table: ReportTable, period: string, area: string, options: { bom?: boolean } = {}): string {
  const [header, ...body] = tableAsText(table);
  return toCsv([['Period', 'Area', ...header], ...body.map((r) => [period, area, ...r])], options);
}

/** "unmet-need_by-theme_2025-12-01-to-2026-11-30_all-wards.csv". */
export function csvFileName(section: string, tableId: string, filterPart: string): string {
  return `${section}_${tableId}_${filterPart}.csv`.replace(/[^A-Za-z0-9._-]/g, '-');
}
