// The sessions a schedule gives. One engine for every rule: the rrule library (RFC 5545).
//
// Time zones: rrule computes with "floating" dates, whose UTC fields stand for local wall-clock
// time. Its `tzid` option does not turn them into instants: it shifts each result by the gap
// between the host's own time zone and the tzid, measured at the floating time, so the answer
// depends on the server's TZ setting and is an hour out around a clock change. So no tzid here:
// rrule finds London calendar days (UTC midnight standing for each day), and each day's opening
// time becomes an instant by the Europe/London rules (londonInstant). A 10am session stays at 10am
// local time when the clocks change in March and October.
import {
  dateOfDay,
  dayFromDate,
  dayOf,
  EPOCH_MONDAY,
  londonDay,
  londonInstant,
  mondayOf,
  weekdayOf,
  ymd,
  type Day,
  type WeekdayCode,
} from './days';
import { parseClock } from './format';
import { RRule, RRuleSet, type RRuleOptions } from './rrule';
import { extendedRule, normalise, type NormalisedSchedule, type ScheduleLike } from './schedule';

export type Occurrence = { start: Date; end: Date; schedule: ScheduleLike };

const RRULE_DAYS = {
  MO: RRule.MO,
  TU: RRule.TU,
  WE: RRule.WE,
  TH: RRule.TH,
  FR: RRule.FR,
  SA: RRule.SA,
  SU: RRule.SU,
} satisfies Record<WeekdayCode, unknown>;

type Expansion =
  | { kind: 'never' }
  | { kind: 'once'; day: Day; to: Day | null }
  | { kind: 'fields'; n: NormalisedSchedule; anchor: Day; options: Partial<RRuleOptions>; months: Map<number, Set<Day>> }
  | { kind: 'text'; set: RRuleSet; from: Day | null; to: Day | null; years: Map<number, Day[]> };

const expansions = new WeakMap<object, Expansion>();

function expansionOf(s: ScheduleLike): Expansion {
  let e = expansions.get(s);
  if (!e) {
    e = buildExpansion(s);
    expansions.set(s, e);
  }
  return e;
}

function buildExpansion(s: ScheduleLike): Expansion {
  const n = normalise(s);
  if (n.freq === 'ONCE') return n.from === null ? { kind: 'never' } : { kind: 'once', day: n.from, to: n.to };
  const ext = extendedRule(s);
  if (ext) {
    if (ext.options === null) return { kind: 'never' };
    const set = new RRuleSet();
    // Without a start date, rules are counted from Monday 5 January 1970.
    const dtstart = dateOfDay(
      s.dtstart ? dayFromDate(s.dtstart) : s.validFrom ? dayFromDate(s.validFrom) : (ext.textStart ?? EPOCH_MONDAY),
    );
    for (const options of ext.options) set.rrule(new RRule({ ...options, dtstart }));
    for (const d of ext.exdates) set.exdate(dateOfDay(d));
    for (const d of ext.rdates) set.rdate(dateOfDay(d));
    return { kind: 'text', set, from: n.from, to: n.to, years: new Map() };
  }
  // The structured fields, with nothing left for rrule to take from DTSTART: DTSTART is moved
  // to the start of the period each search begins in (see fieldDays).
  const anchor = n.anchor ?? EPOCH_MONDAY;
  if (n.freq === 'WEEKLY') {
    const days = n.byDay.length ? n.byDay.map((b) => b.day) : n.anchor !== null ? [weekdayOf(n.anchor)] : [];
    if (days.length === 0) return { kind: 'never' };
    return {
      kind: 'fields',
      n,
      anchor,
      options: { freq: RRule.WEEKLY, interval: n.interval, wkst: RRule.MO, byweekday: days.map((d) => RRULE_DAYS[d]) },
      months: new Map(),
    };
  }
  const byweekday = n.byDay.map((b) => (b.n === null ? RRULE_DAYS[b.day] : RRULE_DAYS[b.day].nth(b.n)));
  let bymonthday = n.byMonthDay === null ? [] : [n.byMonthDay];
  if (byweekday.length === 0 && bymonthday.length === 0) {
    // RFC 5545: a monthly rule with no day falls on DTSTART's day of the month.
    if (n.anchor === null) return { kind: 'never' };
    bymonthday = [ymd(n.anchor).day];
  }
  if (bymonthday.some((d) => d === 0 || Math.abs(d) > 31)) return { kind: 'never' };
  return {
    kind: 'fields',
    n,
    anchor,
    options: { freq: RRule.MONTHLY, interval: n.interval, wkst: RRule.MO, byweekday, bymonthday },
    months: new Map(),
  };
}

/**
 * A structured rule's days from `lo` to `hi`. Its rhythm is counted from the anchor, so DTSTART
 * may move on by whole intervals (weeks from the anchor's Monday, or months) to the period `lo`
 * is in: the same days, without rrule walking every week since the anchor (or since 1970).
 */
