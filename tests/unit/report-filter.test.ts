import { describe, expect, it } from 'vitest';
import { csvFileName, tableCsv } from '@/lib/reports/csv';
import { fileNamePart, parseReportQuery, periodLabel, reportQueryString } from '@/lib/reports/filter';
import { monthsBetween } from '@/lib/reports/labels';
import { countTable } from '@/lib/reports/table';

const wards = [
  { id: '00000000-0000-4000-8000-000000000001', code: 'E05000001', name: 'Town Centre' },
  { id: '00000000-0000-4000-8000-000000000002', code: 'E05000002', name: 'St Mary\u2019s & Hill' },
];
// Monday 23 November 2026, midday in London (GMT).
const NOW = new Date('2026-11-23T12:00:00Z');

describe('report period and area from the URL', () => {
  it('defaults to the last 12 months ending today, all wards', () => {
    const q = parseReportQuery({}, wards, NOW);
    expect(q.period).toMatchObject({ preset: '12m', fromKey: '2025-11-24', toKey: '2026-11-23' });
    expect(q.filter.from.toISOString()).toBe('2025-11-24T00:00:00.000Z');
    expect(q.filter.to.toISOString()).toBe('2026-11-24T00:00:00.000Z');
    expect(q.ward).toBeNull();
    expect(q.errors).toEqual({});
    expect(reportQueryString(q)).toBe('');
  });

  it('starts and ends a custom period at London midnight, summer time included', () => {
    const q = parseReportQuery({ period: 'custom', from: '2026-04-01', to: '2026-06-30', ward: 'E05000002' }, wards, NOW);
    // 1 April 2026 is in British Summer Time: midnight in London is 23:00 the day before in UTC.
    expect(q.filter.from.toISOString()).toBe('2026-03-31T23:00:00.000Z');
    expect(q.filter.to.toISOString()).toBe('2026-06-30T23:00:00.000Z');
    expect(q.filter.wardId).toBe(wards[1].id);
    expect(periodLabel(q.period)).toBe('1 April 2026 to 30 June 2026');
    expect(reportQueryString(q)).toBe('?period=custom&from=2026-04-01&to=2026-06-30&ward=E05000002');
    expect(fileNamePart(q)).toBe('2026-04-01-to-2026-06-30_ward-e05000002-st-mary-s-hill');
  });

  it('treats dates without a preset as custom dates', () => {
    expect(parseReportQuery({ from: '2026-01-01', to: '2026-01-31' }, wards, NOW).period.preset).toBe('custom');
  });

  it('knows the financial years', () => {
    expect(parseReportQuery({ period: 'this-fy' }, wards, NOW).period).toMatchObject({
      fromKey: '2026-04-01',
      toKey: '2026-11-23',
    });
    expect(parseReportQuery({ period: 'last-fy' }, wards, NOW).period).toMatchObject({
      fromKey: '2025-04-01',
      toKey: '2026-03-31',
    });
  });

  it('falls back to the default with an error for dates that cannot be used', () => {
    const bad = parseReportQuery({ period: 'custom', from: '2026-02-30', to: '2026-01-01', ward: 'nowhere' }, wards, NOW);
    expect(bad.period.preset).toBe('12m');
    expect(bad.errors.from).toMatch(/real date/);
    expect(bad.errors.ward).toMatch(/ward/);
    const backwards = parseReportQuery({ period: 'custom', from: '2026-03-01', to: '2026-01-01' }, wards, NOW);
    expect(backwards.errors.to).toMatch(/after the start/);
    expect(parseReportQuery({ period: 'custom' }, wards, NOW).errors).toMatchObject({
      from: 'Enter the start date',
      to: 'Enter the end date',
    });
  });

  it('lists the months a period touches', () => {
    expect(monthsBetween('2025-11-24', '2026-02-03')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});

describe('CSV downloads', () => {
  it('defuse formulas in labels, a leading minus included, and start with a BOM when asked', () => {
    const table = countTable({
      id: 'x',
      title: 'X',
      definition: 'x',
      labelHeader: 'Reason',
      columns: [{ key: 'n', label: 'Referrals', numeric: true }],
      rows: [{ key: 'evil', label: '-1+HYPERLINK("http://example.com","Click")', counts: [30] }],
    });
    const csv = tableCsv(table, 'P', 'A', { bom: true });
    expect(csv.startsWith('\uFEFFPeriod,Area,Reason,Referrals\r\n')).toBe(true);
    expect(csv.split('\r\n')[1]).toBe(`P,A,"'-1+HYPERLINK(""http://example.com"",""Click"")",30`);
    expect(tableCsv(table, 'P', 'A').startsWith('Period')).toBe(true);
  });

  it('start with a header row and put the period and area on every row, hidden cells as on the page', () => {
    const table = countTable({
      id: 'declined',
      title: 'Declined',
      definition: 'x',
      labelHeader: 'Reason',
      columns: [{ key: 'n', label: 'Referrals', numeric: true }],
      rows: [
        { key: 'full', label: 'Full', counts: [3] },
        { key: 'other', label: 'Other', counts: [12] },
        { key: 'ne', label: 'Not eligible', counts: [30] },
      ],
      columnTotals: true,
    });
    expect(tableCsv(table, '1 April 2026 to 30 June 2026', 'All wards').split('\r\n')).toEqual([
      'Period,Area,Reason,Referrals',
      '1 April 2026 to 30 June 2026,All wards,Full,<5',
      '1 April 2026 to 30 June 2026,All wards,Other,Not shown',
      '1 April 2026 to 30 June 2026,All wards,Not eligible,30',
      '1 April 2026 to 30 June 2026,All wards,Total,45',
      '',
    ]);
    expect(csvFileName('unmet-need', 'declined', '2026-04-01-to-2026-06-30_all-wards')).toBe(
      'unmet-need_declined_2026-04-01-to-2026-06-30_all-wards.csv',
    );
  });
});

describe('the reports database client', () => {
  it('asks for read-only sessions without JIT, keeping any options already given', async () => {
    const { reportsDatabaseUrl } = await import('@/lib/reports/db');
    const url = new URL(reportsDatabaseUrl('postgresql://u@host:5432/db?options=-c%20search_path%3Dpublic'));
    expect(url.searchParams.get('options')).toBe(
      '-c search_path=public -c jit=off -c work_mem=32MB -c default_transaction_read_only=on',
    );
    expect(url.pathname).toBe('/db');
  });
});
