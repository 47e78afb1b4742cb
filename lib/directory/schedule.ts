import { TZDate } from '@date-fns/tz';
import * as rrulePackage from 'rrule';
import { formatCalendarDate, formatCalendarDayDate, formatTimeRange, londonParts, parseClock, TIME_ZONE } from './format';

// rrule ships an ES module for bundlers and a CommonJS bundle for Node, whose names Node's ES module
// loader only finds on the default export: take them from wherever they are.
const rrule: typeof rrulePackage = (Reflect.get(rrulePackage, 'default') as typeof rrulePackage | undefined)?.RRule
  ? (Reflect.get(rrulePackage, 'default') as typeof rrulePackage)
  : rrulePackage;
const { RRule, RRuleSet } = rrule;
type RRuleSet = InstanceType<typeof rrulePackage.RRuleSet>;

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
  const ext = extendedRule(s);
  if (ext) return extendedDays(ext, ymd(d).year).has(d);
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
  const ext = extendedRule(s);
  if (ext) return describeExtended(ext);
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
    const ext = extendedRule(s);
    if (ext) text += describeDateLists(ext, today);
  }
  return text;
}

/** Has the schedule any session left (a one-off date not yet past, a series not yet ended)? */
export function isCurrent(s: ScheduleLike, now: Date = new Date()): boolean {
  const n = normalise(s);
  const today = londonDay(now);
  if (n.freq === 'ONCE') return n.from !== null ? n.from >= today : n.anchor !== null && n.anchor >= today;
  if (n.to !== null && n.to < today) return false;
  // A rule with a COUNT or an UNTIL of its own ends without an end date in the structured fields.
  const ext = extendedRule(s);
  if (ext && ext.ends) return firstOccurrenceFrom(s, today, 800) !== null;
  return true;
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

// ---------- rules the structured fields cannot hold ----------
//
// The structured fields (freq, interval, byDay, byMonthDay) hold what the listing editor can set.
// A schedule that arrived some other way may carry a fuller rule in its `rrule` text: BYSETPOS
// ("the last weekday of the month"), several BYMONTHDAY values, BYMONTH, COUNT, a DAILY or YEARLY
// rule, several RRULE lines, or EXDATE / RDATE lines for exceptions and extra dates. Such a
// schedule is read from its text, so it is shown and counted as it really is.

const SIMPLE_RULE_KEYS = new Set(['FREQ', 'INTERVAL', 'BYDAY', 'BYMONTHDAY', 'UNTIL', 'WKST']);
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export type ExtendedRule = {
  /** Each RRULE, as its parts (upper-case keys and values). */
  rules: Array<Record<string, string>>;
  /** Days without a session (EXDATE). */
  exdates: Day[];
  /** Extra days with a session (RDATE). */
  rdates: Day[];
  /** The rule ends by itself (COUNT or UNTIL in the text). */
  ends: boolean;
  /** The rule set on floating dates (UTC midnight stands for a London calendar day); null when unreadable. */
  set: RRuleSet | null;
  years: Map<number, Set<Day>>;
};

const extendedCache = new WeakMap<object, ExtendedRule | null>();

/** Dates in iCalendar form (20261224, 20261224T100000, 20261224T100000Z) as London calendar days. */
function icalDays(list: string): Day[] {
  const out: Day[] = [];
  for (const v of list.split(',')) {
    const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/.exec(v.trim());
    if (!m) continue;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    out.push(m[7] ? londonDay(new Date(Date.UTC(y, mo - 1, d, Number(m[4]), Number(m[5]), Number(m[6])))) : dayOf(y, mo, d));
  }
  return out;
}

const floating = (d: Day) => new Date(d * MS_PER_DAY);

/** The schedule's fuller rule, when its `rrule` text says more than the structured fields hold; otherwise null. */
export function extendedRule(s: ScheduleLike): ExtendedRule | null {
  if (!s.rrule || s.freq === 'ONCE') return null;
  if (extendedCache.has(s)) return extendedCache.get(s)!;
  const rules: Array<Record<string, string>> = [];
  const exdates: Day[] = [];
  const rdates: Day[] = [];
  let textStart: Day | null = null;
  for (const raw of s.rrule.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const prop = /^([A-Z-]+)(?:;[^:]*)?:(.*)$/i.exec(line);
    const name = prop ? prop[1].toUpperCase() : 'RRULE';
    const value = prop ? prop[2] : line;
    if (name === 'RRULE') rules.push(parseRrule(value));
    else if (name === 'EXDATE') exdates.push(...icalDays(value));
    else if (name === 'RDATE') rdates.push(...icalDays(value));
    else if (name === 'DTSTART') textStart = icalDays(value)[0] ?? null;
  }
  const only = rules.length === 1 ? rules[0] : null;
  const simple =
    only !== null &&
    exdates.length === 0 &&
    rdates.length === 0 &&
    Object.keys(only).every((k) => SIMPLE_RULE_KEYS.has(k)) &&
    (only.FREQ === 'WEEKLY' || only.FREQ === 'MONTHLY') &&
    !(only.BYMONTHDAY ?? '').includes(',') &&
    // An UNTIL the structured fields do not repeat would be lost on them.
    !(only.UNTIL && !s.validTo);
  if (simple || rules.length === 0) {
    extendedCache.set(s, null);
    return null;
  }
  const anchor = s.dtstart ? dayFromDate(s.dtstart) : s.validFrom ? dayFromDate(s.validFrom) : textStart;
  let set: RRuleSet | null = null;
  try {
    set = new RRuleSet();
    // Without a start date, rules are counted from Monday 5 January 1970, as weekIndex does.
    const dtstart = floating(anchor ?? 4);
    for (const r of rules) {
      const text = Object.entries(r)
        .filter(([k]) => k !== 'UNTIL' && k !== 'DTSTART')
        .map(([k, v]) => `${k}=${v}`)
        .join(';');
      const options = RRule.parseString(text);
      // UNTIL ends on a London calendar day.
      const until = r.UNTIL ? icalDays(r.UNTIL)[0] : undefined;
      set.rrule(new RRule({ ...options, dtstart, ...(until !== undefined ? { until: new Date(floating(until).getTime() + MS_PER_DAY - 1000) } : {}) }));
    }
    for (const d of exdates) set.exdate(floating(d));
    for (const d of rdates) set.rdate(floating(d));
  } catch {
    set = null;
  }
  const ext: ExtendedRule = { rules, exdates, rdates, ends: rules.every((r) => Boolean(r.COUNT || r.UNTIL)), set, years: new Map() };
  extendedCache.set(s, ext);
  return ext;
}

function extendedDays(ext: ExtendedRule, year: number): Set<Day> {
  let days = ext.years.get(year);
  if (!days) {
    days = new Set((ext.set?.between(new Date(Date.UTC(year, 0, 1)), new Date(Date.UTC(year, 11, 31, 23, 59, 59)), true) ?? []).map((d) => Math.floor(d.getTime() / MS_PER_DAY)));
    ext.years.set(year, days);
  }
  return days;
}

const numbers = (v: string | undefined) =>
  (v ?? '')
    .split(',')
    .filter(Boolean)
    .map(Number)
    .filter((x) => Number.isInteger(x) && x !== 0);

function ordinalWord(n: number): string {
  return ORDINALS[String(n)] ?? (n > 0 ? ordinalDay(n) : `${ordinalDay(-n)} to last`);
}

/** "weekday", "weekend day", "Monday", "Monday or Friday". */
function dayChoice(codes: WeekdayCode[]): string {
  const sorted = WEEK_ORDER.filter((c) => codes.includes(c));
  if (sorted.length === 7) return 'day';
  if (sorted.length === 5 && ['MO', 'TU', 'WE', 'TH', 'FR'].every((c) => sorted.includes(c as WeekdayCode))) return 'weekday';
  if (sorted.length === 2 && sorted.includes('SA') && sorted.includes('SU')) return 'weekend day';
  const names = sorted.map((c) => WEEKDAY_NAMES[c]);
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/** One rule in words, or null when it uses parts we do not put into words. */
function describeRule(r: Record<string, string>): string | null {
  const known = new Set(['FREQ', 'INTERVAL', 'BYDAY', 'BYMONTHDAY', 'BYSETPOS', 'BYMONTH', 'COUNT', 'UNTIL', 'WKST']);
  if (Object.keys(r).some((k) => !known.has(k))) return null;
  const interval = Math.max(1, Number(r.INTERVAL ?? 1) || 1);
  const codes = (r.BYDAY ?? '').split(',').filter(Boolean);
  const byDay = codes.map(parseByDay);
  if (byDay.some((b) => b === null)) return null;
  const days = byDay as ByDay[];
  const monthDays = numbers(r.BYMONTHDAY);
  const setPos = numbers(r.BYSETPOS);
  const months = numbers(r.BYMONTH).filter((m) => m >= 1 && m <= 12);
  const ofMonth = interval === 1 ? 'of the month' : interval === 2 ? 'of every other month' : `of every ${interval} months`;
  let text: string;
  switch (r.FREQ) {
    case 'DAILY':
      if (setPos.length || monthDays.length) return null;
      text = days.length ? `Every ${weeklyDays(days.map((b) => b.day))}` : interval === 1 ? 'Every day' : `Every ${interval} days`;
      if (days.length && interval > 1) return null;
      break;
    case 'WEEKLY':
      if (setPos.length || monthDays.length || days.some((b) => b.n !== null)) return null;
      text = describeDays({ freq: 'WEEKLY', interval, byDay: codes, opensAt: '', closesAt: '' });
      break;
    case 'MONTHLY':
      if (setPos.length) {
        if (monthDays.length || days.length === 0 || days.some((b) => b.n !== null)) return null;
        const sorted = [...setPos].sort((a, b) => (a < 0 ? 100 - a : a) - (b < 0 ? 100 - b : b));
        text = capitalise(`${list(sorted.map(ordinalWord))} ${dayChoice(days.map((b) => b.day))} ${ofMonth}`);
      } else if (monthDays.length > 1) {
        if (days.length) return null;
        text = `The ${list(monthDays.map(ordinalDay))} ${ofMonth}`;
      } else {
        if (days.length === 0 && monthDays.length === 0) return null;
        text = describeDays({ freq: 'MONTHLY', interval, byDay: codes, byMonthDay: monthDays[0] ?? null, opensAt: '', closesAt: '' });
      }
      break;
    case 'YEARLY':
      if (interval !== 1 || months.length !== 1 || monthDays.length !== 1 || days.length || setPos.length) return null;
      text = `Every year on ${monthDays[0]} ${MONTH_NAMES[months[0] - 1]}`;
      break;
    default:
      return null;
  }
  if (months.length && r.FREQ !== 'YEARLY') text += `, in ${list(months.sort((a, b) => a - b).map((m) => MONTH_NAMES[m - 1]))}`;
  const count = Number(r.COUNT);
  if (Number.isInteger(count) && count > 0) text += count === 1 ? ', once' : `, for ${count} sessions`;
  const until = r.UNTIL ? icalDays(r.UNTIL)[0] : undefined;
  if (until !== undefined) text += `, until ${formatCalendarDate(floating(until))}`;
  return text;
}

function describeExtended(ext: ExtendedRule): string {
  const parts = ext.rules.map(describeRule);
  if (ext.set === null || parts.some((p) => p === null)) return 'On a repeating pattern (see the next dates)';
  return (parts as string[]).map((p, i) => (i === 0 ? p : p.charAt(0).toLowerCase() + p.slice(1))).reduce((acc, p, i, all) => (i === 0 ? p : i === all.length - 1 ? `${acc}, and ${p}` : `${acc}, ${p}`), '');
}

/** ", except 24 December 2026 and 31 December 2026, and also on 2 January 2027": the days still to come. */
function describeDateLists(ext: ExtendedRule, today: Day): string {
  const dates = (ds: Day[]) => {
    const coming = [...new Set(ds)].filter((d) => d >= today).sort((a, b) => a - b);
    const shown = coming.slice(0, 3).map((d) => formatCalendarDate(floating(d)));
    if (coming.length > 3) shown.push(`${coming.length - 3} other ${coming.length - 3 === 1 ? 'date' : 'dates'}`);
    return shown;
  };
  let text = '';
  const except = dates(ext.exdates);
  if (except.length) text += `, except ${list(except)}`;
  const also = dates(ext.rdates);
  if (also.length) text += `, and also on ${list(also)}`;
  return text;
}

/**
 * The RRULE, EXDATE and RDATE lines for a calendar file. A fuller rule is written as it is (its
 * exceptions as local session times); otherwise one RRULE from the structured fields.
 */
export function calendarRuleLines(s: ScheduleLike): string[] {
  const ext = extendedRule(s);
  if (!ext) {
    const rule = toRrule(s);
    return rule ? [`RRULE:${rule}`] : [];
  }
  const stamp = (d: Day) => {
    const { year, month, day } = ymd(d);
    const minutes = parseClock(s.opensAt) ?? 0;
    const p = (n: number) => String(n).padStart(2, '0');
    return `${year}${p(month)}${p(day)}T${p(Math.floor(minutes / 60) % 24)}${p(minutes % 60)}00`;
  };
  const lines = ext.rules.map((r) => {
    const parts = Object.entries(r).filter(([k]) => k !== 'DTSTART');
    // UNTIL must be in UTC when DTSTART has a TZID: the end of the last day, London time.
    return `RRULE:${parts.map(([k, v]) => (k === 'UNTIL' ? `UNTIL=${londonInstant((icalDays(v)[0] ?? 0) + 1, '00:00').toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')}` : `${k}=${v}`)).join(';')}`;
  });
  if (ext.exdates.length) lines.push(`EXDATE;TZID=Europe/London:${ext.exdates.map(stamp).join(',')}`);
  if (ext.rdates.length) lines.push(`RDATE;TZID=Europe/London:${ext.rdates.map(stamp).join(',')}`);
  return lines;
}
