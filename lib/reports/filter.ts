// The period and area every report is for. Dates are London calendar dates; the period runs from
// the start of its first day to the end of its last day (instants: `from` inclusive, `to` exclusive).
import { formatDate, londonDateKey, londonMidnight, shiftDateKey } from '@/lib/format/dates';

export type ReportFilter = {
  /** Start of the first day of the period (London midnight), inclusive. */
  from: Date;
  /** Start of the day after the last day of the period (London midnight), exclusive. */
  to: Date;
  /** Only records in this ward (the person's area's ward, a service's location's ward). */
  wardId?: string | null;
  /** "Now" for measures taken at a moment (waiting now, caseload); defaults to the current time. */
  now?: Date;
};

export const PERIOD_PRESETS = [
  { value: '12m', label: 'Last 12 months' },
  { value: '6m', label: 'Last 6 months' },
  { value: '3m', label: 'Last 3 months' },
  { value: 'this-fy', label: 'This financial year (from 1 April)' },
  { value: 'last-fy', label: 'Last financial year' },
  { value: 'custom', label: 'Custom dates' },
] as const;

export type PeriodPreset = (typeof PERIOD_PRESETS)[number]['value'];

export type ResolvedPeriod = {
  preset: PeriodPreset;
  /** First day, "YYYY-MM-DD". */
  fromKey: string;
  /** Last day, "YYYY-MM-DD" (inclusive). */
  toKey: string;
  from: Date;
  to: Date;
};

export type WardOption = { id: string; code: string; name: string };

export type ReportQuery = {
  period: ResolvedPeriod;
  ward: WardOption | null;
  filter: ReportFilter;
  /** What the person asked for that could not be used, keyed by field id. */
  errors: Partial<Record<'period' | 'from' | 'to' | 'ward', string>>;
};

const DATE_KEY = /^\d{4}-\d{2}-\d{2}$/;

function validKey(key: string | undefined): key is string {
  if (!key || !DATE_KEY.test(key)) return false;
  const [y, m, d] = key.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d && y >= 2000 && y <= 2100;
}

/** The instants a run of London calendar days covers. */
export function periodFromKeys(fromKey: string, toKey: string): { from: Date; to: Date } {
  return { from: londonMidnight(fromKey), to: londonMidnight(shiftDateKey(toKey, { days: 1 })) };
}

/** The days a preset covers, ending today (London) unless it is a past financial year. */
export function presetKeys(preset: Exclude<PeriodPreset, 'custom'>, now: Date): { fromKey: string; toKey: string } {
  const today = londonDateKey(now);
  const [y, m] = today.split('-').map(Number);
  const fyStart = m >= 4 ? y : y - 1;
  switch (preset) {
    case '12m':
      return { fromKey: shiftDateKey(shiftDateKey(today, { months: -12 }), { days: 1 }), toKey: today };
    case '6m':
      return { fromKey: shiftDateKey(shiftDateKey(today, { months: -6 }), { days: 1 }), toKey: today };
    case '3m':
      return { fromKey: shiftDateKey(shiftDateKey(today, { months: -3 }), { days: 1 }), toKey: today };
    case 'this-fy':
      return { fromKey: `${fyStart}-04-01`, toKey: today };
    case 'last-fy':
      return { fromKey: `${fyStart - 1}-04-01`, toKey: `${fyStart}-03-31` };
  }
}

type RawParams = Record<string, string | string[] | undefined>;

function one(params: RawParams, key: string): string | undefined {
  const v = params[key];
  const s = Array.isArray(v) ? v[0] : v;
  return s === undefined ? undefined : s.trim();
}

/**
 * Reads `period`, `from`, `to` and `ward` from the URL. Anything unusable falls back to the last
 * 12 months or all wards, with an error saying why.
 */
export function parseReportQuery(params: RawParams, wards: readonly WardOption[], now: Date = new Date()): ReportQuery {
  const errors: ReportQuery['errors'] = {};
  const asked = one(params, 'period');
  const fromRaw = one(params, 'from') || undefined;
  const toRaw = one(params, 'to') || undefined;
  let preset: PeriodPreset = PERIOD_PRESETS.some((p) => p.value === asked)
    ? (asked as PeriodPreset)
    : fromRaw || toRaw
      ? 'custom'
      : '12m';
  if (asked && !PERIOD_PRESETS.some((p) => p.value === asked)) errors.period = 'Choose a period from the list';

  let keys: { fromKey: string; toKey: string } | null = null;
  if (preset === 'custom') {
    const today = londonDateKey(now);
    if (!validKey(fromRaw))
      errors.from = fromRaw ? 'Enter the start date as a real date, for example 2026-04-01' : 'Enter the start date';
    if (!validKey(toRaw)) errors.to = toRaw ? 'Enter the end date as a real date, for example 2027-03-31' : 'Enter the end date';
    if (validKey(fromRaw) && validKey(toRaw)) {
      if (toRaw < fromRaw) errors.to = 'The end date must be the same as or after the start date';
      else if (fromRaw > today) errors.from = 'The start date must be today or in the past';
      else keys = { fromKey: fromRaw, toKey: toRaw };
    }
    if (!keys) preset = '12m';
  }
  keys ??= presetKeys(preset as Exclude<PeriodPreset, 'custom'>, now);
  const { from, to } = periodFromKeys(keys.fromKey, keys.toKey);

  const wardRaw = one(params, 'ward');
  let ward: WardOption | null = null;
  if (wardRaw) {
    ward = wards.find((w) => w.code === wardRaw) ?? null;
    if (!ward) errors.ward = 'Choose a ward from the list';
  }
  return {
    period: { preset, ...keys, from, to },
    ward,
    filter: { from, to, wardId: ward?.id ?? null, now },
    errors,
  };
}

/** "1 December 2025 to 30 November 2026". */
export function periodLabel(period: Pick<ResolvedPeriod, 'fromKey' | 'toKey'>): string {
  const d = (key: string) => formatDate(new Date(`${key}T00:00:00Z`), { dateOnly: true });
  return `${d(period.fromKey)} to ${d(period.toKey)}`;
}

export function areaLabel(ward: WardOption | null): string {
  return ward ? `${ward.name} ward` : 'All wards';
}

/** The query string that reproduces this view ("?period=custom&from=...&ward=..."). */
export function reportQueryString(q: Pick<ReportQuery, 'period' | 'ward'>): `?${string}` | '' {
  const params = new URLSearchParams();
  if (q.period.preset === 'custom') {
    params.set('period', 'custom');
    params.set('from', q.period.fromKey);
    params.set('to', q.period.toKey);
  } else if (q.period.preset !== '12m') params.set('period', q.period.preset);
  if (q.ward) params.set('ward', q.ward.code);
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** Part of a download's file name: "2025-12-01-to-2026-11-30_all-wards". */
export function fileNamePart(q: Pick<ReportQuery, 'period' | 'ward'>): string {
  const area = q.ward ? `ward-${q.ward.code}-${q.ward.name}` : 'all-wards';
  const slug = area
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${q.period.fromKey}-to-${q.period.toKey}_${slug}`;
}

/** The instant measures "at a moment" are taken at: the end of the period, or now if that is sooner. */
export function asAt(filter: ReportFilter): Date {
  const now = filter.now ?? new Date();
  return now < filter.to ? now : filter.to;
}
