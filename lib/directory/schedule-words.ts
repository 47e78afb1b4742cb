// A schedule in plain English, GOV.UK style: "Every Tuesday, 10am to midday", "First Monday of the
// month, 7pm to 9pm", "Saturday 5 December 2026, 10am to 1pm".
import { dateOfDay, icalDays, londonDay, WEEK_ORDER, WEEKDAY_NAMES, weekdayOf, ymd, type Day, type WeekdayCode } from './days';
import { formatCalendarDate, formatCalendarDayDate, formatTimeRange } from './format';
import { extendedRule, normalise, parseByDay, type ByDay, type ExtendedRule, type ScheduleLike } from './schedule';
import { MONTH_NAMES } from '@/lib/format/dates';

const ORDINALS: Record<string, string> = {
  '1': 'first',
  '2': 'second',
  '3': 'third',
  '4': 'fourth',
  '5': 'fifth',
  '-1': 'last',
  '-2': 'second to last',
};

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function ordinalDay(n: number): string {
  if (n === -1) return 'last day';
  const suffix =
    n % 100 >= 11 && n % 100 <= 13 ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
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
  // Days of the week and a day of the month together narrow each other (RFC 5545): "Every Friday the 13th".
  if (parts.length && n.byMonthDay !== null) {
    if (withN.length === 0 && n.interval === 1 && n.byMonthDay > 0)
      return `Every ${dayChoice(everyDay.map((b) => b.day))} the ${ordinalDay(n.byMonthDay)}`;
    return capitalise(`${list(parts)} ${every}, when it falls on the ${ordinalDay(n.byMonthDay)}`);
  }
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
    if (n.from !== null && n.from > today) text += `, from ${formatCalendarDate(dateOfDay(n.from))}`;
    if (n.to !== null) text += `, until ${formatCalendarDate(dateOfDay(n.to))}`;
    const ext = extendedRule(s);
    if (ext) text += describeDateLists(ext, today);
  }
  return text;
}

// ---------- fuller rules, read from their RRULE text ----------

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
      text = days.length
        ? `Every ${weeklyDays(days.map((b) => b.day))}`
        : interval === 1
          ? 'Every day'
          : `Every ${interval} days`;
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
        text = describeDays({
          freq: 'MONTHLY',
          interval,
          byDay: codes,
          byMonthDay: monthDays[0] ?? null,
          opensAt: '',
          closesAt: '',
        });
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
  if (until !== undefined) text += `, until ${formatCalendarDate(dateOfDay(until))}`;
  return text;
}

function describeExtended(ext: ExtendedRule): string {
  const parts = ext.rules.map(describeRule);
  if (ext.options === null || parts.some((p) => p === null)) return 'On a repeating pattern (see the next dates)';
  return (parts as string[])
    .map((p, i) => (i === 0 ? p : p.charAt(0).toLowerCase() + p.slice(1)))
    .reduce((acc, p, i, all) => (i === 0 ? p : i === all.length - 1 ? `${acc}, and ${p}` : `${acc}, ${p}`), '');
}

/** ", except 24 December 2026 and 31 December 2026, and also on 2 January 2027": the days still to come. */
function describeDateLists(ext: ExtendedRule, today: Day): string {
  const dates = (ds: Day[]) => {
    const coming = [...new Set(ds)].filter((d) => d >= today).sort((a, b) => a - b);
    const shown = coming.slice(0, 3).map((d) => formatCalendarDate(dateOfDay(d)));
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
