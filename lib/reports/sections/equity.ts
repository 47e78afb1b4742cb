import type { Tx } from '@/lib/db/client';
import { formatNumber } from '@/lib/format/numbers';
import { definitions as d } from '../definitions';
import type { ReportFilter } from '../filter';
import { ethnicityLabels, labelFor, quintileLabels } from '../labels';
import { AGE_BANDS, equityAge } from '../sql/equity-age';
import { equityDeprivation } from '../sql/equity-deprivation';
import { equityEthnicity } from '../sql/equity-ethnicity';
import { countTable, ratePerThousand, shareValue, type ReportSection, type Value } from '../table';

function populationShare(n: number, of: number): Value {
  if (of === 0) return { text: '', value: null };
  const pct = (n / of) * 100;
  return { text: `${formatNumber(pct, 1)}%`, value: Math.round(pct * 10) / 10 };
}

export async function equitySection(db: Tx, f: ReportFilter): Promise<ReportSection> {
  const [deprivation, age, ethnicity] = await Promise.all([equityDeprivation(db, f), equityAge(db, f), equityEthnicity(db, f)]);
  const quintiles = [1, 2, 3, 4, 5].map(
    (q) =>
      deprivation.find((r) => r.quintile === q) ?? { quintile: q, population: 0, received: 0, closed: 0, communityOption: 0 },
  );
  const unknownArea = deprivation.find((r) => r.quintile === null);
  const rows = [...quintiles, ...(unknownArea && (unknownArea.received || unknownArea.closed) ? [unknownArea] : [])];
  const population = rows.reduce((s, r) => s + r.population, 0);
  const receivedKnown = quintiles.reduce((s, r) => s + r.received, 0);
  const rowKey = (q: number | null) => (q === null ? 'unknown' : String(q));
  const byKey = new Map(rows.map((r) => [rowKey(r.quintile), r]));

  const ageKeys = [
    ...AGE_BANDS,
    ...age
      .map((a) => a.band)
      .filter((b) => b !== '' && !(AGE_BANDS as readonly string[]).includes(b))
      .sort(),
    ...(age.some((a) => a.band === '') ? [''] : []),
  ];
  const ageKnown = age.filter((a) => a.band !== '').reduce((s, a) => s + a.n, 0);

  const ethnicityKeys = [
    ...Object.keys(ethnicityLabels).filter((k) => k !== '' && k !== 'declined' && ethnicity.some((e) => e.ethnicity === k)),
    ...ethnicity
      .map((e) => e.ethnicity)
      .filter((k) => !(k in ethnicityLabels))
      .sort(),
    'declined',
    '',
  ];
  const recorded = ethnicity.filter((e) => e.ethnicity !== '' && e.ethnicity !== 'declined').reduce((s, e) => s + e.n, 0);

  const deprivationTable = countTable({
    id: 'deprivation',
    title: 'Referrals by deprivation quintile, against the population',
    definition: d['equity-deprivation'],
    labelHeader: 'Deprivation quintile (IMD)',
    columns: [{ key: 'n', label: 'Cases received', numeric: true }],
    rows: rows.map((r) => ({
      key: rowKey(r.quintile),
      label: r.quintile === null ? 'Area not known' : quintileLabels[String(r.quintile)],
      counts: [r.received],
    })),
    columnTotals: true,
    extra: [
      {
        column: { key: 'share', label: 'Share of cases (known area)', numeric: true },
        value: ({ key, counts, marks }) =>
          key === 'unknown' || key === 'total'
            ? { text: '', value: null }
            : shareValue(counts[0], receivedKnown, marks[0] !== 'shown'),
      },
      {
        column: { key: 'population', label: 'People living there', numeric: true },
        value: ({ key }) => {
          const p = key === 'total' ? population : byKey.get(key)?.population;
          return key === 'unknown' || p === undefined ? { text: '', value: null } : { text: formatNumber(p), value: p };
        },
      },
      {
        column: { key: 'population-share', label: 'Share of population', numeric: true },
        value: ({ key }) =>
          key === 'unknown' || key === 'total'
            ? { text: '', value: null }
            : populationShare(byKey.get(key)?.population ?? 0, population),
      },
      {
        column: { key: 'rate', label: 'Per 1,000 people', numeric: true },
        value: ({ key, counts, marks }) => {
          if (key === 'unknown') return { text: '', value: null };
          return ratePerThousand(
            key === 'total' ? receivedKnown : counts[0],
            key === 'total' ? population : (byKey.get(key)?.population ?? 0),
            marks[0] !== 'shown',
          );
        },
      },
    ],
    chart: { kind: 'bar', series: [4], valueLabel: 'Cases per 1,000 people', skipTotals: true },
    note: 'The total\u2019s rate counts only cases with a known area.',
  });
  // The headline rates are the table's own cells, so they are hidden exactly when the table hides them.
  const rate = (q: string): Value => deprivationTable.rows.find((r) => r.key === q)?.values[4] ?? ratePerThousand(0, 0);

  return {
    slug: 'equity',
    title: 'Equity',
    summary:
      'Who is reached: referrals and outcomes by deprivation, age and ethnic group, against the population where it is known.',
    figures: [
      {
        id: 'equity-q1',
        label: 'Referrals per 1,000 people, most deprived fifth',
        value: rate('1'),
        definition: d['equity-deprivation'],
      },
      {
        id: 'equity-q5',
        label: 'Referrals per 1,000 people, least deprived fifth',
        value: rate('5'),
        definition: d['equity-deprivation'],
      },
    ],
    tables: [
      deprivationTable,
      countTable({
        id: 'deprivation-outcomes',
        title: 'Outcomes by deprivation quintile',
        definition: d['equity-outcomes'],
        labelHeader: 'Deprivation quintile (IMD)',
        columns: [
          { key: 'closed', label: 'Cases closed', numeric: true },
          { key: 'taken', label: 'Took a community option', numeric: true },
        ],
        rows: rows.map((r) => ({
          key: rowKey(r.quintile),
          label: r.quintile === null ? 'Area not known' : quintileLabels[String(r.quintile)],
          counts: [r.closed, r.communityOption],
        })),
        columnTotals: true,
        extra: [
          {
            column: { key: 'share', label: 'Share who took a community option', numeric: true },
            value: ({ counts, marks }) => shareValue(counts[1], counts[0], marks[0] !== 'shown' || marks[1] !== 'shown'),
          },
        ],
        chart: { kind: 'bar', series: [2], valueLabel: 'Share (%)', skipTotals: true },
      }),
      countTable({
        id: 'age',
        title: 'Referrals by age band',
        definition: d['equity-age'],
        labelHeader: 'Age when referred',
        columns: [{ key: 'n', label: 'Cases received', numeric: true }],
        rows: ageKeys.map((b) => ({
          key: b || 'unknown',
          label: b || 'Not recorded',
          counts: [age.find((a) => a.band === b)?.n ?? 0],
        })),
        columnTotals: true,
        extra: [
          {
            column: { key: 'share', label: 'Share (known age)', numeric: true },
            value: ({ key, counts, marks }) =>
              key === 'unknown' || key === 'total'
                ? { text: '', value: null }
                : shareValue(counts[0], ageKnown, marks[0] !== 'shown'),
          },
        ],
        chart: { kind: 'bar', series: [0], valueLabel: 'Cases received', skipTotals: true },
      }),
      countTable({
        id: 'ethnicity',
        title: 'Referrals by ethnic group, where recorded',
        definition: d['equity-ethnicity'],
        labelHeader: 'Ethnic group',
        columns: [{ key: 'n', label: 'Cases received', numeric: true }],
        rows: ethnicityKeys.map((k) => ({
          key: k || 'unknown',
          label: labelFor(ethnicityLabels, k),
          counts: [ethnicity.find((e) => e.ethnicity === k)?.n ?? 0],
        })),
        columnTotals: true,
        extra: [
          {
            column: { key: 'share', label: 'Share of those recorded', numeric: true },
            value: ({ key, counts, marks }) =>
              key === 'unknown' || key === 'declined' || key === 'total'
                ? { text: '', value: null }
                : shareValue(counts[0], recorded, marks[0] !== 'shown'),
          },
        ],
        chart: { kind: 'horizontal', series: [0], valueLabel: 'Cases received', skipTotals: true },
      }),
    ],
  };
}
