// A provider's own referral figures for funding bids: counts of referrals to their activities, by
// the month they were sent (Europe/London) and by activity, for a financial year (April to March,
// as councils, the NHS and most funders count). Activity data only: no people.
import type { SessionUser } from '@/lib/auth/types';
import type { Tx } from '@/lib/db/client';
import { londonDateKey, londonMidnight, shiftDateKey } from '@/lib/format/dates';

export const FIGURE_DEFINITIONS = {
  received: 'Received: referrals sent to your activities, counted in the month they were sent.',
  accepted:
    'Accepted: of those, referrals you accepted (including from a waiting list), or that went on to attending or completed.',
  attended: 'Attended: of those, referrals that reached attending or completed.',
  completed: 'Completed: of those, referrals marked completed.',
} as const;

export type FigureCounts = { received: number; accepted: number; attended: number; completed: number };
export type MonthFigures = FigureCounts & { month: string; label: string };
export type ActivityFigures = FigureCounts & { serviceId: string; name: string; organisationName: string };

export type ProviderFigures = {
  /** The financial year, by the calendar year it starts in: 2026 is April 2026 to March 2027. */
  year: number;
  /** The year is still running: its months go up to this one. */
  soFar: boolean;
  /** First London day of the period (1 April), "YYYY-MM-DD". */
  from: string;
  /** Last London day of the period (31 March, or the end of this month while the year runs), "YYYY-MM-DD". */
  to: string;
  /** Every month of the period, April first, including months with no referrals. */
  byMonth: MonthFigures[];
  /** Activities with at least one referral in the period, by organisation then name. */
  byActivity: ActivityFigures[];
  totals: FigureCounts;
};

type Row = {
  month: string;
  serviceId: string;
  name: string;
  organisationName: string;
  received: number;
  accepted: number;
  attended: number;
  completed: number;
};

/** The year asked for in a query (?year=2025), if it is one of those on offer; otherwise this year. */
export function chosenYear(asked: string | undefined, years: readonly number[]): number | undefined {
  const n = Number(asked);
  return asked && /^\d{4}$/.test(asked) && years.includes(n) ? n : undefined;
}

/** The financial year a London day ("YYYY-MM-DD") falls in, by the calendar year it starts in. */
export function financialYearOf(dateKey: string): number {
  const [y, m] = dateKey.split('-').map(Number);
  return m >= 4 ? y : y - 1;
}

/** "April 2026 to March 2027". */
export function financialYearLabel(year: number): string {
  return `April ${year} to March ${year + 1}`;
}

/** How many past financial years a provider can look back on. */
const YEARS_BACK = 5;

const zero = (): FigureCounts => ({ received: 0, accepted: 0, attended: 0, completed: 0 });

function add(into: FigureCounts, row: FigureCounts): void {
  into.received += row.received;
  into.accepted += row.accepted;
  into.attended += row.attended;
  into.completed += row.completed;
}

function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, 1)),
  );
}

/** The organisations in the session that the user still belongs to (a stale session shows nothing extra). */
export async function memberOrganisationIds(tx: Tx, user: Pick<SessionUser, 'id' | 'organisationIds'>): Promise<string[]> {
  if (user.organisationIds.length === 0) return [];
  const rows = await tx.organisationMember.findMany({
    where: { userId: user.id, organisationId: { in: user.organisationIds } },
    select: { organisationId: true },
  });
  return [...new Set(rows.map((r) => r.organisationId))].sort();
}

/**
 * The financial years these organisations have referrals in, newest first (this year always, and at
 * most YEARS_BACK before it), for the page's choice of year.
 */
export async function figureYears(tx: Tx, organisationIds: readonly string[], now: Date = new Date()): Promise<number[]> {
  const current = financialYearOf(londonDateKey(now));
  const ids = [...new Set(organisationIds)];
  const [row] = ids.length
    ? await tx.$queryRaw<{ first: Date | null }[]>`
        SELECT min(r."sentAt") AS first FROM "Referral" r JOIN "Service" s ON s.id = r."serviceId"
        WHERE s."organisationId" = ANY(${ids}::uuid[]) AND r."sentAt" IS NOT NULL`
    : [{ first: null }];
  const first = row?.first ? Math.max(financialYearOf(londonDateKey(row.first)), current - YEARS_BACK) : current;
  return Array.from({ length: Math.max(0, current - first) + 1 }, (_, i) => current - i);
}

/**
 * Referral figures for these organisations over a financial year (this one by default, so far):
 * its London calendar months from April.
 */
