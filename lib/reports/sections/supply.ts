import type { Tx } from '@/lib/db/client';
import { formatNumber } from '@/lib/format/numbers';
import { definitions as d } from '../definitions';
import type { ReportFilter } from '../filter';
import { demandByTheme } from '../sql/demand-by-theme';
import { freshness } from '../sql/freshness';
import { servicesByTheme } from '../sql/services-by-theme';
import { servicesByWard } from '../sql/services-by-ward';
import { countValue, plainValue, type ReportSection, type Value } from '../table';

/** A share of services (not people): never suppressed. */
function serviceShare(n: number, of: number): Value {
  if (of === 0) return { text: 'No services', value: null };
  const pct = (n / of) * 100;
  return { text: `${formatNumber(pct, 1)}%`, value: Math.round(pct * 10) / 10 };
}

export type SupplyData = {
  themes: Awaited<ReturnType<typeof servicesByTheme>>;
  demand: Awaited<ReturnType<typeof demandByTheme>>;
  wards: Awaited<ReturnType<typeof servicesByWard>>;
  fresh: Awaited<ReturnType<typeof freshness>>;
};

export async function loadSupply(db: Tx, f: ReportFilter): Promise<SupplyData> {
  const [themes, demand, wards, fresh] = await Promise.all([
    servicesByTheme(db, f),
    demandByTheme(db, f),
    servicesByWard(db, f),
    freshness(db, f),
  ]);
  return { themes, demand, wards, fresh };
}

export async function supplySection(db: Tx, f: ReportFilter): Promise<ReportSection> {
  return buildSupply(await loadSupply(db, f), f);
}

export function buildSupply(data: SupplyData, _f: ReportFilter): ReportSection {
  const { themes, demand, wards, fresh } = data;
  const demandOf = new Map(demand.map((r) => [r.termId, r.n]));
  const totalPopulation = wards.reduce((s, w) => s + w.population, 0);

  return {
    slug: 'supply',
    title: 'Supply',
    summary: 'The services listed today, whether they have space, how recently they were checked, and the demand beside them.',
    figures: [
      {
        id: 'services-listed',
        label: 'Services listed today',
        value: plainValue(fresh.listed),
        definition: d['services-by-theme'],
      },
      {
        id: 'freshness-6',
        label: 'Checked in the last 6 months',
        value: serviceShare(fresh.within6, fresh.listed),
        definition: d['freshness-6'],
      },
      {
        id: 'freshness-12',
        label: 'Checked in the last 12 months',
        value: serviceShare(fresh.within12, fresh.listed),
        definition: d['freshness-12'],
      },
    ],
    tables: [
      {
        id: 'by-theme',
        title: 'Capacity against demand, by need theme',
        definition: d['services-by-theme'],
        labelHeader: 'Need theme',
        columns: [
          { key: 'open', label: 'Services with space', numeric: true },
          { key: 'waiting', label: 'With a waiting list', numeric: true },
          { key: 'full', label: 'Full', numeric: true },
          { key: 'listed', label: 'Services listed', numeric: true },
          { key: 'demand', label: 'Cases received with this need', numeric: true },
          { key: 'ratio', label: 'Cases per service with space', numeric: true },
        ],
        rows: themes.map((t) => {
          const need = demandOf.get(t.termId) ?? 0;
          const needValue = countValue(need);
          const ratio: Value =
            needValue.value === null
              ? { text: 'Not shown', value: null }
              : t.open === 0
                ? { text: need > 0 ? 'No service with space' : '', value: null }
                : { text: formatNumber(need / t.open, 1), value: Math.round((need / t.open) * 10) / 10 };
          return {
            key: t.termId,
            label: t.theme,
            values: [
              plainValue(t.open),
              plainValue(t.waitingList),
              plainValue(t.full),
              plainValue(t.open + t.waitingList + t.full),
              needValue,
              ratio,
            ],
          };
        }),
        chart: { kind: 'stacked', series: [0, 1, 2], valueLabel: 'Services' },
        note: 'Service counts are not about people, so they are never hidden.',
      },
      {
        id: 'by-ward',
        title: 'Services by ward',
        definition: d['services-by-ward'],
        labelHeader: 'Ward',
        columns: [
          { key: 'n', label: 'Services with a place in the ward', numeric: true },
          { key: 'population', label: 'People living in the ward', numeric: true },
          { key: 'rate', label: 'Services per 10,000 people', numeric: true },
        ],
        rows: wards.map((w) => ({
          key: w.wardId ?? 'none',
          label: w.ward ?? 'No fixed place (online or phone only)',
          values: [
            plainValue(w.n),
            w.wardId ? plainValue(w.population) : { text: '', value: null },
            w.wardId && w.population > 0
              ? plainValue(Math.round((w.n / w.population) * 100_000) / 10, 1)
              : { text: '', value: null },
          ],
        })),
        chart: { kind: 'horizontal', series: [2], valueLabel: 'Services per 10,000 people' },
        note: totalPopulation ? `People living in the wards shown: ${formatNumber(totalPopulation)}.` : undefined,
      },
      {
        id: 'freshness',
        title: 'Directory freshness',
        definition: d['freshness-6'],
        labelHeader: 'Last checked',
        columns: [
          { key: 'n', label: 'Services', numeric: true },
          { key: 'share', label: 'Share of services listed', numeric: true },
        ],
        rows: [
          {
            key: '6',
            label: 'In the last 6 months',
            values: [plainValue(fresh.within6), serviceShare(fresh.within6, fresh.listed)],
          },
          {
            key: '6-12',
            label: '6 to 12 months ago',
            values: [plainValue(fresh.within12 - fresh.within6), serviceShare(fresh.within12 - fresh.within6, fresh.listed)],
          },
          {
            key: '12+',
            label: 'More than 12 months ago',
            values: [
              plainValue(fresh.listed - fresh.within12 - fresh.never),
              serviceShare(fresh.listed - fresh.within12 - fresh.never, fresh.listed),
            ],
          },
          { key: 'never', label: 'Never checked', values: [plainValue(fresh.never), serviceShare(fresh.never, fresh.listed)] },
          {
            key: 'total',
            label: 'Services listed',
            values: [plainValue(fresh.listed), serviceShare(fresh.listed, fresh.listed)],
            total: true,
          },
        ],
        chart: { kind: 'bar', series: [0], valueLabel: 'Services', skipTotals: true },
      },
    ],
  };
}
