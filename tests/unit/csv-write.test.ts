import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { BOM, csvCell, csvRow, toCsv, unescapeCell } from '@/lib/csv/write';

describe('the CSV writer', () => {
  it('quotes a field with a comma, a quote or a line break, doubling quotes (RFC 4180)', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line one\nline two')).toBe('"line one\nline two"');
    expect(csvCell('a\r\nb')).toBe('"a\r\nb"');
    expect(csvCell('')).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it.each([
    ['=', '=SUM(A1:A9)', `"'=SUM(A1:A9)"`],
    ['+', '+44 1632 960 111', `"'+44 1632 960 111"`],
    ['-', '-1+HYPERLINK("http://example.com","x")', `"'-1+HYPERLINK(""http://example.com"",""x"")"`],
    ['@', '@SUM(1)', `"'@SUM(1)"`],
    ['tab', '\t=1+1', `"'\t=1+1"`],
    ['carriage return', '\r=1+1', `"'\r=1+1"`],
  ])('escapes text starting with %s: a quote in front, and the cell quoted', (_name, value, written) => {
    expect(csvCell(value)).toBe(written);
  });

  it('escapes text that looks like a number, and writes numbers as numbers', () => {
    expect(csvCell('-3')).toBe(`"'-3"`);
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(-0.1278)).toBe('-0.1278');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('leaves a dangerous character after the start alone', () => {
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell('Tea - and cake')).toBe('Tea - and cake');
  });

  it('ends every record with CRLF, and puts a BOM first only when asked', () => {
    expect(csvRow(['a', 1, null, '=x'])).toBe(`a,1,,"'=x"\r\n`);
    expect(
      toCsv([
        ['h1', 'h2'],
        ['v', 2],
      ]),
    ).toBe('h1,h2\r\nv,2\r\n');
    expect(toCsv([['h']], { bom: true })).toBe(`${BOM}h\r\n`);
    expect(BOM).toBe('\uFEFF');
  });

  it('reads back, through a real CSV parser and unescapeCell, exactly what it wrote', () => {
    const values = [
      '=1+1',
      '+44 1632',
      '-3',
      '@x',
      '\tx',
      '\rx',
      "'=already quoted",
      "''=twice",
      "'plain",
      "it's",
      'a,"b"\r\nc',
      '',
      'plain',
    ];
    const [record] = parse(csvRow(values), { bom: true }) as string[][];
    expect(record.map(unescapeCell)).toEqual(values);
  });

  it('takes off only the quote the escape added', () => {
    expect(unescapeCell("'=x")).toBe('=x');
    expect(unescapeCell("''=x")).toBe("'=x");
    expect(unescapeCell("'hello")).toBe("'hello");
    expect(unescapeCell("'")).toBe("'");
    expect(unescapeCell('-3')).toBe('-3');
  });
});

describe('a report CSV with search words typed by the public', () => {
  it('writes every formula starter as text, through the one writer', async () => {
    const { tableCsv } = await import('@/lib/reports/csv');
    const labels = ['-1+HYPERLINK("http://evil.example","click")', '=1+1', '+SUM(A1)', '@cmd', '\tx', '\rx', 'plain words'];
    const csv = tableCsv(
      {
        id: 'words',
        title: 'Searches with no results',
        definition: '',
        labelHeader: 'Words',
        columns: [{ key: 'n', label: 'Searches', numeric: true }],
        rows: labels.map((label, i) => ({ key: String(i), label, values: [{ text: '5', value: 5 }] })),
      },
      '2026',
      'All wards',
    );
    const cells = csv
      .split('\r\n')
      .slice(1, -1)
      .map((line) => line.split(',All wards,')[1]);
    expect(cells.slice(0, 6).every((c) => c?.startsWith(`"'`))).toBe(true);
    expect(cells[6]).toBe('plain words,5');
  });
});
