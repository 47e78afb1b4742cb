// The shape every report figure and table takes once suppression has been applied. Only these
// (never the raw counts) leave lib/reports for pages, charts and CSV downloads.
import { formatNumber } from '@/lib/format/numbers';
import { canShowFiguresBuiltOn, canShowShare, countText, isSmall, NOT_SHOWN_TEXT, suppressGrid, type Mark } from './suppress';
import type { WardMap } from './ward-map';

/** One published value: the text to show, and the number behind it when it may be shown. */
export type Value = { text: string; value: number | null };

export type Column = { key: string; label: string; numeric?: boolean };

export type Row = { key: string; label: string; values: Value[]; total?: boolean };

export type ChartSpec = {
  kind: 'bar' | 'stacked' | 'line' | 'horizontal';
  /** Indexes into `columns` of the series to draw. */
  series: number[];
  /** Axis label for the values ("Cases", "Days", "Per 1,000 people"). */
  valueLabel: string;
  /** Leave out total rows from the chart (they are in the table). */
  skipTotals?: boolean;
};

export type ReportTable = {
  id: string;
  title: string;
  /** One line: what is counted and what is not. Shown in a details/summary and in docs/measures.md. */
  definition: string;
  /** Heading of the first column (the row labels). */
  labelHeader: string;
  columns: Column[];
  rows: Row[];
  chart?: ChartSpec;
  /** A map of the table's ward rows, drawn from its published values. */
  map?: WardMap;
  note?: string;
};

export type Figure = {
  id: string;
  label: string;
  value: Value;
  definition: string;
  note?: string;
};

export type ReportSection = {
  slug: SectionSlug;
  title: string;
  summary: string;
  figures: Figure[];
  tables: ReportTable[];
};

export const SECTION_SLUGS = ['unmet-need', 'demand', 'waiting', 'outcomes', 'supply', 'equity'] as const;
export type SectionSlug = (typeof SECTION_SLUGS)[number];

// ---------- values ----------

export const NONE: Value = { text: 'None', value: null };

export function countValue(n: number, mark: Mark = isSmall(n) ? 'primary' : 'shown'): Value {
  return { text: countText(n, mark), value: mark === 'shown' ? n : null };
}

/** A share as a percentage, hidden when built on a count from 1 to 4 (or a hidden count). */
export function shareValue(numerator: number, denominator: number, hidden = false): Value {
  if (denominator === 0) return { text: 'No cases', value: null };
  if (hidden || !canShowShare(numerator, denominator)) return { text: NOT_SHOWN_TEXT, value: null };
  const pct = (numerator / denominator) * 100;
  return { text: `${formatNumber(pct, 1)}%`, value: Math.round(pct * 10) / 10 };
}

/** Per 1,000 people, hidden when the count is from 1 to 4 (or hidden). */
export function ratePerThousand(count: number, population: number, hidden = false): Value {
  if (population <= 0) return { text: 'No population', value: null };
  if (hidden || isSmall(count)) return { text: NOT_SHOWN_TEXT, value: null };
  const rate = (count / population) * 1000;
  return { text: formatNumber(rate, 1), value: Math.round(rate * 10) / 10 };
}

/** A statistic (median, percentile, mean) built on `n` people; hidden for 1 to 4, "None" for 0. */
export function statValue(stat: number | null, n: number, digits = 1, unit = ''): Value {
  if (n === 0) return { text: 'None', value: null };
  if (!canShowFiguresBuiltOn(n)) return { text: NOT_SHOWN_TEXT, value: null };
  if (stat === null) return { text: 'None', value: null };
  const rounded = Math.round(stat * 10 ** digits) / 10 ** digits;
  return { text: `${formatNumber(rounded, digits)}${unit}`, value: rounded };
}

/** A plain number that is not about people (services, for example): never suppressed. */
export function plainValue(n: number, digits = 0): Value {
  return { text: formatNumber(n, digits), value: n };
}

export function textValue(text: string): Value {
  return { text, value: null };
}

// ---------- tables of counts ----------

export type CountRow = { key: string; label: string; counts: number[] };

