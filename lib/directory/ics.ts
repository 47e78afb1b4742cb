// A minimal iCalendar (RFC 5545) writer: one VEVENT per schedule, local times with
// TZID=Europe/London and a VTIMEZONE, so calendars keep "10am" through the clock change.
import { icalLocalStamp, icalUtcStamp, londonDay } from './days';
import { parseClock } from './format';
import { firstOccurrenceFrom } from './recurrence';
import { calendarRuleLines, normalise, type ScheduleLike } from './schedule';

export type CalendarEvent = {
  uid: string;
  schedule: ScheduleLike;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
};

const CRLF = '\r\n';

export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds a content line at 75 octets (UTF-8), never splitting a character. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let currentBytes = 0;
  let limit = 75;
  for (const ch of line) {
    const bytes = encoder.encode(ch).length;
    if (currentBytes + bytes > limit) {
      parts.push(current);
      current = '';
      currentBytes = 0;
      limit = 74; // continuation lines start with a space
    }
    current += ch;
    currentBytes += bytes;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/London',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0000',
  'TZOFFSETTO:+0100',
  'TZNAME:BST',
  'DTSTART:19700329T010000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0000',
  'TZNAME:GMT',
  'DTSTART:19701025T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** One event's lines, or none when the schedule has no session from today on. */
export function eventLines(e: CalendarEvent, now: Date): string[] {
  const n = normalise(e.schedule);
  const today = londonDay(now);
  // A series starts at its first session; older sessions are of no use in a new calendar entry.
  const first = n.freq === 'ONCE' ? (n.from ?? n.anchor) : firstOccurrenceFrom(e.schedule, Math.max(today, n.from ?? today));
  if (first === null || first === undefined || (n.freq === 'ONCE' && first < today)) return [];
  const opens = parseClock(e.schedule.opensAt) ?? 0;
  const closes = parseClock(e.schedule.closesAt);
  const endDay = closes !== null && closes <= opens ? first + 1 : first;
  const lines = [
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `DTSTAMP:${icalUtcStamp(now)}`,
    `DTSTART;TZID=Europe/London:${icalLocalStamp(first, e.schedule.opensAt)}`,
    `DTEND;TZID=Europe/London:${icalLocalStamp(endDay, closes === null ? e.schedule.opensAt : e.schedule.closesAt)}`,
  ];
  lines.push(...calendarRuleLines(e.schedule));
  lines.push(`SUMMARY:${escapeText(e.summary)}`);
  if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
  if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
  if (e.url) lines.push(`URL:${e.url}`);
  lines.push('END:VEVENT');
  return lines;
}

export function buildCalendar(events: CalendarEvent[], opts: { name: string; now?: Date; prodId?: string }): string {
  const now = opts.now ?? new Date();
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${opts.prodId ?? '-//Community directory//EN'}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(opts.name)}`,
    'X-WR-TIMEZONE:Europe/London',
    ...VTIMEZONE,
    ...events.flatMap((e) => eventLines(e, now)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** A file name made from the service's name: "friendship-cafe.ics". */
export function calendarFileName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'activity'}.ics`;
}
