import type { MapTiles } from '@/components/map/types';
import { Details } from '@/components/ui/Details';
import { Table } from '@/components/ui/Table';
import type { ReportTable } from '@/lib/reports/table';
import { ReportChart, type ChartDatum } from './ReportChart';
import { WardMapFigure } from './WardMapFigure';

function chartData(table: ReportTable): { data: ChartDatum[]; series: { key: string; label: string }[] } | null {
  const chart = table.chart;
  if (!chart) return null;
  const series = chart.series.map((i) => ({ key: `s${i}`, label: table.columns[i].label }));
  const rows = table.rows.filter((r) => !(chart.skipTotals && r.total));
  const data = rows.map((r) => {
    const d: ChartDatum = { label: r.label };
    for (const i of chart.series) d[`s${i}`] = r.values[i]?.value ?? null;
    return d;
  });
  if (!data.some((d) => series.some((s) => typeof d[s.key] === 'number' && (d[s.key] as number) !== 0))) return null;
  return { data, series };
}

/**
 * One report table: its title, definition, map (when it has one and `mapTiles` are given), chart
 * (when it has one and something to draw), the table itself, and its CSV download. `screenOnly`
 * leaves it out of print (the headline figures' table repeats what a printed page already shows).
 */
export function ReportTableBlock({
  table,
  csvHref,
  headingLevel = 2,
  screenOnly,
  mapTiles,
}: {
  table: ReportTable;
  csvHref: string;
  headingLevel?: 2 | 3;
  screenOnly?: boolean;
  mapTiles?: MapTiles;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const headingId = `table-${table.id}`;
  const chart = chartData(table);
  return (
    <section className={screenOnly ? 'report-block no-print' : 'report-block'} aria-labelledby={headingId}>
      <Heading id={headingId} className="heading-m">
        {table.title}
      </Heading>
      <Details summary={`Definition: ${table.title.toLowerCase()}`} className="report-definition">
        {table.definition}
      </Details>
      {table.map && mapTiles ? <WardMapFigure map={table.map} tiles={mapTiles} tableTitle={table.title} /> : null}
      {chart ? (
        <ReportChart
          kind={table.chart!.kind}
          data={chart.data}
          series={chart.series}
          valueLabel={table.chart!.valueLabel}
          description={`Chart: ${table.title}. The same figures are in the table below.`}
        />
      ) : null}
      <Table
        caption={`${table.title} (table)`}
        captionSize="s"
        head={[table.labelHeader, ...table.columns.map((c) => ({ content: c.label, numeric: c.numeric }))]}
        rows={table.rows.map((r) => [
          { content: r.label, header: true, className: r.total ? 'font-bold' : undefined },
          ...r.values.map((v, i) => ({
            content: v.text,
            numeric: table.columns[i]?.numeric,
            className: r.total ? 'font-bold' : undefined,
          })),
        ])}
        rowKeys={table.rows.map((r) => r.key)}
      />
      {table.note ? <p className="body-s secondary-text">{table.note}</p> : null}
      <p className="no-print">
        <a href={csvHref} download>
          Download this table as CSV<span className="visually-hidden"> ({table.title})</span>
        </a>
      </p>
    </section>
  );
}
