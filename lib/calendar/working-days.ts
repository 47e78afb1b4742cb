import { londonDateKey, shiftDateKey } from '@/lib/format/dates';

/**
 * Bank holidays in England and Wales (gov.uk/bank-holidays), the default for triage targets.
 * A deployment elsewhere passes its own list.
 */
export const ENGLAND_AND_WALES_BANK_HOLIDAYS: readonly string[] = [
  '2024-01-01',
  '2024-03-29',
  '2024-04-01',
  '2024-05-06',
  '2024-05-27',
  '2024-08-26',
  '2024-12-25',
  '2024-12-26',
  '2025-01-01',
  '2025-04-18',
  '2025-04-21',
  '2025-05-05',
  '2025-05-26',
  '2025-08-25',
  '2025-12-25',
  '2025-12-26',
  '2026-01-01',
  '2026-04-03',
  '2026-04-06',
  '2026-05-04',
  '2026-05-25',
  '2026-08-31',
  '2026-12-25',
  '2026-12-28',
  '2027-01-01',
  '2027-03-26',
  '2027-03-29',
  '2027-05-03',
  '2027-05-31',
  '2027-08-30',
  '2027-12-27',
  '2027-12-28',
  '2028-01-03',
  '2028-04-14',
  '2028-04-17',
  '2028-05-01',
  '2028-05-29',
  '2028-08-28',
  '2028-12-25',
  '2028-12-26',
];

function isWorkingDay(key: string, holidays: ReadonlySet<string>): boolean {
  const day = new Date(`${key}T00:00:00Z`).getUTCDay();
  return day !== 0 && day !== 6 && !holidays.has(key);
}

// Queues ask the same questions for many rows (the same received dates, the same today), so each
// holiday list keeps its answers: a set of the holidays, and bounded caches of the counts.
type Calendar = { set: ReadonlySet<string>; between: Map<string, number>; after: Map<string, string> };
const calendars = new WeakMap<readonly string[], Calendar>();

/** The holiday list's set and caches (for lib/triage/targets too). */
export function calendarFor(holidays: readonly string[]): Calendar {
  let c = calendars.get(holidays);
  if (!c) {
    c = { set: new Set(holidays), between: new Map(), after: new Map() };
    calendars.set(holidays, c);
  }
  return c;
}

export function remember<V>(cache: Map<string, V>, key: string, compute: () => V): V {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const value = compute();
  if (cache.size >= 10_000) cache.clear();
  cache.set(key, value);
  return value;
}

/**
 * Working days (Monday to Friday, less bank holidays) that have passed since `from`, counting
 * London calendar dates: received on a Monday and looked at on Wednesday is 2 working days.
 */
export function workingDaysBetween(from: Date, to: Date, holidays: readonly string[] = ENGLAND_AND_WALES_BANK_HOLIDAYS): number {
  const start = londonDateKey(from);
  const end = londonDateKey(to);
  if (end <= start) return 0;
  const calendar = calendarFor(holidays);
  return remember(calendar.between, `${start}/${end}`, () => {
    let count = 0;
    // Bounded: a referral waiting more than ten years is a data error, not a loop to run forever.
    for (let key = shiftDateKey(start, { days: 1 }), i = 0; key <= end && i < 3660; key = shiftDateKey(key, { days: 1 }), i++) {
      if (isWorkingDay(key, calendar.set)) count += 1;
    }
    return count;
  });
}
