import { TZDate } from '@date-fns/tz';
import { formatCalendarDate, formatCalendarDayDate, formatTimeRange, londonParts, parseClock, TIME_ZONE } from './format';

// Schedules are local wall-clock times in Europe/London: a group that meets "Tuesdays at 10am"
// meets at 10am in both GMT and BST, so occurrences are built from local dates and then turned
// into instants, never by adding 24 hours to an instant.

export type ScheduleFreq = 'WEEKLY' | 'MONTHLY' | 'ONCE';

export type ScheduleLike = {
  freq: ScheduleFreq;
  interval?: number | null;
  byDay?: string[] | null;
  byMonthDay?: number | null;
  rrule?: string | null;
  dtstart?: Date | null;
  validFrom?: Date | null;
  validTo?: Date | null;
  opensAt: string;
  closesAt: string;
  description?: string | null;
};

export type Occurrence = { start: Date; end: Date; schedule: ScheduleLike };

export const WEEKDAY_CODES = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;
export type WeekdayCode = (typeof WEEKDAY_CODES)[number];
export const WEEKDAY_NAMES: Record<WeekdayCode, string> = {
  MO: 'Monday',
  TU: 'Tuesday',
  WE: 'Wednesday',
  TH: 'Thursday',
  FR: 'Friday',
  SA: 'Saturday',
  SU: 'Sunday',
};
const WEEK_ORDER: WeekdayCode[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const ORDINALS: Record<string, string> = { '1': 'first', '2': 'second', '3': 'third', '4': 'fourth', '5': 'fifth', '-1': 'last', '-2': 'second to last' };

const MS_PER_DAY = 86_400_000;

/** A calendar day as a count of days since 1 January 1970. */
export type Day = number;

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
/** The London calendar day that an instant falls on. */
export function londonDay(instant: Date): Day {
  const p = londonParts(instant);
  return dayOf(p.year, p.month, p.day);
}
export function weekdayOf(d: Day): WeekdayCode {
  return WEEKDAY_CODES[(((d + 4) % 7) + 7) % 7];
}
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

type ByDay = { n: number | null; day: WeekdayCode };

export function parseByDay(code: string): ByDay | null {
  const m = /^([+-]?\d)?(MO|TU|WE|TH|FR|SA|SU)$/.exec(code.trim().toUpperCase());
  if (!m) return null;
  return { n: m[1] ? Number(m[1]) : null, day: m[2] as WeekdayCode };
}

/** The structured fields, filled from the RRULE text where the structured ones are missing. */
export function normalise(s: ScheduleLike): Required<Pick<ScheduleLike, 'freq'>> & {
  interval: number;
  byDay: ByDay[];
  byMonthDay: number | null;
  anchor: Day | null;
  from: Day | null;
  to: Day | null;
} {
  let freq = s.freq;
  let interval = s.interval && s.interval > 0 ? s.interval : 1;
  let byDayCodes = s.byDay ?? [];
  let byMonthDay = s.byMonthDay ?? null;
  if (s.rrule && byDayCodes.length === 0 && byMonthDay === null) {
    const rule = parseRrule(s.rrule);
    if (rule.FREQ === 'WEEKLY' || rule.FREQ === 'MONTHLY') freq = rule.FREQ;
    if (rule.INTERVAL && Number(rule.INTERVAL) > 0) interval = Number(rule.INTERVAL);
    if (rule.BYDAY) byDayCodes = rule.BYDAY.split(',');
    if (rule.BYMONTHDAY) byMonthDay = Number(rule.BYMONTHDAY);
  }
  const anchorDate = s.dtstart ?? s.validFrom ?? null;
  return {
    freq,
    interval,
    byDay: byDayCodes.map(parseByDay).filter((b): b is ByDay => b !== null),
    byMonthDay: Number.isFinite(byMonthDay) ? byMonthDay : null,
    anchor: anchorDate ? dayFromDate(anchorDate) : null,
    from: s.validFrom ? dayFromDate(s.validFrom) : s.dtstart ? dayFromDate(s.dtstart) : null,
    to: s.validTo ? dayFromDate(s.validTo) : null,
  };
}

export function parseRrule(text: string): Record<string, string> {
  const body = text.replace(/^RRULE:/i, '').trim();
  const out: Record<string, string> = {};
  for (const part of body.split(';')) {
    const [k, v] = part.split('=');
    if (k && v) out[k.trim().toUpperCase()] = v.trim().toUpperCase();
  }
  return out;
}

// Week numbers counted from Monday 5 January 1970, so "every other week" has a stable parity
// even for a schedule with no start date.
function weekIndex(d: Day): number {
  return Math.floor((d - 4) / 7);
}

/** Does the schedule have a session on this London calendar day? */
export function occursOn(s: ScheduleLike, d: Day): boolean {
  const n = normalise(s);
  if (n.from !== null && d < n.from) return false;
  if (n.to !== null && d > n.to) return false;
  if (n.freq === 'ONCE') return n.from !== null ? d === n.from : n.anchor === d;
  const wd = weekdayOf(d);
  if (n.freq === 'WEEKLY') {
    const days = n.byDay.length ? n.byDay.map((b) => b.day) : n.anchor !== null ? [weekdayOf(n.anchor)] : [];
    if (!days.includes(wd)) return false;
    if (n.interval > 1) {
      const base = n.anchor !== null ? weekIndex(n.anchor) : 0;
      return (((weekIndex(d) - base) % n.interval) + n.interval) % n.interval === 0;
    }
    return true;
  }
  // MONTHLY
  const { year, month, day } = ymd(d);
  if (n.interval > 1) {
    const a = n.anchor !== null ? ymd(n.anchor) : { year: 1970, month: 1 };
    const diff = (year - a.year) * 12 + (month - a.month);
    if (((diff % n.interval) + n.interval) % n.interval !== 0) return false;
  }
  const dim = daysInMonth(year, month);
  if (n.byMonthDay !== null) {
    const target = n.byMonthDay < 0 ? dim + n.byMonthDay + 1 : n.byMonthDay;
    if (day === target) return true;
  }
  for (const b of n.byDay) {
    if (b.day !== wd) continue;
    if (b.n === null) return true;
    if (b.n > 0 && Math.ceil(day / 7) === b.n) return true;
    if (b.n < 0 && Math.ceil((dim - day + 1) / 7) === -b.n) return true;
  }
  if (n.byDay.length === 0 && n.byMonthDay === null && n.anchor !== null) return day === ymd(n.anchor).day;
  return false;
}

/** The instant a London wall-clock time happens on a given day. */
export function londonInstant(d: Day, hhmm: string): Date {
  const { year, month, day } = ymd(d);
  const minutes = parseClock(hhmm) ?? 0;
  return new Date(new TZDate(year, month - 1, day, Math.floor(minutes / 60), minutes % 60, 0, TIME_ZONE).getTime());
}

function occurrenceOn(s: ScheduleLike, d: Day): Occurrence {
  const start = londonInstant(d, s.opensAt);
  const closes = parseClock(s.closesAt);
  const opens = parseClock(s.opensAt) ?? 0;
  // A session that closes at or before it opens runs past midnight.
  const endDay = closes !== null && closes <= opens ? d + 1 : d;
  const end = closes === null ? start : londonInstant(endDay, s.closesAt);
  return { start, end, schedule: s };
}

/**
 * The next `count` sessions across all schedules, soonest first, including one under way now.
 * Looks up to `horizonDays` ahead (a little over a year by default).
 */
export function nextOccurrences(schedules: ScheduleLike[], count = 3, now: Date = new Date(), horizonDays = 400): Occurrence[] {
  if (schedules.length === 0 || count <= 0) return [];
  const today = londonDay(now);
  const out: Occurrence[] = [];
  for (let d = today; d <= today + horizonDays && out.length < count; d++) {
    const onDay: Occurrence[] = [];
    for (const s of schedules) {
      if (!occursOn(s, d)) continue;
      const occ = occurrenceOn(s, d);
      if (occ.end.getTime() > now.getTime() || (occ.end.getTime() === occ.start.getTime() && occ.start >= now)) onDay.push(occ);
    }
    onDay.sort((a, b) => a.start.getTime() - b.start.getTime());
    out.push(...onDay);
  }
  return out.slice(0, count);
}

/** Is a session on today (London), whether or not it has finished? */
export function hasSessionOn(schedules: ScheduleLike[], d: Day): boolean {
  return schedules.some((s) => occursOn(s, d));
}

// ---------- words ----------

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function ordinalDay(n: number): string {
  if (n === -1) return 'last day';
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

function weeklyDays(codes: WeekdayCode[]): string {
  const sorted = WEEK_ORDER.filter((c) => codes.includes(c));
  if (sorted.length === 7) return 'day';
  if (sorted.length === 5 && ['MO', 'TU', 'WE', 'TH', 'FR'].every((c) => sorted.includes(c as WeekdayCode))) return 'weekday';
  return list(sorted.map((c) => WEEKDAY_NAMES[c]));
}

/** When it happens, without the time: "Every Tuesday", "Second Thursday of the month". */
export function describeDays(s: ScheduleLike): string {
  const n = normalise(s);
  if (n.freq === 'ONCE') {
    const date = s.validFrom ?? s.dtstart;
    return date ? formatCalendarDayDate(date) : 'One date';
  }
  if (n.freq === 'WEEKLY') {
    const codes = n.byDay.length ? n.byDay.map((b) => b.day) : n.anchor !== null ? [weekdayOf(n.anchor)] : [];
    const days = weeklyDays(codes);
    if (n.interval === 1) return `Every ${days}`;
    if (n.interval === 2) return `Every other ${days}`;
    return `Every ${n.interval} weeks on ${days === 'day' ? 'every day' : days}`;
  }
  const every = n.interval === 1 ? 'of the month' : n.interval === 2 ? 'of every other month' : `of every ${n.interval} months`;
  const parts: string[] = [];
  const withN = n.byDay.filter((b) => b.n !== null);
  const everyDay = n.byDay.filter((b) => b.n === null);
  // Group "first and third Monday" together when the weekday is shared.
  const byWeekday = new Map<WeekdayCode, number[]>();
  for (const b of withN) byWeekday.set(b.day, [...(byWeekday.get(b.day) ?? []), b.n!]);
  for (const [day, ns] of [...byWeekday.entries()].sort((a, b) => WEEK_ORDER.indexOf(a[0]) - WEEK_ORDER.indexOf(b[0]))) {
    const sortedNs = ns.sort((a, b) => (a < 0 ? 10 - a : a) - (b < 0 ? 10 - b : b));
    parts.push(`${list(sortedNs.map((x) => ORDINALS[String(x)] ?? `${x}th`))} ${WEEKDAY_NAMES[day]}`);
  }
  if (everyDay.length) parts.push(`every ${list(everyDay.map((b) => WEEKDAY_NAMES[b.day]))}`);
  if (n.byMonthDay !== null) parts.push(`the ${ordinalDay(n.byMonthDay)}`);
  if (parts.length === 0 && n.anchor !== null) parts.push(`the ${ordinalDay(ymd(n.anchor).day)}`);
  if (parts.length === 0) return n.interval === 1 ? 'Once a month' : `Once every ${n.interval} months`;
  return capitalise(`${list(parts)} ${every}`);
}

/**
 * A schedule in plain English: "Every Tuesday, 10am to midday", "Every other Wednesday, 2pm to 4pm",
 * "Second Thursday of the month, 7pm to 9pm", "Saturday 5 December 2026, 10am to 1pm".
 */
export function describeSchedule(s: ScheduleLike, now: Date = new Date()): string {
  let text = `${describeDays(s)}, ${formatTimeRange(s.opensAt, s.closesAt)}`;
  if (s.freq !== 'ONCE') {
    const today = londonDay(now);
    const n = normalise(s);
    if (n.from !== null && n.from > today) text += `, from ${formatCalendarDate(new Date(n.from * MS_PER_DAY))}`;
    if (n.to !== null) text += `, until ${formatCalendarDate(new Date(n.to * MS_PER_DAY))}`;
  }
  return text;
}

/** Has the schedule any session left (a one-off date not yet past, a series not yet ended)? */
export function isCurrent(s: ScheduleLike, now: Date = new Date()): boolean {
  const n = normalise(s);
  const today = londonDay(now);
  if (n.freq === 'ONCE') return n.from !== null ? n.from >= today : n.anchor !== null && n.anchor >= today;
  return n.to === null || n.to >= today;
}

/** An RRULE for the calendar file (RFC 5545), from the structured fields. */
export function toRrule(s: ScheduleLike): string | null {
  const n = normalise(s);
  if (n.freq === 'ONCE') return null;
  const parts = [`FREQ=${n.freq}`];
  if (n.interval > 1) parts.push(`INTERVAL=${n.interval}`);
  if (n.byDay.length) parts.push(`BYDAY=${n.byDay.map((b) => `${b.n ?? ''}${b.day}`).join(',')}`);
  if (n.byMonthDay !== null) parts.push(`BYMONTHDAY=${n.byMonthDay}`);
  if (n.to !== null) {
    // UNTIL must be in UTC when DTSTART has a TZID: the end of the last day, London time.
    const end = londonInstant(n.to + 1, '00:00');
    parts.push(`UNTIL=${end.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')}`);
  }
  return parts.join(';');
}

/** The first session on or after a day, used as DTSTART in a calendar file. */
export function firstOccurrenceFrom(s: ScheduleLike, from: Day, horizonDays = 800): Day | null {
  for (let d = from; d <= from + horizonDays; d++) if (occursOn(s, d)) return d;
  return null;
}
