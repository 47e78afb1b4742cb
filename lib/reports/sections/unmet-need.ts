import type { Tx } from '@/lib/db/client';
import { definitions as d } from '../definitions';
import type { ReportFilter } from '../filter';
import { declineReasonLabels, labelFor, monthLabel, monthsBetween, unmetReasonLabels } from '../labels';
import { declinedByReason } from '../sql/declined-by-reason';
import { unmetByMonth } from '../sql/unmet-by-month';
import { unmetByThemeReason } from '../sql/unmet-by-theme-reason';
import { unmetByWard } from '../sql/unmet-by-ward';
import { wardCentres } from '../sql/ward-centres';
import { waitingLists } from '../sql/waiting-lists';
import { zeroSearchTerms } from '../sql/zero-search-terms';
import { zeroSearchThemes } from '../sql/zero-search-themes';
import { zeroSearchWards } from '../sql/zero-search-wards';
import { countTable, countValue, ratePerThousand, plainValue, type ReportSection, type ReportTable } from '../table';
import { buildWardMap } from '../ward-map';
import { periodKeys } from './period';

export type UnmetNeedData = {
  byThemeReason: Awaited<ReturnType<typeof unmetByThemeReason>>;
  byWard: Awaited<ReturnType<typeof unmetByWard>>;
  byMonth: Awaited<ReturnType<typeof unmetByMonth>>;
  terms: Awaited<ReturnType<typeof zeroSearchTerms>>;
  themes: Awaited<ReturnType<typeof zeroSearchThemes>>;
  searchWards: Awaited<ReturnType<typeof zeroSearchWards>>;
  declined: Awaited<ReturnType<typeof declinedByReason>>;
  lists: Awaited<ReturnType<typeof waitingLists>>;
  centres: Awaited<ReturnType<typeof wardCentres>>;
};

export const EMPTY_UNMET: UnmetNeedData = {
  byThemeReason: [],
  byWard: [],
  byMonth: [],
  terms: { top: [], withWords: 0 },
  themes: [],
  searchWards: [],
  declined: [],
  lists: [],
  centres: [],
};

export async function loadUnmetNeed(db: Tx, f: ReportFilter): Promise<UnmetNeedData> {
  const [byThemeReason, byWard, byMonth, terms, themes, searchWards, declined, lists, centres] = await Promise.all([
    unmetByThemeReason(db, f),
    unmetByWard(db, f),
    unmetByMonth(db, f),
    zeroSearchTerms(db, f),
    zeroSearchThemes(db, f),
    zeroSearchWards(db, f),
    declinedByReason(db, f),
    waitingLists(db, f),
    wardCentres(db, f),
  ]);
  return { byThemeReason, byWard, byMonth, terms, themes, searchWards, declined, lists, centres };
}

export async function unmetNeedSection(db: Tx, f: ReportFilter): Promise<ReportSection> {
  return buildUnmetNeed(await loadUnmetNeed(db, f), f);
}