/** What a worked-out column sees of its row: index -1 and key 'total' for the total row. */
export type ExtraContext = { index: number; key: string; counts: number[]; marks: Mark[]; total: number; totalMark: Mark };

/**
 * A table of counts with suppression applied. `rowTotals` adds a Total column, `columnTotals` a
 * Total row; either makes the lines it closes subject to secondary suppression.
 * `extra` adds columns worked out from each row's counts and marks (rates, shares), so a figure
 * built on a hidden count is hidden too.
 */
export function countTable(spec: {
  id: string;
  title: string;
  definition: string;
  labelHeader: string;
  columns: Column[];
  rows: CountRow[];
  rowTotals?: boolean;
  columnTotals?: boolean;
  totalLabel?: string;
  extra?: { column: Column; value: (row: ExtraContext) => Value }[];
  chart?: ChartSpec;
  note?: string;
}): ReportTable {
  const cells = spec.rows.map((r) => r.counts);
  const marks = suppressGrid(cells, { rowTotals: spec.rowTotals, columnTotals: spec.columnTotals });
  const columns = [
    ...spec.columns,
    ...(spec.rowTotals ? [{ key: 'total', label: 'Total', numeric: true }] : []),
    ...(spec.extra ?? []).map((e) => e.column),
  ];
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const rows: Row[] = spec.rows.map((r, i) => {
    const rowMarks = marks.cells[i];
    const total = sum(r.counts);
    const values = r.counts.map((n, c) => countValue(n, rowMarks[c]));
    if (spec.rowTotals) values.push(countValue(total, marks.rowTotals![i]));
    for (const e of spec.extra ?? [])
      values.push(
        e.value({ index: i, key: r.key, counts: r.counts, marks: rowMarks, total, totalMark: marks.rowTotals?.[i] ?? 'shown' }),
      );
    return { key: r.key, label: r.label, values };
  });
  if (spec.columnTotals) {
    const colSums = spec.columns.map((_, c) => sum(cells.map((row) => row[c] ?? 0)));
    const totalMarks = marks.columnTotals ?? colSums.map(() => 'shown' as Mark);
    const values = colSums.map((n, c) => countValue(n, totalMarks[c]));
    const grand = sum(colSums);
    if (spec.rowTotals) values.push(countValue(grand, marks.grandTotal));
    for (const e of spec.extra ?? [])
      values.push(
        e.value({
          index: -1,
          key: 'total',
          counts: colSums,
          marks: totalMarks,
          total: grand,
          totalMark: marks.grandTotal ?? 'shown',
        }),
      );
    rows.push({ key: 'total', label: spec.totalLabel ?? 'Total', values, total: true });
  }
  return {
    id: spec.id,
    title: spec.title,
    definition: spec.definition,
    labelHeader: spec.labelHeader,
    columns,
    rows,
    chart: spec.chart,
    note: spec.note,
  };
}

/** Columns for a table's counts, one per label. */
export function countColumns(labels: readonly { key: string; label: string }[]): Column[] {
  return labels.map((l) => ({ key: l.key, label: l.label, numeric: true }));
}

/** Every value of a table as text rows, header first (for CSV). */
export function tableAsText(table: ReportTable): string[][] {
  return [
    [table.labelHeader, ...table.columns.map((c) => c.label)],
    ...table.rows.map((r) => [r.label, ...r.values.map((v) => v.text)]),
  ];
}

/** The section's headline figures as a table, so they download like every other table. */
export function figuresTable(section: Pick<ReportSection, 'slug' | 'title' | 'figures'>): ReportTable {
  return {
    id: 'figures',
    title: `${section.title}: headline figures`,
    definition: 'The headline figures above, with their definitions.',
    labelHeader: 'Figure',
    columns: [
      { key: 'value', label: 'Value' },
      { key: 'definition', label: 'Definition' },
    ],
    rows: section.figures.map((f) => ({ key: f.id, label: f.label, values: [f.value, textValue(f.definition)] })),
  };
}

/** Every table of a section, the headline figures first. */
export function allTables(section: ReportSection): ReportTable[] {
  return [figuresTable(section), ...section.tables];
}
