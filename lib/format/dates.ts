// Dates as GOV.UK writes them ("23 November 2026", "10am", "midday"), always in Europe/London.
import { TZDate } from '@date-fns/tz';

export const TIME_ZONE = 'Europe/London';

/** January first, for numbered months (month 1 is MONTH_NAMES[0]). */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

type DateLike = Date | string | number;

function toDate(value: DateLike): Date {
  return value instanceof Date ? value : new Date(value);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', options);
    formatters.set(key, f);
  }
  return f;
}

export type DateFormatOptions = {
  /** "23 Nov 2026", for tables. */
  short?: boolean;
  /** "Monday 23 November 2026". */
  weekday?: boolean;
  /** The value is a calendar date (a Postgres `date`, read as UTC midnight), not an instant. */
  dateOnly?: boolean;
};

/** "23 November 2026" in Europe/London; '' for a missing or invalid date. */
export function formatDate(value: DateLike | null | undefined, options: DateFormatOptions = {}): string {
  if (value === null || value === undefined) return '';
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return '';
  const timeZone = options.dateOnly ? 'UTC' : TIME_ZONE;
  const month = options.short ? 'short' : 'long';
  const f = formatter(`d:${timeZone}:${month}:${options.weekday ? 'w' : ''}`, {
    timeZone,
    day: 'numeric',
    month,
    year: 'numeric',
    ...(options.weekday ? { weekday: 'long' as const } : {}),
  });
  // en-GB puts a comma after the weekday ("Monday, 23 November 2026"); GOV.UK style has none.
  return f.format(date).replace(',', '');
}

/** "10am", "2:30pm", "midday", "midnight" in Europe/London. */
export function formatTime(value: DateLike | null | undefined): string {
  if (value === null || value === undefined) return '';
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return '';
  const parts = formatter('t', { timeZone: TIME_ZONE, hour: 'numeric', minute: '2-digit', hourCycle: 'h23' }).formatToParts(date);
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? 0);
  const minute = Number(parts.find((p) => p.type === 'minute')?.value ?? 0);
  return formatClock(hour, minute);
}

/** "HH:MM" (24-hour, as schedules store it) to GOV.UK style: "10am", "5:30pm", "midday". */
export function formatClock(hour: number, minute: number): string {
  if (minute === 0 && hour === 12) return 'midday';
  if (minute === 0 && (hour === 0 || hour === 24)) return 'midnight';
  const suffix = hour >= 12 && hour < 24 ? 'pm' : 'am';
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  return minute === 0 ? `${h12}${suffix}` : `${h12}:${String(minute).padStart(2, '0')}${suffix}`;
}

/** "23 November 2026 at 2:30pm". */
export function formatDateTime(value: DateLike | null | undefined): string {
  const day = formatDate(value);
  return day ? `${day} at ${formatTime(value)}` : '';
}

const HOUR = 3_600_000;
/** London date keys by UTC hour: London's offset is a whole number of hours, changed on the hour. */
const keysByHour = new Map<number, string>();

/** The calendar date in Europe/London as "YYYY-MM-DD". */
export function londonDateKey(value: DateLike): string {
  const date = toDate(value);
  const ms = date.getTime();
  // Lists compute this for every row (waiting clocks, working days), and formatToParts is slow, so
  // each UTC hour's answer is kept (for instants since 1970; a bounded cache).
  const hour = ms >= 0 ? Math.floor(ms / HOUR) : NaN;
  const cached = keysByHour.get(hour);
  if (cached !== undefined) return cached;
  const parts = formatter('k', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const key = `${get('year')}-${get('month')}-${get('day')}`;
  if (!Number.isNaN(hour)) {
    if (keysByHour.size >= 20_000) keysByHour.clear();
    keysByHour.set(hour, key);
  }
  return key;
}

/** Today's date in Europe/London as a UTC-midnight Date, the form Prisma uses for `@db.Date` columns. */
export function londonToday(now: Date = new Date()): Date {
  return new Date(`${londonDateKey(now)}T00:00:00.000Z`);
}

/** Whole calendar days from one instant's London date to another's (waiting times use these). */
export function calendarDaysBetween(from: DateLike, to: DateLike): number {
  const a = Date.parse(`${londonDateKey(from)}T00:00:00Z`);
  const b = Date.parse(`${londonDateKey(to)}T00:00:00Z`);
  return Math.round((b - a) / 86_400_000);
}

/** "1 day", "3 days". */
export function pluralDays(n: number): string {
  return `${n} ${Math.abs(n) === 1 ? 'day' : 'days'}`;
}

const midnights = new Map<string, number>();

/** The instant a London calendar date ("YYYY-MM-DD") begins, allowing for British Summer Time. */
export function londonMidnight(key: string): Date {
  let ms = midnights.get(key);
  if (ms === undefined) {
    const [y, m, d] = key.split('-').map(Number);
    ms = new TZDate(y, m - 1, d, 0, 0, 0, TIME_ZONE).getTime();
    if (midnights.size >= 20_000) midnights.clear();
    midnights.set(key, ms);
  }
  return new Date(ms);
}

/** A "YYYY-MM-DD" key moved by whole calendar days (or months), without time-zone drift. */
export function shiftDateKey(key: string, { days = 0, months = 0 }: { days?: number; months?: number }): string {
  const [y, m, d] = key.split('-').map(Number);
  const shifted = new Date(Date.UTC(y, m - 1 + months, d + days));
  // "31 March minus one month" lands on 3 March in JavaScript; clamp to the month's last day instead.
  if (months !== 0 && days === 0 && shifted.getUTCDate() !== d) shifted.setUTCDate(0);
  return shifted.toISOString().slice(0, 10);
}

/**
 * Age in whole years on `now`'s London date, from a date of birth (a calendar date, read as UTC
 * midnight). Someone born on 29 February has their birthday on 1 March in other years.
 */
export function ageOn(dateOfBirth: Date, now: Date = new Date()): number {
  const [y, m, d] = londonDateKey(now).split('-').map(Number);
  const by = dateOfBirth.getUTCFullYear();
  const bm = dateOfBirth.getUTCMonth() + 1;
  const bd = dateOfBirth.getUTCDate();
  const hadBirthday = m > bm || (m === bm && d >= bd);
  return y - by - (hadBirthday ? 0 : 1);
}
