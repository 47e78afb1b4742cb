// What a schedule says. The stored fields follow Open Referral UK / HSDS `schedule` (freq, interval,
// byday, bymonthday, dtstart, valid_from, valid_to, opens_at, closes_at), which are RFC 5545 RRULE
// parts and mean what RFC 5545 says. A rule the fields cannot hold is kept as RRULE text.
// ./recurrence finds the sessions; ./schedule-words says the schedule in plain English.
import { dayFromDate, icalDays, icalLocalStamp, icalUtcStamp, londonInstant, type Day, type WeekdayCode } from './days';
import { RRule, type RRuleOptions } from './rrule';

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

export type ByDay = { n: number | null; day: WeekdayCode };

export function parseByDay(code: string): ByDay | null {
  const m = /^([+-]?\d)?(MO|TU|WE|TH|FR|SA|SU)$/.exec(code.trim().toUpperCase());
  if (!m) return null;
  return { n: m[1] ? Number(m[1]) : null, day: m[2] as WeekdayCode };
}

/** One RRULE's parts, keys and values upper-cased. */
export function parseRrule(text: string): Record<string, string> {
  const body = text.replace(/^RRULE:/i, '').trim();
  const out: Record<string, string> = {};
  for (const part of body.split(';')) {
    const [k, v] = part.split('=');
    if (k && v) out[k.trim().toUpperCase()] = v.trim().toUpperCase();
  }
  return out;
}

export type NormalisedSchedule = {
  freq: ScheduleFreq;
  interval: number;
  byDay: ByDay[];
  byMonthDay: number | null;
  /** The day the rhythm is counted from ("every other week": which weeks). */
  anchor: Day | null;
  /** The first day a session can fall on. */
  from: Day | null;
  /** The last day a session can fall on. */
  to: Day | null;
};

/** The structured fields, filled from the RRULE text where the structured ones are missing. */
export function normalise(s: ScheduleLike): NormalisedSchedule {
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
  const validFrom = s.validFrom ? dayFromDate(s.validFrom) : null;
  const dtstart = s.dtstart ? dayFromDate(s.dtstart) : null;
  // A one-off date is its valid-from day. A series starts at DTSTART (RFC 5545: the first
  // instance), and not before the schedule is valid: the later of the two.
  const from =
    freq === 'ONCE'
      ? (validFrom ?? dtstart)
      : validFrom === null
        ? dtstart
        : dtstart === null
          ? validFrom
          : Math.max(validFrom, dtstart);
  const byDay = byDayCodes.map(parseByDay).filter((b): b is ByDay => b !== null);
  return {
    freq,
    interval,
    // A numbered day ("1MO") means nothing in a weekly rule (RFC 5545 forbids it there).
    byDay: freq === 'WEEKLY' ? byDay.map((b) => ({ n: null, day: b.day })) : byDay,
    byMonthDay: Number.isFinite(byMonthDay) ? byMonthDay : null,
    anchor: dtstart ?? validFrom,
    from,
    to: s.validTo ? dayFromDate(s.validTo) : null,
  };
}

/** UNTIL for a calendar file: in UTC when DTSTART has a TZID, so the end of the last day, London time. */
function untilStamp(lastDay: Day): string {
  return icalUtcStamp(londonInstant(lastDay + 1, '00:00'));
}

/** An RRULE for the calendar file (RFC 5545), from the structured fields. */
export function toRrule(s: ScheduleLike): string | null {
  const n = normalise(s);
  if (n.freq === 'ONCE') return null;
  const parts = [`FREQ=${n.freq}`];
  if (n.interval > 1) parts.push(`INTERVAL=${n.interval}`);
  if (n.byDay.length) parts.push(`BYDAY=${n.byDay.map((b) => `${b.n ?? ''}${b.day}`).join(',')}`);
  if (n.byMonthDay !== null) parts.push(`BYMONTHDAY=${n.byMonthDay}`);
  if (n.to !== null) parts.push(`UNTIL=${untilStamp(n.to)}`);
  return parts.join(';');
}

// ---------- rules the structured fields cannot hold ----------
//
// The structured fields (freq, interval, byDay, byMonthDay) hold what the listing editor can set.
// A schedule that arrived some other way may carry a fuller rule in its `rrule` text: BYSETPOS
// ("the last weekday of the month"), several BYMONTHDAY values, BYMONTH, COUNT, a DAILY or YEARLY
// rule, a week starting on another day than Monday, several RRULE lines, or EXDATE / RDATE lines
// for exceptions and extra dates. Such a schedule is read from its text, so it is shown and
// counted as it really is.

const SIMPLE_RULE_KEYS = new Set(['FREQ', 'INTERVAL', 'BYDAY', 'BYMONTHDAY', 'UNTIL', 'WKST']);

export type ExtendedRule = {
  /** Each RRULE, as its parts (upper-case keys and values). */
  rules: Array<Record<string, string>>;
  /** Days without a session (EXDATE). */
  exdates: Day[];
  /** Extra days with a session (RDATE). */
  rdates: Day[];
  /** The rule ends by itself (COUNT or UNTIL in the text). */
  ends: boolean;
  /** The text's own DTSTART line, when the stored fields have no start. */
  textStart: Day | null;
  /** Each RRULE as rrule options on floating dates (without DTSTART); null when rrule cannot read them. */
  options: Array<Partial<RRuleOptions>> | null;
};

const extendedCache = new WeakMap<object, ExtendedRule | null>();

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
    // Weeks starting on Sunday change which weeks "every other week" picks.
    (only.WKST ?? 'MO') === 'MO' &&
    // An UNTIL the structured fields do not repeat would be lost on them.
    !(only.UNTIL && !s.validTo);
  if (simple || rules.length === 0) {
    extendedCache.set(s, null);
    return null;
  }
  const ext: ExtendedRule = {
    rules,
    exdates,
    rdates,
    ends: rules.every((r) => Boolean(r.COUNT || r.UNTIL)),
    textStart,
    options: ruleOptions(rules),
  };
  extendedCache.set(s, ext);
  return ext;
}

function ruleOptions(rules: Array<Record<string, string>>): Array<Partial<RRuleOptions>> | null {
  try {
    return rules.map((r) => {
      const text = Object.entries(r)
        .filter(([k]) => k !== 'UNTIL' && k !== 'DTSTART')
        .map(([k, v]) => `${k}=${v}`)
        .join(';');
      const options = RRule.parseString(text);
      // UNTIL ends on a London calendar day: the last floating moment of that day.
      const until = r.UNTIL ? icalDays(r.UNTIL)[0] : undefined;
      if (until !== undefined) options.until = new Date((until + 1) * 86_400_000 - 1000);
      // Checked here, so a rule rrule refuses is found once rather than on every expansion.
      new RRule({ ...options, dtstart: new Date(0) });
      return options;
    });
  } catch {
    return null;
  }
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
  const lines = ext.rules.map((r) => {
    const parts = Object.entries(r).filter(([k]) => k !== 'DTSTART');
    return `RRULE:${parts.map(([k, v]) => (k === 'UNTIL' ? `UNTIL=${untilStamp(icalDays(v)[0] ?? 0)}` : `${k}=${v}`)).join(';')}`;
  });
  const stamp = (d: Day) => icalLocalStamp(d, s.opensAt);
  if (ext.exdates.length) lines.push(`EXDATE;TZID=Europe/London:${ext.exdates.map(stamp).join(',')}`);
  if (ext.rdates.length) lines.push(`RDATE;TZID=Europe/London:${ext.rdates.map(stamp).join(',')}`);
  return lines;
}
