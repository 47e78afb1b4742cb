import type { Tx } from '@/lib/db/client';
import { formatNumber } from '@/lib/format/numbers';
import { definitions as d } from '../definitions';
import type { ReportFilter } from '../filter';
import { labelFor, outcomeLabels, questionLabels } from '../labels';
import { caseload } from '../sql/caseload';
import { closingOutcomes } from '../sql/closing-outcomes';
import { communityOption } from '../sql/community-option';
import { CONTACT_BANDS, contactsPerCase } from '../sql/contacts-per-case';
import { wellbeingChange } from '../sql/wellbeing-change';
import { canShowFiguresBuiltOn, NOT_SHOWN_TEXT } from '../suppress';
import { countTable, countValue, shareValue, statValue, type ReportSection, type Value } from '../table';
import { periodDays } from './period';

/** A signed change ("+1.3", "-0.5"), hidden when built on fewer than 5 cases. */
function changeValue(change: number | null, n: number): Value {
  const v = statValue(change, n, 2);
  if (v.value === null) return v;
  return { ...v, text: `${v.value > 0 ? '+' : v.value < 0 ? '\u2212' : ''}${formatNumber(Math.abs(v.value), 2)}` };
}

export type OutcomesData = {
  wellbeing: Awaited<ReturnType<typeof wellbeingChange>>;
  outcomes: Awaited<ReturnType<typeof closingOutcomes>>;
  option: Awaited<ReturnType<typeof communityOption>>;
  contacts: Awaited<ReturnType<typeof contactsPerCase>>;
  load: Awaited<ReturnType<typeof caseload>>;
};

export const EMPTY_OUTCOMES: Omit<OutcomesData, 'wellbeing'> = {
  outcomes: [],
  option: { closed: 0, taken: 0 },
  contacts: { n: 0, median: null, bands: {} },
  load: { workers: 0, median: null, lowest: null, highest: null, openCases: 0, assignedInPeriod: 0, workersAssigned: 0 },
};

export async function loadOutcomes(db: Tx, f: ReportFilter): Promise<OutcomesData> {
  const [wellbeing, outcomes, option, contacts, load] = await Promise.all([
    wellbeingChange(db, f),
    closingOutcomes(db, f),
    communityOption(db, f),
    contactsPerCase(db, f),
    caseload(db, f),
  ]);
  return { wellbeing, outcomes, option, contacts, load };
}

export async function outcomesSection(db: Tx, f: ReportFilter): Promise<ReportSection> {
  return buildOutcomes(await loadOutcomes(db, f), f);
}

