import { describe, expect, it } from 'vitest';
import { formatScheduleText, parseScheduleText } from '@/lib/import/format';
import type { ScheduleSnapshot } from '@/lib/listings/schedule-slots';

const stored = (s: Partial<ScheduleSnapshot>): ScheduleSnapshot => ({
  freq: 'WEEKLY',
  interval: 1,
  byDay: [],
  byMonthDay: null,
  rrule: null,
  dtstart: null,
  validFrom: null,
  validTo: null,
  opensAt: '10:00',
  closesAt: '12:00',
  description: null,
  ...s,
});

describe('schedules in the CSV', () => {
  it('reads the rules the editor can hold', () => {
    const r = parseScheduleText('WEEKLY;INTERVAL=2;BYDAY=WE;START=2026-11-11 14:00-16:00 | MONTHLY;BYDAY=-1FR 19:00-21:00');
    expect(r).toMatchObject({
      ok: true,
      schedules: [
        { kind: 'weekly', interval: '2', days: ['WE'] },
        { kind: 'monthly', nth: '-1', weekday: 'FR' },
      ],
    });
  });

  it.each([
    ['MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1 10:00-12:00', /cannot take BYSETPOS/],
    ['WEEKLY;BYDAY=TU;COUNT=6 10:00-12:00', /cannot take COUNT/],
    ['MONTHLY;INTERVAL=2;BYDAY=2WE 10:00-12:00', /only be every month/],
    ['RRULE:FREQ=WEEKLY;BYDAY=SA;RRULE:FREQ=MONTHLY;BYDAY=-1SU 09:00-10:00', /cannot take a second rule/],
  ])('refuses %s rather than simplify it', (text, message) => {
    const r = parseScheduleText(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });

  it('exports a fuller rule as stored, which importing again refuses by name', () => {
    const text = formatScheduleText([
      stored({ byDay: ['TU'], rrule: 'FREQ=WEEKLY;BYDAY=TU' }),
      stored({
        freq: 'MONTHLY',
        byDay: ['MO', 'TU', 'WE', 'TH', 'FR'],
        rrule: 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1',
        description: 'Late',
      }),
    ]);
    expect(text).toBe('WEEKLY;BYDAY=TU 10:00-12:00 | FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1 10:00-12:00 Late');
    expect(parseScheduleText(text)).toMatchObject({ ok: false, error: expect.stringMatching(/cannot take BYSETPOS/) });
  });
});
