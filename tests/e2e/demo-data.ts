// What the browser tests' database holds, read straight from it. The demo seed dates everything
// relative to the anchor it stored when it ran, so tests that ask for a period derive it from
// that anchor instead of naming fixed dates, and choose a ward by what it holds.
import pg from 'pg';

const ANCHOR_KEY = 'demo.anchor';

function databaseUrl(): string {
  const url = process.env.E2E_DATABASE_URL;
  if (!url)
    throw new Error(
      'E2E_DATABASE_URL is not set: run the browser tests with `npm run test:e2e`, which seeds a database and names it',
    );
  return url;
}

async function query<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl(), application_name: 'e2e-demo-data' });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** The instant the demo seed's dates are relative to. */
export async function seedAnchor(): Promise<Date> {
  const [row] = await query<{ value: string }>(`SELECT value #>> '{}' AS value FROM "Setting" WHERE key = $1`, [ANCHOR_KEY]);
  if (!row) throw new Error(`The e2e database has no ${ANCHOR_KEY} setting: was it seeded?`);
  const anchor = new Date(row.value);
  if (Number.isNaN(anchor.getTime())) throw new Error(`${ANCHOR_KEY} is not a date: ${row.value}`);
  return anchor;
}

const pad = (n: number) => String(n).padStart(2, '0');
const monthFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', month: 'long', year: 'numeric' });
const dayFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });

export type WholeMonths = {
  /** First day, "YYYY-MM-DD". */
  fromKey: string;
  /** Last day, "YYYY-MM-DD". */
  toKey: string;
  /** "1 June 2026 to 30 November 2026". */
  label: string;
  /** Each month, first to last: key "YYYY-MM" and label "June 2026". */
  months: { key: string; label: string }[];
};

/** The `count` whole London calendar months before the month `instant` falls in. */
export function wholeMonthsBefore(instant: Date, count: number): WholeMonths {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: 'numeric' }).formatToParts(
    instant,
  );
  const year = Number(parts.find((p) => p.type === 'year')!.value);
  const month = Number(parts.find((p) => p.type === 'month')!.value);
  const months = Array.from({ length: count }, (_, i) => {
    const first = new Date(Date.UTC(year, month - 1 - count + i, 1));
    return { key: `${first.getUTCFullYear()}-${pad(first.getUTCMonth() + 1)}`, label: monthFormat.format(first), first };
  });
  const first = months[0].first;
  const last = new Date(Date.UTC(year, month - 1, 0)); // day 0: the last day of the month before
  const key = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return {
    fromKey: key(first),
    toKey: key(last),
    label: `${dayFormat.format(first)} to ${dayFormat.format(last)}`,
    months: months.map(({ key, label }) => ({ key, label })),
  };
}

export type WardReferrals = {
  code: string;
  name: string;
  /** Cases received in the period from people living in the ward. */
  total: number;
  /** The most received in one month from one source. */
  busiest: number;
};

/**
 * Cases received per ward (the person's area's ward, as the reports count them) between two London
 * calendar dates inclusive, busiest ward first.
 */
export async function referralsByWard(fromKey: string, toKey: string): Promise<WardReferrals[]> {
  const rows = await query<{ code: string; name: string; total: string; busiest: number }>(
    `WITH cells AS (
       SELECT a."wardId", to_char(k."receivedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/London', 'YYYY-MM') AS month,
              k.source, count(*)::int AS n
       FROM "Case" k JOIN "Person" p ON p.id = k."personId" JOIN "Area" a ON a.id = p."areaId"
       WHERE (k."receivedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/London')::date BETWEEN $1::date AND $2::date
       GROUP BY 1, 2, 3
     )
     SELECT w.code, w.name, coalesce(sum(c.n), 0) AS total, coalesce(max(c.n), 0) AS busiest
     FROM "Ward" w LEFT JOIN cells c ON c."wardId" = w.id
     GROUP BY w.id, w.code, w.name
     ORDER BY busiest DESC, total DESC, w.code`,
    [fromKey, toKey],
  );
  return rows.map((r) => ({ code: r.code, name: r.name, total: Number(r.total), busiest: r.busiest }));
}

/** A postcode of the demo borough in the named ward (the first in order). */
export async function postcodeInWard(ward: string): Promise<string> {
  const [row] = await query<{ postcode: string }>(
    `SELECT p.postcode FROM "Postcode" p JOIN "Area" a ON a.id = p."areaId" JOIN "Ward" w ON w.id = a."wardId"
     WHERE w.name = $1 ORDER BY p.postcode LIMIT 1`,
    [ward],
  );
  if (!row) throw new Error(`The e2e database has no postcode in ${ward}`);
  return row.postcode;
}