/** The section from its query results; the headline share improved is the wellbeing table's own cell. */
export function buildOutcomes(data: OutcomesData, f: ReportFilter): ReportSection {
  const { wellbeing, outcomes, option, contacts, load } = data;
  const wellbeingTable = countTable({
    id: 'wellbeing',
    title: 'Wellbeing (ONS4) change between first and closing answers',
    definition: d['wellbeing-change'],
    labelHeader: 'Question',
    columns: [
      { key: 'improved', label: 'Improved', numeric: true },
      { key: 'same', label: 'No change', numeric: true },
      { key: 'worse', label: 'Worse', numeric: true },
    ],
    rows: wellbeing.map((w) => ({
      key: w.question,
      label: labelFor(questionLabels, w.question),
      counts: [w.improved, w.same, w.worse],
    })),
    rowTotals: true,
    extra: [
      {
        column: { key: 'share', label: 'Share improved', numeric: true },
        value: ({ counts, marks, total, totalMark }) =>
          shareValue(counts[0], total, marks[0] !== 'shown' || totalMark !== 'shown'),
      },
      {
        column: { key: 'first', label: 'Mean first score', numeric: true },
        value: ({ index, total }) => statValue(wellbeing[index].meanFirst, total, 2),
      },
      {
        column: { key: 'closing', label: 'Mean closing score', numeric: true },
        value: ({ index, total }) => statValue(wellbeing[index].meanClosing, total, 2),
      },
      {
        column: { key: 'change', label: 'Mean change', numeric: true },
        value: ({ index, total }) => changeValue(wellbeing[index].meanChange, total),
      },
    ],
    chart: { kind: 'bar', series: [4], valueLabel: 'Share improved (%)' },
    note: 'Scores run from 0 to 10. For anxiety a fall is an improvement. The total is the number of closed cases with both answers to that question.',
  });
  const lifeRow = wellbeingTable.rows.find((r) => r.key === 'life_satisfaction')!;
  const closedTotal = outcomes.reduce((s, r) => s + r.n, 0);
  const outcomeKeys = [
    ...Object.keys(outcomeLabels).filter((k) => k !== ''),
    ...(outcomes.some((o) => o.outcome === '') ? [''] : []),
  ];
  const perYear = load.workersAssigned > 0 ? (load.assignedInPeriod / load.workersAssigned) * (365 / periodDays(f)) : null;
  const enoughWorkers = canShowFiguresBuiltOn(load.workers);
  const hiddenUnlessWorkers = (v: Value): Value =>
    enoughWorkers || v.value === null ? v : { text: NOT_SHOWN_TEXT, value: null };

  return {
    slug: 'outcomes',
    title: 'Outcomes',
    summary: 'What changed for people whose cases closed: wellbeing, how cases ended, and the work it took.',
    figures: [
      {
        id: 'wellbeing-improved',
        label: 'Life satisfaction improved',
        value: lifeRow.values[4],
        definition: d['wellbeing-improved'],
        note: `${lifeRow.values[0].text} of ${lifeRow.values[3].text} closed cases with both answers`,
      },
      {
        id: 'community-option',
        label: 'Took a community option',
        value: shareValue(option.taken, option.closed),
        definition: d['community-option'],
        note: `${countValue(option.taken).text} of ${countValue(option.closed).text} closed cases`,
      },
      {
        id: 'contacts-per-case',
        label: 'Conversations per closed case (median)',
        value: statValue(contacts.median, contacts.n),
        definition: d['contacts-per-case'],
      },
      {
        id: 'caseload',
        label: 'Open cases per link worker (median)',
        value: statValue(load.median, load.workers),
        definition: d.caseload,
      },
    ],
    tables: [
      wellbeingTable,
      countTable({
        id: 'closing-outcomes',
        title: 'Cases closed, by outcome',
        definition: d['closing-outcomes'],
        labelHeader: 'Outcome',
        columns: [{ key: 'n', label: 'Cases', numeric: true }],
        rows: outcomeKeys.map((k) => ({
          key: k || 'none',
          label: labelFor(outcomeLabels, k),
          counts: [outcomes.find((o) => o.outcome === k)?.n ?? 0],
        })),
        columnTotals: true,
        extra: [
          {
            column: { key: 'share', label: 'Share of cases closed', numeric: true },
            value: ({ counts, marks }) => shareValue(counts[0], closedTotal, marks[0] !== 'shown'),
          },
        ],
        chart: { kind: 'horizontal', series: [0], valueLabel: 'Cases closed', skipTotals: true },
      }),
      countTable({
        id: 'contacts',
        title: 'Conversations per closed case',
        definition: d['contacts-per-case'],
        labelHeader: 'Conversations',
        columns: [{ key: 'n', label: 'Cases closed', numeric: true }],
        rows: CONTACT_BANDS.map((b) => ({ key: b.key, label: b.label, counts: [contacts.bands[b.key] ?? 0] })),
        columnTotals: true,
        chart: { kind: 'bar', series: [0], valueLabel: 'Cases closed', skipTotals: true },
      }),
      {
        id: 'caseload',
        title: 'Caseload per link worker',
        definition: d.caseload,
        labelHeader: 'Measure',
        columns: [{ key: 'value', label: 'Value', numeric: true }],
        rows: [
          {
            key: 'workers',
            label: 'Link workers with open cases',
            values: [{ text: formatNumber(load.workers), value: load.workers }],
          },
          { key: 'median', label: 'Open cases per worker: median', values: [statValue(load.median, load.workers)] },
          {
            key: 'lowest',
            label: 'Open cases per worker: lowest',
            values: [hiddenUnlessWorkers(load.lowest === null ? { text: 'None', value: null } : countValue(load.lowest))],
          },
          {
            key: 'highest',
            label: 'Open cases per worker: highest',
            values: [hiddenUnlessWorkers(load.highest === null ? { text: 'None', value: null } : countValue(load.highest))],
          },
          {
            key: 'per-year',
            label: 'Cases assigned per worker per year',
            values: [
              perYear === null
                ? { text: 'None', value: null }
                : canShowFiguresBuiltOn(load.workersAssigned)
                  ? statValue(perYear, load.assignedInPeriod, 0)
                  : { text: NOT_SHOWN_TEXT, value: null },
            ],
          },
        ],
        note: 'The NHS model plans for a caseload of 200 to 250 people a year per link worker. Figures built on fewer than 5 workers are not shown.',
      },
    ],
  };
}
