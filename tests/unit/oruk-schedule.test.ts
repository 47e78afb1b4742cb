import { describe, expect, it } from 'vitest';
import { londonTime, mapSchedule } from '@/lib/oruk/import/schedule';

describe('Open Referral UK schedules as ours', () => {
  it('reads opening times with and without a UTC offset as London time on the day', () => {
    expect(londonTime('10:00', '2026-01-05')).toBe('10:00');
    expect(londonTime('10:00:00', '2026-07-05')).toBe('10:00');
    expect(londonTime('09:00Z', '2026-07-14')).toBe('10:00');
    expect(londonTime('09:00Z', '2026-01-14')).toBe('09:00');
    expect(londonTime('10:00+01:00', '2026-01-05')).toBe('09:00');
    expect(londonTime('10:00+01:00', '2026-07-05')).toBe('10:00');
    expect(londonTime('05:00-05:00', '2026-01-05')).toBe('10:00');
    expect(londonTime('quarter past', '2026-01-05')).toBeNull();
  });

  it('maps weekly, monthly and one-off schedules, and says why it cannot map others', () => {
    expect(
      mapSchedule({ freq: 'WEEKLY', interval: 2, byday: 'MO,TH', opens_at: '10:00', closes_at: '12:00' }, '2026-11-24'),
    ).toMatchObject({
      ok: true,
      schedule: { freq: 'WEEKLY', interval: 2, byDay: ['MO', 'TH'], rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH' },
    });
    expect(mapSchedule({ freq: 'monthly', byday: '2TU', opens_at: '19:00', closes_at: '21:00' }, '2026-11-24')).toMatchObject({
      ok: true,
      schedule: { freq: 'MONTHLY', byDay: ['2TU'], rrule: 'FREQ=MONTHLY;BYDAY=2TU' },
    });
    expect(mapSchedule({ freq: 'MONTHLY', bymonthday: '15', opens_at: '13:00', closes_at: '15:00' }, '2026-11-24')).toMatchObject(
      {
        ok: true,
        schedule: { byMonthDay: 15, rrule: 'FREQ=MONTHLY;BYMONTHDAY=15' },
      },
    );
    expect(
      mapSchedule({ freq: 'MONTHLY', bymonthday: '2,3,4', opens_at: '13:00', closes_at: '15:00' }, '2026-11-24'),
    ).toMatchObject({
      ok: true,
      schedule: { byMonthDay: null, rrule: 'FREQ=MONTHLY;BYMONTHDAY=2,3,4' },
    });
    expect(
      mapSchedule(
        { freq: 'WEEKLY', byday: 'TH', valid_from: '2026-12-05', valid_to: '2026-12-05', opens_at: '10:00', closes_at: '13:00' },
        '2026-11-24',
      ),
    ).toMatchObject({ ok: true, schedule: { freq: 'ONCE', dtstart: '2026-12-05', rrule: null } });
    expect(mapSchedule({ freq: 'DAILY', opens_at: '10:00', closes_at: '11:00' }, '2026-11-24')).toEqual({
      ok: false,
      reason: 'a schedule repeating "DAILY"',
    });
    expect(mapSchedule({ freq: 'WEEKLY', byday: 'TU' }, '2026-11-24')).toMatchObject({ ok: false });
  });
});
