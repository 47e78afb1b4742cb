'use client';

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';

/** Okabe and Ito's palette: told apart with the common forms of colour blindness. */
export const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

export type ChartDatum = { label: string } & Record<string, number | string | null>;

export type ReportChartProps = {
  kind: 'bar' | 'stacked' | 'line' | 'horizontal';
  data: ChartDatum[];
  series: { key: string; label: string }[];
  valueLabel: string;
  /** Read by screen readers instead of the drawing: the same figures are in the table that follows. */
  description: string;
};

const axisTick = { fill: '#0b0c0c', fontSize: 14 };

/**
 * A chart drawn from a report table's published values (hidden values are gaps, never guesses).
 * The drawing is an image to assistive technology; the data table beside it carries the figures.
 */
export function ReportChart({ kind, data, series, valueLabel, description }: ReportChartProps) {
  const many = series.length > 1;
  const horizontal = kind === 'horizontal';
  const height = horizontal ? Math.max(160, 34 * data.length + 60) : 320;
  const common = { data, accessibilityLayer: false, responsive: true, style: { width: '100%', height } } as const;
  // Series in the table's order, and legend text in black (the swatch carries the colour).
  const legend = many ? (
    <Legend itemSorter="dataKey" formatter={(value) => <span style={{ color: '#0b0c0c' }}>{value}</span>} />
  ) : null;
  const tooltip = <Tooltip formatter={(v) => (v === null || v === undefined ? 'Not shown' : String(v))} />;

  let chart;
  if (kind === 'line') {
    chart = (
      <LineChart {...common} margin={{ top: 10, right: 20, bottom: 10, left: 10 }}>
        <CartesianGrid stroke="#b1b4b6" strokeDasharray="3 3" />
        <XAxis dataKey="label" tick={axisTick} />
        <YAxis tick={axisTick} label={{ value: valueLabel, angle: -90, position: 'insideLeft', fill: '#0b0c0c' }} />
        {tooltip}
        {legend}
        {series.map((s, i) => (
          <Line
            key={s.key}
            type="monotone"
            dataKey={s.key}
            name={s.label}
            stroke={OKABE_ITO[i % OKABE_ITO.length]}
            strokeWidth={3}
            strokeDasharray={i === 0 ? undefined : '6 3'}
            dot={{ r: 3 }}
            connectNulls={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    );
  } else if (horizontal) {
    chart = (
      <BarChart {...common} layout="vertical" margin={{ top: 10, right: 30, bottom: 10, left: 10 }}>
        <CartesianGrid stroke="#b1b4b6" strokeDasharray="3 3" horizontal={false} />
        <XAxis
          type="number"
          tick={axisTick}
          label={{ value: valueLabel, position: 'insideBottom', offset: -5, fill: '#0b0c0c' }}
        />
        <YAxis type="category" dataKey="label" width={220} tick={axisTick} />
        {tooltip}
        {legend}
        {series.map((s, i) => (
          <Bar key={s.key} dataKey={s.key} name={s.label} fill={OKABE_ITO[i % OKABE_ITO.length]} isAnimationActive={false} />
        ))}
      </BarChart>
    );
  } else {
    chart = (
      <BarChart {...common} margin={{ top: 10, right: 20, bottom: 10, left: 10 }}>
        <CartesianGrid stroke="#b1b4b6" strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={axisTick} />
        <YAxis tick={axisTick} label={{ value: valueLabel, angle: -90, position: 'insideLeft', fill: '#0b0c0c' }} />
        {tooltip}
        {legend}
        {series.map((s, i) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.label}
            stackId={kind === 'stacked' ? 'a' : undefined}
            fill={OKABE_ITO[i % OKABE_ITO.length]}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    );
  }

  return (
    <div className="report-chart" role="img" aria-label={description}>
      {chart}
    </div>
  );
}
