// An Open Referral UK schedule as one of ours: WEEKLY or MONTHLY with interval, byday ("TU",
// "2TU", "-1FR"), bymonthday, or a one-off date (valid_from = valid_to). opens_at/closes_at may
// carry a UTC offset ("10:00+01:00", "09:00Z"); ours are Europe/London local "HH:MM", so a time
// with an offset is turned into the London time of that instant on the schedule's first date
// (dtstart or valid_from, else the import's day), which keeps summer and winter straight.
import { TZDate } from '@date-fns/tz';
import { parseByDay, toRrule } from '@/lib/directory/schedule';
import { scheduleLike, type ScheduleSnapshot } from '@/lib/listings/schedule-slots';

export type OrukSchedule = {
  freq?: unknown;
  interval?: unknown;
  byday?: unknown;
  bymonthday?: unknown;
  dtstart?: unknown;
  valid_from?: unknown;
  valid_to?: unknown;
  opens_at?: unknown;
  closes_at?: unknown;
  description?: unknown;
  notes?: unknown;
};

const str = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null;
const dateOf = (v: unknown): string | null => {
  const s = str(v);
  const m = s ? /^(\d{4}-\d{2}-\d{2})/.exec(s) : null;
  return m ? m[1] : null;
};

/** "10:00", "10:00:00", "10:00+01:00", "09:00:00Z" as London "HH:MM" on the given day; null when unreadable. */
export function londonTime(value: unknown, onDay: string): string | null {
  const s = str(value);
  if (!s) return null;
  const m = /^(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(s);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 24 || min > 59) return null;
  const local = `${String(h % 24).padStart(2, '0')}:${m[2]}`;
  if (!m[3]) return local;
  let offset = 0;
  if (m[3].toUpperCase() !== 'Z') {
    const o = /^([+-])(\d{2}):?(\d{2})$/.exec(m[3])!;
    offset = (o[1] === '-' ? -1 : 1) * (Number(o[2]) * 60 + Number(o[3]));
  }
  const utcMinutes = h * 60 + min - offset;
  const instant = new Date(Date.parse(`${onDay}T00:00:00Z`) + utcMinutes * 60_000);
  const london = new TZDate(instant.getTime(), 'Europe/London');
  return `${String(london.getHours()).padStart(2, '0')}:${String(london.getMinutes()).padStart(2, '0')}`;
}

const list = (v: unknown): string[] =>
  (Array.isArray(v) ? v.map(String) : (str(v) ?? '').split(',')).map((x) => x.trim()).filter(Boolean);

/** Our schedule for one of the feed's, or the reason it cannot be carried over. */
export function mapSchedule(
  s: OrukSchedule,
  today: string,
): { ok: true; schedule: ScheduleSnapshot } | { ok: false; reason: string } {
  const validFrom = dateOf(s.valid_from);
  const validTo = dateOf(s.valid_to);
  const dtstart = dateOf(s.dtstart);
  const onDay = dtstart ?? validFrom ?? today;
  const opensAt = londonTime(s.opens_at, onDay);
  const closesAt = londonTime(s.closes_at, onDay);
  const description = str(s.description) ?? str(s.notes);
  if (!opensAt || !closesAt) return { ok: false, reason: 'a schedule without readable opening and closing times' };
  const base = { opensAt, closesAt, description };
  if (validFrom && validFrom === validTo) {
    return {
      ok: true,
      schedule: {
        ...base,
        freq: 'ONCE',
        interval: 1,
        byDay: [],
        byMonthDay: null,
        rrule: null,
        dtstart: validFrom,
        validFrom,
        validTo,
      },
    };
  }
  const freq = (str(s.freq) ?? '').toUpperCase();
  if (freq !== 'WEEKLY' && freq !== 'MONTHLY') return { ok: false, reason: `a schedule repeating "${str(s.freq) ?? 'never'}"` };
  const interval = Number.isInteger(Number(s.interval)) && Number(s.interval) > 0 ? Number(s.interval) : 1;
  const days = list(s.byday).map((d) => d.toUpperCase());
  const parsed = days.map(parseByDay);
  if (parsed.some((p) => p === null)) return { ok: false, reason: `a schedule on days "${days.join(',')}"` };
  const monthDays = list(s.bymonthday)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n !== 0 && n >= -31 && n <= 31);
  const common = { ...base, interval, dtstart, validFrom, validTo };
  if (freq === 'WEEKLY') {
    // RFC 5545 has no BYMONTHDAY in a weekly rule; the numbered days ("2TU") mean nothing weekly either.
    const plain = parsed.map((p) => p!.day);
    if (!plain.length) return { ok: false, reason: 'a weekly schedule without days' };
    const out = { ...common, freq: 'WEEKLY' as const, byDay: [...new Set(plain)], byMonthDay: null };
    return { ok: true, schedule: { ...out, rrule: toRrule(scheduleLike(out)) } };
  }
  if (days.length) {
    const out = { ...common, freq: 'MONTHLY' as const, byDay: days, byMonthDay: null };
    return { ok: true, schedule: { ...out, rrule: toRrule(scheduleLike(out)) } };
  }
  if (monthDays.length === 1) {
    const out = { ...common, freq: 'MONTHLY' as const, byDay: [], byMonthDay: monthDays[0] };
    return { ok: true, schedule: { ...out, rrule: toRrule(scheduleLike(out)) } };
  }
  if (monthDays.length > 1) {
    // Several days of the month: the structured field holds one, the rule's text holds them all.
    const parts = ['FREQ=MONTHLY', ...(interval > 1 ? [`INTERVAL=${interval}`] : []), `BYMONTHDAY=${monthDays.join(',')}`];
    return { ok: true, schedule: { ...common, freq: 'MONTHLY', byDay: [], byMonthDay: null, rrule: parts.join(';') } };
  }
  return { ok: false, reason: 'a monthly schedule without days' };
}
