// Calendar days in Europe/London. A schedule's sessions fall on local calendar days at local
// wall-clock times: a group that meets "Tuesdays at 10am" meets at 10am in both GMT and BST, so
// a session is found as a day first and turned into an instant last, never by adding 24 hours
// to an instant.
import { TZDate } from '@date-fns/tz';
import { londonParts, parseClock, TIME_ZONE } from './format';

export const MS_PER_DAY = 86_400_000;

/** A calendar day as a count of days since 1 January 1970. */
export type Day = number;

export const WEEKDAY_CODES = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;
export type WeekdayCode = (typeof WEEKDAY_CODES)[number];
/** Monday first, as weeks are counted here (RFC 5545's default WKST). */
export const WEEK_ORDER = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const satisfies readonly WeekdayCode[];
export const WEEKDAY_NAMES: Record<WeekdayCode, string> = {
  MO: 'Monday',
  TU: 'Tuesday',
  WE: 'Wednesday',
  TH: 'Thursday',
  FR: 'Friday',
  SA: 'Saturday',
  SU: 'Sunday',
};

/** Monday 5 January 1970: where weeks are counted from when a schedule has no start date. */
export const EPOCH_MONDAY: Day = 4;

export function dayOf(year: number, month: number, day: number): Day {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function ymd(d: Day): { year: number; month: number; day: number } {
  const dt = new Date(d * MS_PER_DAY);
  return { year: dt.getUTCFullYear(), month: dt.getUTCMonth() + 1, day: dt.getUTCDate() };
}

/** A Postgres DATE (UTC midnight) as a Day. */
export function dayFromDate(d: Date): Day {
  return Math.floor(d.getTime() / MS_PER_DAY);
}

/**
 * A Day as UTC midnight: how a calendar day is held in a Postgres DATE, and the "floating" date the
 * rrule library computes with (its UTC fields stand for the London calendar day).
 */
export function dateOfDay(d: Day): Date {
  return new Date(d * MS_PER_DAY);
}

/** The London calendar day that an instant falls on. */
export function londonDay(instant: Date): Day {
  const p = londonParts(instant);
  return dayOf(p.year, p.month, p.day);
}

export function weekdayOf(d: Day): WeekdayCode {
  return WEEKDAY_CODES[(((d + 4) % 7) + 7) % 7];
}

/** The Monday of the week a day is in. */
export function mondayOf(d: Day): Day {
  return d - WEEK_ORDER.indexOf(weekdayOf(d));
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

// Working out an instant from the time zone database takes tens of microseconds, and the same
// few session times on the same days come up again and again: remembered, within a bound.
const instants = new Map<string, number>();

/** The instant a London wall-clock time happens on a given day. */
export function londonInstant(d: Day, hhmm: string): Date {
  const key = `${d} ${hhmm}`;
  let ms = instants.get(key);
  if (ms === undefined) {
    const { year, month, day } = ymd(d);
    const minutes = parseClock(hhmm) ?? 0;
    const [h, m] = [Math.floor(minutes / 60), minutes % 60];
    // A time the clocks skip (01:30 on the last Sunday in March) comes out an hour on, as RFC 5545 has it.
    ms = new TZDate(year, month - 1, day, h, m, 0, TIME_ZONE).getTime();
    // A time that happens twice (01:30 on the last Sunday in October) is the first of the two (RFC 5545),
    // where the time zone library gives the second.
    const earlier = new TZDate(ms - 3_600_000, TIME_ZONE);
    if (earlier.getDate() === day && earlier.getHours() === h && earlier.getMinutes() === m) ms -= 3_600_000;
    if (instants.size >= 20_000) instants.clear();
    instants.set(key, ms);
  }
  return new Date(ms);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A local date-time in iCalendar form ("20261124T100000"), for lines with TZID=Europe/London. */
export function icalLocalStamp(d: Day, hhmm: string): string {
  const { year, month, day } = ymd(d);
  const minutes = parseClock(hhmm) ?? 0;
  return `${year}${pad(month)}${pad(day)}T${pad(Math.floor(minutes / 60) % 24)}${pad(minutes % 60)}00`;
}

/** An instant in iCalendar UTC form ("20261123T120000Z"). */
export function icalUtcStamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** Dates in iCalendar form (20261224, 20261224T100000, 20261224T100000Z) as London calendar days. */
export function icalDays(list: string): Day[] {
  const out: Day[] = [];
  for (const v of list.split(',')) {
    const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/.exec(v.trim());
    if (!m) continue;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    out.push(m[7] ? londonDay(new Date(Date.UTC(y, mo - 1, d, Number(m[4]), Number(m[5]), Number(m[6])))) : dayOf(y, mo, d));
  }
  return out;
}
