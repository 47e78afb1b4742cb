import type { Tx } from '@/lib/db/client';
import { definitions as d } from '../definitions';
import type { ReportFilter } from '../filter';
import { monthLabel, monthsBetween, sourceLabels } from '../labels';
import { engagement } from '../sql/engagement';
import { funnel, type FunnelCounts } from '../sql/funnel';
import { referralsIn } from '../sql/referrals-in';
import { resolvedAtFirstContact } from '../sql/resolved-first-contact';
import { countTable, countValue, shareValue, type ReportSection } from '../table';
import { periodKeys } from './period';

export const FUNNEL_STAGES = [
  { key: 'received', label: 'Received' },
  { key: 'triaged', label: 'Triaged' },
  { key: 'firstContact', label: 'First contact' },
  { key: 'referredOut', label: 'Referred out to a service' },
  { key: 'accepted', label: 'Accepted by a service' },
  { key: 'attending', label: 'Attending' },
  { key: 'completed', label: 'Completed' },
  { key: 'closed', label: 'Case closed' },
] as const;

export type DemandData = {
  bySource: Awaited<ReturnType<typeof referralsIn>>;
  stages: FunnelCounts;
  resolved: { triaged: number; resolved: number };
  engaged: { counted: number; engaged: number };
};

export const EMPTY_DEMAND: DemandData = {
  bySource: [],
  stages: { received: 0, triaged: 0, firstContact: 0, referredOut: 0, accepted: 0, attending: 0, completed: 0, closed: 0 },
  resolved: { triaged: 0, resolved: 0 },
  engaged: { counted: 0, engaged: 0 },
};

export async function loadDemand(db: Tx, f: ReportFilter): Promise<DemandData> {
  const [bySource, stages, resolved, engaged] = await Promise.all([
    referralsIn(db, f),
    funnel(db, f),
    resolvedAtFirstContact(db, f),
    engagement(db, f),
  ]);
  return { bySource, stages, resolved, engaged };
}

export async function demandSection(db: Tx, f: ReportFilter): Promise<ReportSection> {
  return buildDemand(await loadDemand(db, f), f);
}

/** The section from its query results; received and the self-referral share are read from the source table, so they hide when it does. */
export function buildDemand(data: DemandData, f: ReportFilter): ReportSection {
  const { bySource, stages, resolved, engaged } = data;
  const sources = Object.keys(sourceLabels);
  const months = monthsBetween(...periodKeys(f));
  const share = (n: number, of: number) => shareValue(n, of);
  const sourceTable = countTable({
    id: 'by-source',
    title: 'Referrals received by month and source',
    definition: d['referrals-by-source'],
    labelHeader: 'Month',
    columns: sources.map((s) => ({ key: s, label: sourceLabels[s], numeric: true })),
    rows: months.map((m) => ({
      key: m,
      label: monthLabel(m),
      counts: sources.map((s) => bySource.find((r) => r.month === m && r.source === s)?.n ?? 0),
    })),
    rowTotals: true,
    columnTotals: true,
    chart: { kind: 'stacked', series: sources.map((_, i) => i), valueLabel: 'Cases received', skipTotals: true },
  });
  const totals = sourceTable.rows[sourceTable.rows.length - 1].values;
  const receivedValue = totals[sources.length];
  const selfValue = totals[sources.indexOf('self')];
  const received = bySource.reduce((s, r) => s + r.n, 0);
  const self = bySource.filter((r) => r.source === 'self').reduce((s, r) => s + r.n, 0);

  return {
    slug: 'demand',
    title: 'Demand and flow',
    summary: 'How many people were referred, by whom, and how far their cases went.',
    figures: [
      { id: 'referrals-received', label: 'Referrals received', value: receivedValue, definition: d['referrals-received'] },
      {
        id: 'self-referral-share',
        label: 'Self-referrals',
        value: shareValue(self, received, selfValue.value === null || receivedValue.value === null),
        definition: d['self-referral-share'],
        note: `${selfValue.text} of ${receivedValue.text} cases`,
      },
      {
        id: 'resolved-first-contact',
        label: 'Resolved at first contact',
        value: share(resolved.resolved, resolved.triaged),
        definition: d['resolved-first-contact'],
        note: `${countValue(resolved.resolved).text} of ${countValue(resolved.triaged).text} cases triaged`,
      },
      {
        id: 'engagement',
        label: 'Engagement',
        value: share(engaged.engaged, engaged.counted),
        definition: d.engagement,
        note: `${countValue(engaged.engaged).text} of ${countValue(engaged.counted).text} assigned cases`,
      },
    ],
    tables: [
      sourceTable,
      countTable({
        id: 'funnel',
        title: 'From referral to community support',
        definition: d.funnel,
        labelHeader: 'Stage reached',
        columns: [{ key: 'n', label: 'Cases', numeric: true }],
        rows: FUNNEL_STAGES.map((s) => ({ key: s.key, label: s.label, counts: [stages[s.key]] })),
        extra: [
          {
            column: { key: 'share', label: 'Share of cases received', numeric: true },
            value: ({ counts, marks }) => shareValue(counts[0], stages.received, marks[0] !== 'shown'),
          },
        ],
        chart: { kind: 'horizontal', series: [0], valueLabel: 'Cases' },
      }),
    ],
  };
}