export async function providerFigures(
  tx: Tx,
  organisationIds: readonly string[],
  now: Date = new Date(),
  year?: number,
): Promise<ProviderFigures> {
  const thisMonth = `${londonDateKey(now).slice(0, 7)}-01`;
  const current = financialYearOf(thisMonth);
  const fy = year === undefined ? current : Math.min(year, current);
  const fromKey = `${fy}-04-01`;
  const soFar = fy === current;
  const lastMonth = soFar ? thisMonth : `${fy + 1}-03-01`;
  const nextMonth = shiftDateKey(lastMonth, { months: 1 });
  const count = (Number(lastMonth.slice(0, 4)) - fy) * 12 + Number(lastMonth.slice(5, 7)) - 4 + 1;
  const months = Array.from({ length: count }, (_, i) => shiftDateKey(fromKey, { months: i }).slice(0, 7));

  const ids = [...new Set(organisationIds)];
  const rows: Row[] =
    ids.length === 0
      ? []
      : await tx.$queryRaw<Row[]>`
    WITH reached AS (
      SELECT r.id, r."serviceId",
             to_char((r."sentAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Europe/London', 'YYYY-MM') AS month,
             (r.status IN ('accepted', 'attending', 'completed')
               OR EXISTS (SELECT 1 FROM "ReferralEvent" e WHERE e."referralId" = r.id AND e."toStatus" IN ('accepted', 'attending', 'completed'))) AS accepted,
             (r.status IN ('attending', 'completed')
               OR EXISTS (SELECT 1 FROM "ReferralEvent" e WHERE e."referralId" = r.id AND e."toStatus" IN ('attending', 'completed'))) AS attended,
             (r.status = 'completed'
               OR EXISTS (SELECT 1 FROM "ReferralEvent" e WHERE e."referralId" = r.id AND e."toStatus" = 'completed')) AS completed
      FROM "Referral" r
      JOIN "Service" s ON s.id = r."serviceId"
      WHERE s."organisationId" = ANY(${ids}::uuid[])
        AND r.status <> 'draft'
        AND r."sentAt" IS NOT NULL
        AND r."sentAt" >= ${londonMidnight(fromKey)}
        AND r."sentAt" < ${londonMidnight(nextMonth)}
    )
    SELECT x.month, s.id::text AS "serviceId", s.name, o.name AS "organisationName",
           count(*)::int AS received,
           count(*) FILTER (WHERE x.accepted)::int AS accepted,
           count(*) FILTER (WHERE x.attended)::int AS attended,
           count(*) FILTER (WHERE x.completed)::int AS completed
    FROM reached x
    JOIN "Service" s ON s.id = x."serviceId"
    JOIN "Organisation" o ON o.id = s."organisationId"
    GROUP BY x.month, s.id, s.name, o.name
    ORDER BY x.month, o.name, s.name, s.id`;

  const monthMap = new Map(months.map((m) => [m, { month: m, label: monthLabel(m), ...zero() } as MonthFigures]));
  const activityMap = new Map<string, ActivityFigures>();
  const totals = zero();
  for (const row of rows) {
    const counts: FigureCounts = {
      received: Number(row.received),
      accepted: Number(row.accepted),
      attended: Number(row.attended),
      completed: Number(row.completed),
    };
    const month = monthMap.get(row.month);
    if (month) add(month, counts);
    let activity = activityMap.get(row.serviceId);
    if (!activity) {
      activity = { serviceId: row.serviceId, name: row.name, organisationName: row.organisationName, ...zero() };
      activityMap.set(row.serviceId, activity);
    }
    add(activity, counts);
    add(totals, counts);
  }
  const byActivity = [...activityMap.values()].sort(
    (a, b) =>
      a.organisationName.localeCompare(b.organisationName, 'en-GB') ||
      a.name.localeCompare(b.name, 'en-GB') ||
      a.serviceId.localeCompare(b.serviceId),
  );
  return {
    year: fy,
    soFar,
    from: fromKey,
    to: shiftDateKey(nextMonth, { days: -1 }),
    byMonth: [...monthMap.values()],
    byActivity,
    totals,
  };
}

/** The figures as CSV rows: the period on every row, then one section per table with a total. */
export function figuresCsvRows(f: ProviderFigures): string[][] {
  const period = `${f.from} to ${f.to}`;
  const nums = (c: FigureCounts) => [String(c.received), String(c.accepted), String(c.attended), String(c.completed)];
  return [
    ['Period', 'Table', 'Month', 'Organisation', 'Activity', 'Received', 'Accepted', 'Attended', 'Completed'],
    ...f.byMonth.map((m) => [period, 'By month', m.month, '', '', ...nums(m)]),
    [period, 'By month', 'Total', '', '', ...nums(f.totals)],
    ...f.byActivity.map((a) => [period, 'By activity', '', a.organisationName, a.name, ...nums(a)]),
    [period, 'By activity', '', '', 'Total', ...nums(f.totals)],
  ];
}

export function figuresCsvFileName(f: ProviderFigures): string {
  return `your-referral-figures_${f.from}-to-${f.to}.csv`;
}
