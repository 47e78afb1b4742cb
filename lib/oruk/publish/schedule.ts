// Our schedules as Open Referral UK schedules. Ours are RFC 5545 rule parts in Europe/London wall
// time ("HH:MM"); ORUK's allow only WEEKLY or MONTHLY, carry no time zone, and write opens_at and
// closes_at with a UTC offset. The offset is London's on the day that matters: the schedule's next
// session (from `now`), else its first day, else today — so "Tuesdays 10:00" reads "10:00:00+01:00"
// in summer and "10:00:00+00:00" in winter, and the feed changes when the clocks do.
import { dateOfDay, londonDay, londonInstant, weekdayOf, ymd, type Day } from '@/lib/directory/days';
import { parseClock } from '@/lib/directory/format';
import { firstOccurrenceFrom } from '@/lib/directory/recurrence';
import { normalise, type ScheduleLike } from '@/lib/directory/schedule';
import { describeSchedule } from '@/lib/directory/schedule-words';

export type SourceSchedule = ScheduleLike & {
  id: string;
  serviceId: string;
  serviceAtLocationId: string | null;
  notes: string | null;
};

export type OrukSchedule = {
  id: string;
  service_id: string;
  service_at_location_id?: string;
  valid_from?: string;
  valid_to?: string;
  dtstart?: string;
  freq?: 'WEEKLY' | 'MONTHLY';
  interval?: number;
  byday?: string;
  bymonthday?: string;
  description: string;
  opens_at?: string;
  closes_at?: string;
  notes?: string;
};

/** A calendar day as YYYY-MM-DD. */
export function isoDay(d: Day): string {
  return dateOfDay(d).toISOString().slice(0, 10);
}

/** A date column (UTC midnight) as YYYY-MM-DD. */
export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** London's offset from UTC at a wall-clock time on a day, as "+01:00" or "+00:00". */
export function londonOffset(day: Day, hhmm: string): string {
  const instant = londonInstant(day, hhmm);
  const { year, month, day: dom } = ymd(day);
  const minutes = parseClock(hhmm) ?? 0;
  const wall = Date.UTC(year, month - 1, dom, Math.floor(minutes / 60), minutes % 60);
  const offset = Math.round((wall - instant.getTime()) / 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** "10:00" on a day -> "10:00:00+01:00"; "24:00" (until midnight) is the last second of the day. */
export function orukTime(hhmm: string, day: Day): string | null {
  const minutes = parseClock(hhmm);
  if (minutes === null) return null;
  if (minutes >= 24 * 60) return `23:59:59${londonOffset(day, '23:59')}`;
  const clock = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return `${clock}:00${londonOffset(day, clock)}`;
}

/** The day whose UTC offset the times carry: the next session, else the schedule's first day, else today. */
export function offsetDay(s: ScheduleLike, now: Date): Day {
  const n = normalise(s);
  const today = londonDay(now);
  if (n.freq === 'ONCE') return n.from ?? today;
  const next = firstOccurrenceFrom(s, Math.max(today, n.from ?? today), 400);
  return next ?? n.from ?? today;
}

export function toOrukSchedule(s: SourceSchedule, now: Date): OrukSchedule {
  const n = normalise(s);
  const day = offsetDay(s, now);
  const out: OrukSchedule = {
    id: s.id,
    service_id: s.serviceId,
    ...(s.serviceAtLocationId ? { service_at_location_id: s.serviceAtLocationId } : {}),
    // The plain-English words keep what the fields cannot (an exception date, a rule with a count).
    description: s.description?.trim() || describeSchedule(s, now),
  };
  if (n.freq === 'ONCE') {
    // A one-off date: valid from and to the same day, with no repeat.
    if (n.from !== null) {
      out.valid_from = isoDay(n.from);
      out.valid_to = isoDay(n.from);
      out.dtstart = isoDay(n.from);
    }
  } else {
    out.freq = n.freq;
    out.interval = n.interval;
    let byDay = n.byDay.map((b) => `${b.n ?? ''}${b.day}`);
    // A weekly rule without days repeats on its start date's weekday (RFC 5545); ORUK readers
    // rarely apply that rule, so the day is written out.
    if (n.freq === 'WEEKLY' && byDay.length === 0 && n.anchor !== null) byDay = [weekdayOf(n.anchor)];
    if (byDay.length) out.byday = byDay.join(',');
    if (n.byMonthDay !== null) out.bymonthday = String(n.byMonthDay);
    if (s.validFrom) out.valid_from = isoDate(s.validFrom);
    if (s.validTo) out.valid_to = isoDate(s.validTo);
    if (s.dtstart) out.dtstart = isoDate(s.dtstart);
  }
  const opens = orukTime(s.opensAt, day);
  const closes = orukTime(s.closesAt, day);
  if (opens) out.opens_at = opens;
  if (closes) out.closes_at = closes;
  if (s.notes?.trim()) out.notes = s.notes.trim();
  return out;
}