/** The section from its query results. Headline figures are cells of its tables, so they are hidden exactly when the tables hide them. */
export function buildUnmetNeed(data: UnmetNeedData, f: ReportFilter): ReportSection {
  const { byThemeReason, byWard, byMonth, terms, themes, searchWards, declined, lists, centres } = data;

  const all = lists.find((l) => l.theme === '') ?? { added: 0, stillWaiting: 0 };

  // Theme by reason: every reason as a column, themes that have any item as rows.
  const reasons = Object.keys(unmetReasonLabels);
  const themeNames = [...new Set(byThemeReason.map((r) => r.theme))].sort((a, b) => a.localeCompare(b));
  const themeRows = themeNames.map((theme) => ({
    key: theme,
    label: theme,
    counts: reasons.map((reason) => byThemeReason.find((r) => r.theme === theme && r.reason === reason)?.n ?? 0),
  }));
  // Reasons nobody used make empty columns: leave them out unless there is nothing at all.
  const usedReasons = reasons.filter((_, i) => themeRows.some((r) => r.counts[i] > 0));
  const reasonIdx = (usedReasons.length ? usedReasons : reasons).map((r) => reasons.indexOf(r));

  const population = new Map(byWard.map((w) => [w.wardId ?? 'unknown', w.population]));
  const totalPopulation = byWard.reduce((s, w) => s + w.population, 0);
  const months = monthsBetween(...periodKeys(f));

  const byTheme = countTable({
    id: 'by-theme',
    title: 'Unmet need by theme and reason',
    definition: d['unmet-by-theme'],
    labelHeader: 'Need theme',
    columns: reasonIdx.map((i) => ({ key: reasons[i], label: unmetReasonLabels[reasons[i]], numeric: true })),
    rows: themeRows.map((r) => ({ ...r, counts: reasonIdx.map((i) => r.counts[i]) })),
    rowTotals: true,
    columnTotals: true,
    chart: { kind: 'horizontal', series: [reasonIdx.length], valueLabel: 'Items recorded', skipTotals: true },
  });
  const byWardCounts = countTable({
    id: 'by-ward',
    title: 'Unmet need by ward, per 1,000 people',
    definition: d['unmet-by-ward'],
    labelHeader: 'Ward',
    columns: [{ key: 'n', label: 'Items recorded', numeric: true }],
    rows: byWard.map((w) => ({ key: w.wardId ?? 'unknown', label: w.ward ?? 'Place not known', counts: [w.n] })),
    columnTotals: true,
    totalLabel: 'All wards',
    extra: [
      {
        column: { key: 'population', label: 'People living in the ward', numeric: true },
        value: ({ key }) =>
          key === 'unknown'
            ? { text: '', value: null }
            : plainValue(key === 'total' ? totalPopulation : (population.get(key) ?? 0)),
      },
      {
        column: { key: 'rate', label: 'Per 1,000 people', numeric: true },
        value: ({ key, counts, marks }) =>
          key === 'unknown'
            ? { text: '', value: null }
            : ratePerThousand(counts[0], key === 'total' ? totalPopulation : (population.get(key) ?? 0), marks[0] !== 'shown'),
      },
    ],
    chart: { kind: 'horizontal', series: [2], valueLabel: 'Per 1,000 people', skipTotals: true },
  });
  // The map beside the table is drawn from the table's published (suppressed) values only.
  const byWardTable: ReportTable = { ...byWardCounts, map: buildWardMap(byWardCounts, centres, d['unmet-ward-map']) };
  const searchWardTable = countTable({
    id: 'search-wards',
    title: 'Searches that found nothing, by ward',
    definition: d['zero-search-wards'],
    labelHeader: 'Ward searched from',
    columns: [{ key: 'n', label: 'Searches', numeric: true }],
    rows: searchWards.map((w) => ({
      key: w.wardId ?? 'unknown',
      label: w.ward ?? 'No place given, or outside the borough',
      counts: [w.n],
    })),
    columnTotals: true,
  });
  const declinedTable = countTable({
    id: 'declined',
    title: 'Referrals declined by providers, by reason',
    definition: d['declined-by-reason'],
    labelHeader: 'Reason',
    columns: [{ key: 'n', label: 'Referrals', numeric: true }],
    rows: Object.keys(declineReasonLabels).map((reason) => ({
      key: reason,
      label: labelFor(declineReasonLabels, reason),
      counts: [declined.find((r) => r.reason === reason)?.n ?? 0],
    })),
    columnTotals: true,
    chart: { kind: 'horizontal', series: [0], valueLabel: 'Referrals declined', skipTotals: true },
  });
  const totalOf = (t: ReportTable, column: string) => {
    const i = t.columns.findIndex((c) => c.key === column);
    return t.rows.find((r) => r.total)?.values[i] ?? countValue(0);
  };
  const recordedValue = totalOf(byTheme, 'total');
  const searchesValue = totalOf(searchWardTable, 'n');
  const declinedValue = totalOf(declinedTable, 'n');

  return {
    slug: 'unmet-need',
    title: 'Unmet need',
    summary:
      'Where people needed help that no service could give, with the searches, declines and waiting lists that point the same way.',
    figures: [
      { id: 'unmet-recorded', label: 'Unmet need recorded', value: recordedValue, definition: d['unmet-recorded'] },
      { id: 'zero-searches', label: 'Searches that found nothing', value: searchesValue, definition: d['zero-searches'] },
      {
        id: 'declined-by-reason',
        label: 'Referrals declined by providers',
        value: declinedValue,
        definition: d['declined-by-reason'],
      },
      {
        id: 'waiting-lists',
        label: 'Referrals put on a waiting list',
        value: countValue(all.added),
        definition: d['waiting-lists'],
      },
    ],
    tables: [
      {
        id: 'evidence',
        title: 'Evidence of unmet need, side by side (never added together)',
        definition: d['unmet-evidence'],
        labelHeader: 'Evidence',
        columns: [{ key: 'n', label: 'Count', numeric: true }],
        rows: [
          { key: 'recorded', label: 'Unmet need recorded by link workers', values: [recordedValue] },
          { key: 'searches', label: 'Searches that found nothing', values: [searchesValue] },
          { key: 'declined', label: 'Referrals declined by providers', values: [declinedValue] },
          { key: 'waitlisted', label: 'Referrals put on a waiting list', values: [countValue(all.added)] },
          {
            key: 'still-waiting',
            label: 'Referrals still on a waiting list at the end of the period',
            values: [countValue(all.stillWaiting)],
          },
        ],
      },
      byTheme,
      byWardTable,
      countTable({
        id: 'by-month',
        title: 'Unmet need by month',
        definition: d['unmet-by-month'],
        labelHeader: 'Month',
        columns: [{ key: 'n', label: 'Items recorded', numeric: true }],
        rows: months.map((m) => ({ key: m, label: monthLabel(m), counts: [byMonth.find((r) => r.month === m)?.n ?? 0] })),
        columnTotals: true,
        chart: { kind: 'bar', series: [0], valueLabel: 'Items recorded', skipTotals: true },
      }),
      countTable({
        id: 'search-words',
        title: 'Words most often searched for with no result',
        definition: d['zero-search-terms'],
        labelHeader: 'Words searched for',
        columns: [{ key: 'n', label: 'Searches', numeric: true }],
        rows: [
          ...terms.top.map((t) => ({ key: t.terms, label: t.terms, counts: [t.n] })),
          {
            key: 'other',
            label: 'Other words (each searched for fewer than 5 times, not listed)',
            counts: [terms.withWords - terms.top.reduce((s, t) => s + t.n, 0)],
          },
        ],
      }),
      countTable({
        id: 'search-themes',
        title: 'Need themes chosen in searches that found nothing',
        definition: d['zero-search-themes'],
        labelHeader: 'Need theme',
        columns: [{ key: 'n', label: 'Searches', numeric: true }],
        rows: themes.map((t) => ({ key: t.theme, label: t.theme, counts: [t.n] })),
        chart: { kind: 'horizontal', series: [0], valueLabel: 'Searches' },
      }),
      searchWardTable,
      declinedTable,
      countTable({
        id: 'waiting-lists',
        title: 'Referrals on providers\u2019 waiting lists, by theme',
        definition: d['waiting-lists'],
        labelHeader: 'Need theme of the service',
        columns: [
          { key: 'added', label: 'Put on a waiting list in the period', numeric: true },
          { key: 'still', label: 'Still waiting at the end of the period', numeric: true },
        ],
        rows: [
          { key: 'any', label: 'Any theme (each referral once)', counts: [all.added, all.stillWaiting] },
          ...lists
            .filter((l) => l.theme !== '')
            .map((l) => ({ key: l.theme, label: l.theme, counts: [l.added, l.stillWaiting] })),
        ],
      }),
    ],
  };
}
