// Dates and times in GOV.UK style, always in Europe/London: "23 November 2026", "10am", "2:30pm",
// "midday", "midnight".
export const TIME_ZONE = 'Europe/London';

const dateFmt = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' });
const dayDateFmt = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const shortDayDateFmt = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long' });

/** "23 November 2026" */
export function formatDate(d: Date): string {
  return dateFmt.format(d);
}

/** "Tuesday 24 November 2026" (Intl puts a comma after the weekday; GOV.UK style does not). */
export function formatDayDate(d: Date): string {
  return dayDateFmt.format(d).replace(',', '');
}

/** "Tuesday 24 November" */
export function formatShortDayDate(d: Date): string {
  return shortDayDateFmt.format(d).replace(',', '');
}

// Building an Intl.DateTimeFormat is slow (tens of microseconds); each is made once.
const calendarDayDateFmt = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const calendarDateFmt = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
const partsFmt = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  weekday: 'short',
  hourCycle: 'h23',
});

/** A calendar date held at UTC midnight (Postgres DATE) as "Saturday 5 December 2026". */
export function formatCalendarDayDate(d: Date): string {
  return calendarDayDateFmt.format(d).replace(',', '');
}

export function formatCalendarDate(d: Date): string {
  return calendarDateFmt.format(d);
}

/** "HH:MM" local to minutes after midnight; null when malformed. */
export function parseClock(hhmm: string): number | null {
  const m = /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(hhmm.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 24 || min > 59 || (h === 24 && min !== 0)) return null;
  return h * 60 + min;
}

/** "10:00" -> "10am", "14:30" -> "2:30pm", "12:00" -> "midday", "00:00" -> "midnight". */
export function formatClock(hhmm: string): string {
  const minutes = parseClock(hhmm);
  if (minutes === null) return hhmm;
  const h = Math.floor(minutes / 60) % 24;
  const m = minutes % 60;
  if (m === 0 && h === 12) return 'midday';
  if (m === 0 && h === 0) return 'midnight';
  const suffix = h < 12 ? 'am' : 'pm';
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return m === 0 ? `${h12}${suffix}` : `${h12}:${String(m).padStart(2, '0')}${suffix}`;
}

/** "10am to midday"; "from 10am" when there is no end time. */
export function formatTimeRange(opensAt: string, closesAt?: string | null): string {
  if (!closesAt) return `from ${formatClock(opensAt)}`;
  return `${formatClock(opensAt)} to ${formatClock(closesAt)}`;
}

/** Whole calendar months between two instants (London dates), counting a part month as not yet full. */
export function monthsBetween(earlier: Date, later: Date): number {
  const a = londonParts(earlier);
  const b = londonParts(later);
  let months = (b.year - a.year) * 12 + (b.month - a.month);
  if (b.day < a.day) months--;
  return months;
}

export function londonParts(d: Date): {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
} {
  const parts = Object.fromEntries(partsFmt.formatToParts(d).map((p) => [p.type, p.value]));
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday);
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday,
  };
}
