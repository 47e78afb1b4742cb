import type { Tx } from '@/lib/db/client';
import { definitions as d } from '../definitions';
import type { ReportFilter } from '../filter';
import { monthLabel, monthsBetween } from '../labels';
import { WAIT_BANDS, waitingNow } from '../sql/waiting-now';
import { waitingTimes } from '../sql/waiting-times';
import { countTable, countValue, statValue, type ReportSection } from '../table';
import { periodKeys } from './period';

const days = (v: { text: string; value: number | null }) =>
  v.value === null ? v : { ...v, text: `${v.text} ${v.value === 1 ? 'day' : 'days'}` };

export type WaitingData = { times: Awaited<ReturnType<typeof waitingTimes>>; now: Awaited<ReturnType<typeof waitingNow>> };

export async function loadWaiting(db: Tx, f: ReportFilter): Promise<WaitingData> {
  const [times, now] = await Promise.all([waitingTimes(db, f), waitingNow(db, f)]);
  return { times, now };
}

export async function waitingSection(db: Tx, f: ReportFilter): Promise<ReportSection> {
  return buildWaiting(await loadWaiting(db, f), f);
}

export function buildWaiting(data: WaitingData, f: ReportFilter): ReportSection {
  const { times, now } = data;
  const overall = times.find((t) => t.month === null) ?? { n: 0, median: null, p90: null };
  const months = monthsBetween(...periodKeys(f));
  const nowTable = countTable({
    id: 'waiting-now',
    title: 'Waiting for a first contact now, by time waited',
    definition: d['waiting-now'],
    labelHeader: 'Time waited so far',
    columns: [{ key: 'n', label: 'Cases', numeric: true }],
    rows: WAIT_BANDS.map((b) => ({ key: b.key, label: b.label, counts: [now.find((r) => r.band === b.key)?.n ?? 0] })),
    columnTotals: true,
    chart: { kind: 'bar', series: [0], valueLabel: 'Cases waiting', skipTotals: true },
  });
  const waitingNowValue = nowTable.rows[nowTable.rows.length - 1].values[0];

  return {
    slug: 'waiting',
    title: 'Waiting',
    summary: 'How long people waited from referral to a first conversation, and who is waiting now.',
    figures: [
      {
        id: 'wait-median',
        label: 'Median wait to first contact',
        value: days(statValue(overall.median, overall.n)),
        definition: d['wait-median'],
      },
      {
        id: 'wait-p90',
        label: '90th percentile wait',
        value: days(statValue(overall.p90, overall.n)),
        definition: d['wait-p90'],
      },
      { id: 'wait-first-contacts', label: 'First contacts', value: countValue(overall.n), definition: d['wait-first-contacts'] },
      { id: 'waiting-now', label: 'Waiting for a first contact now', value: waitingNowValue, definition: d['waiting-now'] },
    ],
    tables: [
      countTable({
        id: 'by-month',
        title: 'Wait to first contact by month',
        definition: d['wait-by-month'],
        labelHeader: 'Month of first contact',
        columns: [{ key: 'n', label: 'First contacts', numeric: true }],
        rows: months.map((m) => ({ key: m, label: monthLabel(m), counts: [times.find((t) => t.month === m)?.n ?? 0] })),
        extra: [
          {
            column: { key: 'median', label: 'Median (days)', numeric: true },
            value: ({ key, counts }) => statValue(times.find((t) => t.month === key)?.median ?? null, counts[0]),
          },
          {
            column: { key: 'p90', label: '90th percentile (days)', numeric: true },
            value: ({ key, counts }) => statValue(times.find((t) => t.month === key)?.p90 ?? null, counts[0]),
          },
        ],
        chart: { kind: 'line', series: [1, 2], valueLabel: 'Days' },
      }),
      nowTable,
    ],
  };
}
