// Every CSV the service writes: RFC 4180 (a field is quoted when it holds a comma, a quote or a line
// break, quotes doubled, lines ending CRLF), with one rule against formula injection (OWASP "CSV
// injection"): a text value that starts with =, +, -, @, a tab or a carriage return is written with
// a single quote in front, in quotes, so a spreadsheet shows it as text and never runs it.
//
// Numbers are data: a number value (a change of -3) is written as it is, and callers with numbers
// pass numbers. Text that only looks like a number ("-3", "-1+HYPERLINK(...)") is text and escaped.
//
// The escape can be undone (unescapeCell), so an exported file imports back to the same values: a
// text that already starts with single quotes before one of those characters gets one more quote.

export type CsvValue = string | number | null | undefined;

/** A byte order mark, so spreadsheet programs read the file as UTF-8. */
export const BOM = '\uFEFF';

const NEEDS_ESCAPE = /^'*[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (NEEDS_ESCAPE.test(value)) return `"'${value.replace(/"/g, '""')}"`;
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One record, with its CRLF. */
export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/** A whole file; `bom` puts a byte order mark first. */
export function toCsv(rows: readonly (readonly CsvValue[])[], options: { bom?: boolean } = {}): string {
  return (options.bom ? BOM : '') + rows.map(csvRow).join('');
}

/** A field as read back from a file this module wrote: takes off the one quote the escape added. */
export function unescapeCell(text: string): string {
  return text.startsWith("'") && NEEDS_ESCAPE.test(text.slice(1)) ? text.slice(1) : text;
}