function fieldDays(e: Extract<Expansion, { kind: 'fields' }>, lo: Day, hi: Day, limit: number): Day[] {
  let dtstart: Day;
  if (e.options.freq === RRule.WEEKLY) {
    const period = 7 * e.n.interval;
    const first = mondayOf(e.anchor);
    dtstart = first + Math.max(0, Math.floor((mondayOf(lo) - first) / period)) * period;
  } else {
    const a = ymd(e.anchor);
    const l = ymd(lo);
    const months = Math.max(0, Math.floor((l.year * 12 + l.month - (a.year * 12 + a.month)) / e.n.interval)) * e.n.interval;
    const index = a.year * 12 + (a.month - 1) + months;
    dtstart = Date.UTC(Math.floor(index / 12), index % 12, 1) / 86_400_000;
  }
  const rule = new RRule({ ...e.options, dtstart: dateOfDay(dtstart) });
  return rule.between(dateOfDay(lo), dateOfDay(hi), true, (_d, len) => len < limit).map(dayFromDate);
}

function textDays(e: Extract<Expansion, { kind: 'text' }>, lo: Day, hi: Day, limit: number): Day[] {
  const out: Day[] = [];
  for (let year = ymd(lo).year; year <= ymd(hi).year && out.length < limit; year++) {
    let days = e.years.get(year);
    if (!days) {
      days = e.set.between(new Date(Date.UTC(year, 0, 1)), new Date(Date.UTC(year, 11, 31)), true).map(dayFromDate);
      e.years.set(year, days);
    }
    for (const d of days) if (d >= lo && d <= hi && out.length < limit) out.push(d);
  }
  return out;
}

/** The London calendar days with a session, from `from` to `to` inclusive, the first `limit` of them. */
export function sessionDays(s: ScheduleLike, from: Day, to: Day, limit = Infinity): Day[] {
  const e = expansionOf(s);
  if (e.kind === 'never' || limit <= 0) return [];
  if (e.kind === 'once') return e.day >= from && e.day <= to && (e.to === null || e.day <= e.to) ? [e.day] : [];
  const start = e.kind === 'fields' ? e.n.from : e.from;
  const end = e.kind === 'fields' ? e.n.to : e.to;
  const lo = start === null ? from : Math.max(from, start);
  const hi = end === null ? to : Math.min(to, end);
  if (lo > hi) return [];
  return e.kind === 'fields' ? fieldDays(e, lo, hi, limit) : textDays(e, lo, hi, limit);
}

/** Does the schedule have a session on this London calendar day? */
export function occursOn(s: ScheduleLike, d: Day): boolean {
  const e = expansionOf(s);
  if (e.kind !== 'fields') return sessionDays(s, d, d, 1).length > 0;
  // Asked day after day (search's "open today", its tests): a month at a time costs rrule far less.
  const { year, month } = ymd(d);
  const key = year * 12 + month;
  let days = e.months.get(key);
  if (!days) {
    days = new Set(sessionDays(s, dayOf(year, month, 1), dayOf(year, month + 1, 0)));
    e.months.set(key, days);
  }
  return days.has(d);
}

/** Is a session on that day (London), whether or not it has finished? */
export function hasSessionOn(schedules: ScheduleLike[], d: Day): boolean {
  return schedules.some((s) => occursOn(s, d));
}

/** The first session on or after a day, used as DTSTART in a calendar file. */
export function firstOccurrenceFrom(s: ScheduleLike, from: Day, horizonDays = 800): Day | null {
  return sessionDays(s, from, from + horizonDays, 1)[0] ?? null;
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
  for (const s of schedules) {
    // One more than asked for: today's session may be over already.
    for (const d of sessionDays(s, today, today + horizonDays, count + 1)) {
      const occ = occurrenceOn(s, d);
      if (occ.end.getTime() > now.getTime() || (occ.end.getTime() === occ.start.getTime() && occ.start >= now)) out.push(occ);
    }
  }
  // A stable sort: sessions at the same time keep the schedules' order.
  return out.sort((a, b) => a.start.getTime() - b.start.getTime()).slice(0, count);
}

/** Has the schedule any session left (a one-off date not yet past, a series not yet ended)? */
export function isCurrent(s: ScheduleLike, now: Date = new Date()): boolean {
  const n = normalise(s);
  const today = londonDay(now);
  if (n.freq === 'ONCE') return n.from !== null && n.from >= today;
  if (n.to !== null && n.to < today) return false;
  // A rule with a COUNT or an UNTIL of its own ends without an end date in the structured fields.
  const ext = extendedRule(s);
  if (ext && ext.ends) return firstOccurrenceFrom(s, today, 800) !== null;
  return true;
}
