import { describe, expect, it } from 'vitest';
import { buildCalendar, calendarFileName, escapeText, foldLine } from '@/lib/directory/ics';
import type { ScheduleLike } from '@/lib/directory/schedule';

const now = new Date('2026-11-23T12:00:00Z');
const date = (iso: string) => new Date(`${iso}T00:00:00Z`);

function unfold(ics: string): string[] {
  return ics.replace(/\r\n /g, '').split('\r\n');
}

describe('iCalendar file', () => {
  const weekly: ScheduleLike = { freq: 'WEEKLY', interval: 1, byDay: ['TU'], opensAt: '10:00', closesAt: '12:00' };

  it('writes a weekly event in London time with an RRULE and a VTIMEZONE', () => {
    const ics = buildCalendar(
      [
        {
          uid: 'abc@example.org',
          schedule: weekly,
          summary: 'Friendship Café, Tuesdays',
          location: 'Hall; 1 High St',
          url: 'https://example.org/services/abc',
        },
      ],
      {
        name: 'Friendship Café',
        now,
      },
    );
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.split('\r\n').every((l) => new TextEncoder().encode(l).length <= 75)).toBe(true);
    const lines = unfold(ics);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines).toContain('TZID:Europe/London');
    expect(lines).toContain('UID:abc@example.org');
    expect(lines).toContain('DTSTAMP:20261123T120000Z');
    expect(lines).toContain('DTSTART;TZID=Europe/London:20261124T100000');
    expect(lines).toContain('DTEND;TZID=Europe/London:20261124T120000');
    expect(lines).toContain('RRULE:FREQ=WEEKLY;BYDAY=TU');
    expect(lines).toContain('SUMMARY:Friendship Café\\, Tuesdays');
    expect(lines).toContain('LOCATION:Hall\\; 1 High St');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(lines.at(-2)).toBe('END:VCALENDAR');
  });

  it('starts a monthly series at its next session and ends it with UNTIL in UTC', () => {
    const monthly: ScheduleLike = {
      freq: 'MONTHLY',
      byDay: ['2TH'],
      opensAt: '19:00',
      closesAt: '21:00',
      validTo: date('2027-06-30'),
    };
    const lines = unfold(buildCalendar([{ uid: 'm', schedule: monthly, summary: 'Carers' }], { name: 'x', now }));
    expect(lines).toContain('DTSTART;TZID=Europe/London:20261210T190000');
    expect(lines).toContain('RRULE:FREQ=MONTHLY;BYDAY=2TH;UNTIL=20270630T230000Z');
  });

  it('writes a one-off date without a rule, and leaves out past ones', () => {
    const once: ScheduleLike = {
      freq: 'ONCE',
      validFrom: date('2026-12-05'),
      validTo: date('2026-12-05'),
      opensAt: '10:00',
      closesAt: '13:00',
    };
    const past: ScheduleLike = { ...once, validFrom: date('2026-01-05'), validTo: date('2026-01-05') };
    const lines = unfold(
      buildCalendar(
        [
          { uid: 'o', schedule: once, summary: 'Fair' },
          { uid: 'p', schedule: past, summary: 'Old' },
        ],
        { name: 'x', now },
      ),
    );
    expect(lines).toContain('DTSTART;TZID=Europe/London:20261205T100000');
    expect(lines.some((l) => l.startsWith('RRULE:FREQ=WEEKLY') || l.startsWith('RRULE:FREQ=MONTHLY'))).toBe(false);
    expect(lines).not.toContain('UID:p');
  });

  it('ends a late session on the next day', () => {
    const late: ScheduleLike = { freq: 'WEEKLY', byDay: ['FR'], opensAt: '22:00', closesAt: '01:00' };
    const lines = unfold(buildCalendar([{ uid: 'l', schedule: late, summary: 'Night café' }], { name: 'x', now }));
    expect(lines).toContain('DTSTART;TZID=Europe/London:20261127T220000');
    expect(lines).toContain('DTEND;TZID=Europe/London:20261128T010000');
  });

  it('writes a fuller rule as it is, with its exceptions at the session time', () => {
    const full: ScheduleLike = {
      freq: 'MONTHLY',
      byDay: ['MO', 'TU', 'WE', 'TH', 'FR'],
      rrule: 'RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1\nEXDATE;VALUE=DATE:20261231',
      dtstart: date('2026-01-01'),
      opensAt: '10:00',
      closesAt: '12:00',
    };
    const lines = unfold(buildCalendar([{ uid: 'f', schedule: full, summary: 'Last weekday' }], { name: 'x', now }));
    // The next session is the last weekday of November, Monday 30th.
    expect(lines).toContain('DTSTART;TZID=Europe/London:20261130T100000');
    expect(lines).toContain('RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1');
    expect(lines).toContain('EXDATE;TZID=Europe/London:20261231T100000');
  });

  it('starts a rule of weekdays and a day of the month at the first day that is both, as the page does', () => {
    const friday13: ScheduleLike = { freq: 'MONTHLY', byDay: ['FR'], byMonthDay: 13, opensAt: '19:00', closesAt: '21:00' };
    const lines = unfold(buildCalendar([{ uid: 'f13', schedule: friday13, summary: 'Quiz' }], { name: 'x', now }));
    expect(lines).toContain('DTSTART;TZID=Europe/London:20270813T190000');
    expect(lines).toContain('RRULE:FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13');
  });

  it('starts a weekly series valid from before its DTSTART at the DTSTART', () => {
    const later: ScheduleLike = {
      freq: 'WEEKLY',
      byDay: ['TH'],
      validFrom: date('2026-11-01'),
      dtstart: date('2026-12-10'),
      opensAt: '10:00',
      closesAt: '11:00',
    };
    const lines = unfold(buildCalendar([{ uid: 'l', schedule: later, summary: 'Later' }], { name: 'x', now }));
    expect(lines).toContain('DTSTART;TZID=Europe/London:20261210T100000');
  });

  it('escapes text and folds long lines without breaking characters', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
    const long = `DESCRIPTION:${'é'.repeat(80)}`;
    const folded = foldLine(long);
    expect(folded.split('\r\n ').join('')).toBe(long);
    for (const line of folded.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  });

  it('names the file after the service', () => {
    expect(calendarFileName('Friendship Café: Tuesdays!')).toBe('friendship-cafe-tuesdays.ics');
    expect(calendarFileName('???')).toBe('activity.ics');
  });
});
