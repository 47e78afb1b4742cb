import { describe, expect, it } from 'vitest';
import {
  dayOf,
  describeSchedule,
  hasSessionOn,
  isCurrent,
  nextOccurrences,
  occursOn,
  toRrule,
  type ScheduleLike,
} from '@/lib/directory/schedule';
import { formatClock, formatDate, formatDayDate, formatTimeRange, monthsBetween } from '@/lib/directory/format';

const date = (iso: string) => new Date(`${iso}T00:00:00Z`);
const weekly = (byDay: string[], opensAt = '10:00', closesAt = '12:00', extra: Partial<ScheduleLike> = {}): ScheduleLike => ({
  freq: 'WEEKLY',
  interval: 1,
  byDay,
  opensAt,
  closesAt,
  ...extra,
});

describe('GOV.UK times', () => {
  it.each([
    ['10:00', '10am'],
    ['14:30', '2:30pm'],
    ['12:00', 'midday'],
    ['00:00', 'midnight'],
    ['24:00', 'midnight'],
    ['12:30', '12:30pm'],
    ['00:15', '12:15am'],
    ['09:05', '9:05am'],
  ])('%s is %s', (t, words) => expect(formatClock(t)).toBe(words));

  it('joins a range with "to"', () => {
    expect(formatTimeRange('10:00', '12:00')).toBe('10am to midday');
  });

  it('formats dates the GOV.UK way in London time', () => {
    expect(formatDate(new Date('2026-11-23T12:00:00Z'))).toBe('23 November 2026');
    // 23:30 UTC on 31 July is already 1 August in London (BST).
    expect(formatDate(new Date('2026-07-31T23:30:00Z'))).toBe('1 August 2026');
    expect(formatDayDate(new Date('2026-12-05T10:00:00Z'))).toBe('Saturday 5 December 2026');
  });

  it('counts whole months', () => {
    expect(monthsBetween(new Date('2026-05-23T12:00:00Z'), new Date('2026-11-23T12:00:00Z'))).toBe(6);
    expect(monthsBetween(new Date('2026-05-24T12:00:00Z'), new Date('2026-11-23T12:00:00Z'))).toBe(5);
  });
});

describe('describeSchedule', () => {
  const now = new Date('2026-11-23T09:00:00Z');

  it.each<[string, ScheduleLike, string]>([
    ['weekly', weekly(['TU']), 'Every Tuesday, 10am to midday'],
    ['fortnightly', weekly(['WE'], '14:00', '16:00', { interval: 2, dtstart: date('2026-01-07') }), 'Every other Wednesday, 2pm to 4pm'],
    ['two days', weekly(['TH', 'MO'], '09:30', '11:00'), 'Every Monday and Thursday, 9:30am to 11am'],
    ['three days', weekly(['FR', 'MO', 'WE']), 'Every Monday, Wednesday and Friday, 10am to midday'],
    ['weekdays', weekly(['MO', 'TU', 'WE', 'TH', 'FR'], '09:00', '17:00'), 'Every weekday, 9am to 5pm'],
    ['every three weeks', weekly(['SA'], '10:00', '13:00', { interval: 3 }), 'Every 3 weeks on Saturday, 10am to 1pm'],
    ['nth weekday', { freq: 'MONTHLY', interval: 1, byDay: ['2TH'], opensAt: '19:00', closesAt: '21:00' }, 'Second Thursday of the month, 7pm to 9pm'],
    ['last weekday', { freq: 'MONTHLY', interval: 1, byDay: ['-1FR'], opensAt: '12:00', closesAt: '14:00' }, 'Last Friday of the month, midday to 2pm'],
    ['two nths', { freq: 'MONTHLY', interval: 1, byDay: ['3MO', '1MO'], opensAt: '10:00', closesAt: '11:30' }, 'First and third Monday of the month, 10am to 11:30am'],
    ['month day', { freq: 'MONTHLY', interval: 1, byMonthDay: 15, opensAt: '18:00', closesAt: '20:00' }, 'The 15th of the month, 6pm to 8pm'],
    ['every other month', { freq: 'MONTHLY', interval: 2, byDay: ['1SA'], opensAt: '10:00', closesAt: '12:00' }, 'First Saturday of every other month, 10am to midday'],
    ['one-off', { freq: 'ONCE', validFrom: date('2026-12-05'), validTo: date('2026-12-05'), opensAt: '10:00', closesAt: '13:00' }, 'Saturday 5 December 2026, 10am to 1pm'],
    ['from an rrule only', { freq: 'WEEKLY', rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=WE', opensAt: '14:00', closesAt: '16:00' }, 'Every other Wednesday, 2pm to 4pm'],
    ['until a date', weekly(['TU'], '10:00', '12:00', { validTo: date('2027-03-31') }), 'Every Tuesday, 10am to midday, until 31 March 2027'],
    ['starting later', weekly(['TU'], '10:00', '12:00', { validFrom: date('2027-01-05') }), 'Every Tuesday, 10am to midday, from 5 January 2027'],
  ])('%s', (_name, s, words) => {
    expect(describeSchedule(s, now)).toBe(words);
  });
});

describe('occursOn', () => {
  it('knows the nth and last weekday of a month', () => {
    const second = { freq: 'MONTHLY', byDay: ['2TH'], opensAt: '19:00', closesAt: '21:00' } as ScheduleLike;
    expect(occursOn(second, dayOf(2026, 11, 12))).toBe(true);
    expect(occursOn(second, dayOf(2026, 11, 5))).toBe(false);
    expect(occursOn(second, dayOf(2026, 11, 19))).toBe(false);
    const last = { freq: 'MONTHLY', byDay: ['-1FR'], opensAt: '12:00', closesAt: '14:00' } as ScheduleLike;
    expect(occursOn(last, dayOf(2026, 11, 27))).toBe(true);
    expect(occursOn(last, dayOf(2026, 11, 20))).toBe(false);
  });

  it('keeps the fortnight in step with the start date', () => {
    const s = weekly(['WE'], '14:00', '16:00', { interval: 2, dtstart: date('2026-11-04') });
    expect(occursOn(s, dayOf(2026, 11, 4))).toBe(true);
    expect(occursOn(s, dayOf(2026, 11, 11))).toBe(false);
    expect(occursOn(s, dayOf(2026, 11, 18))).toBe(true);
    expect(occursOn(s, dayOf(2026, 10, 28))).toBe(false);
  });

  it('respects valid from and to', () => {
    const s = weekly(['TU'], '10:00', '12:00', { validFrom: date('2026-12-01'), validTo: date('2026-12-15') });
    expect(occursOn(s, dayOf(2026, 11, 24))).toBe(false);
    expect(occursOn(s, dayOf(2026, 12, 1))).toBe(true);
    expect(occursOn(s, dayOf(2026, 12, 15))).toBe(true);
    expect(occursOn(s, dayOf(2026, 12, 22))).toBe(false);
    expect(isCurrent(s, new Date('2026-12-20T10:00:00Z'))).toBe(false);
    expect(hasSessionOn([s], dayOf(2026, 12, 8))).toBe(true);
  });
});

describe('nextOccurrences', () => {
  it('lists the next three Tuesdays from a Monday', () => {
    const occ = nextOccurrences([weekly(['TU'])], 3, new Date('2026-11-23T09:00:00Z'));
    expect(occ.map((o) => o.start.toISOString())).toEqual([
      '2026-11-24T10:00:00.000Z',
      '2026-12-01T10:00:00.000Z',
      '2026-12-08T10:00:00.000Z',
    ]);
  });

  it('includes a session that is under way and skips one that has finished', () => {
    const s = weekly(['MO'], '10:00', '12:00');
    expect(nextOccurrences([s], 1, new Date('2026-11-23T11:00:00Z'))[0].start.toISOString()).toBe('2026-11-23T10:00:00.000Z');
    expect(nextOccurrences([s], 1, new Date('2026-11-23T12:30:00Z'))[0].start.toISOString()).toBe('2026-11-30T10:00:00.000Z');
  });

  it('keeps 10am local across the spring clock change', () => {
    // Clocks go forward on Sunday 29 March 2026: 10am is 10:00 GMT before and 09:00 UTC after.
    const occ = nextOccurrences([weekly(['SA', 'SU'])], 4, new Date('2026-03-21T00:00:00Z'));
    expect(occ.map((o) => o.start.toISOString())).toEqual([
      '2026-03-21T10:00:00.000Z',
      '2026-03-22T10:00:00.000Z',
      '2026-03-28T10:00:00.000Z',
      '2026-03-29T09:00:00.000Z',
    ]);
    expect(occ[3].end.toISOString()).toBe('2026-03-29T11:00:00.000Z');
  });

  it('keeps 7pm local across the autumn clock change', () => {
    // Clocks go back on Sunday 25 October 2026.
    const occ = nextOccurrences([weekly(['SU'], '19:00', '21:00')], 2, new Date('2026-10-18T12:00:00Z'));
    expect(occ.map((o) => o.start.toISOString())).toEqual(['2026-10-18T18:00:00.000Z', '2026-10-25T19:00:00.000Z']);
  });

  it('works out "today" in London, not UTC', () => {
    // 23:30 UTC on Monday 31 August 2026 is 00:30 on Tuesday in London.
    const occ = nextOccurrences([weekly(['TU'], '00:00', '01:00')], 1, new Date('2026-08-31T23:30:00Z'));
    expect(occ[0].start.toISOString()).toBe('2026-08-31T23:00:00.000Z');
  });

  it('merges several schedules in time order and finds one-off dates', () => {
    const once: ScheduleLike = { freq: 'ONCE', validFrom: date('2026-12-05'), validTo: date('2026-12-05'), opensAt: '10:00', closesAt: '13:00' };
    const monthly: ScheduleLike = { freq: 'MONTHLY', byDay: ['1TH'], opensAt: '19:00', closesAt: '21:00' };
    const occ = nextOccurrences([once, monthly], 3, new Date('2026-11-23T09:00:00Z'));
    expect(occ.map((o) => o.start.toISOString())).toEqual(['2026-12-03T19:00:00.000Z', '2026-12-05T10:00:00.000Z', '2027-01-07T19:00:00.000Z']);
  });

  it('runs past midnight when it closes before it opens', () => {
    const occ = nextOccurrences([weekly(['FR'], '22:00', '02:00')], 1, new Date('2026-11-23T09:00:00Z'));
    expect(occ[0].end.toISOString()).toBe('2026-11-28T02:00:00.000Z');
  });

  it('returns nothing for a one-off date that has passed', () => {
    const once: ScheduleLike = { freq: 'ONCE', validFrom: date('2026-01-05'), validTo: date('2026-01-05'), opensAt: '10:00', closesAt: '13:00' };
    expect(nextOccurrences([once], 3, new Date('2026-11-23T09:00:00Z'))).toEqual([]);
    expect(isCurrent(once, new Date('2026-11-23T09:00:00Z'))).toBe(false);
  });
});

describe('toRrule', () => {
  it('writes RFC 5545 rules', () => {
    expect(toRrule(weekly(['TU']))).toBe('FREQ=WEEKLY;BYDAY=TU');
    expect(toRrule(weekly(['WE'], '14:00', '16:00', { interval: 2 }))).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=WE');
    expect(toRrule({ freq: 'MONTHLY', byDay: ['2TH'], opensAt: '19:00', closesAt: '21:00' })).toBe('FREQ=MONTHLY;BYDAY=2TH');
    expect(toRrule(weekly(['TU'], '10:00', '12:00', { validTo: date('2027-03-31') }))).toBe('FREQ=WEEKLY;BYDAY=TU;UNTIL=20270331T230000Z');
    expect(toRrule({ freq: 'ONCE', validFrom: date('2026-12-05'), opensAt: '10:00', closesAt: '13:00' })).toBeNull();
  });
});

describe('rules fuller than the structured fields (read from the RRULE text)', () => {
  const now = new Date('2026-11-24T09:00:00Z'); // Tuesday
  const days = (s: ScheduleLike, count: number, from = now) => nextOccurrences([s], count, from).map((o) => o.start.toISOString());

  it('BYSETPOS: the last weekday of the month', () => {
    const s: ScheduleLike = {
      freq: 'MONTHLY',
      interval: 1,
      byDay: ['MO', 'TU', 'WE', 'TH', 'FR'],
      rrule: 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1',
      dtstart: date('2026-01-01'),
      validFrom: date('2026-01-01'),
      opensAt: '10:00',
      closesAt: '12:00',
    };
    expect(describeSchedule(s, now)).toBe('Last weekday of the month, 10am to midday');
    // 30 November (a Monday), 31 December (a Thursday), 29 January (a Friday): not every weekday.
    expect(days(s, 3)).toEqual(['2026-11-30T10:00:00.000Z', '2026-12-31T10:00:00.000Z', '2027-01-29T10:00:00.000Z']);
    expect(occursOn(s, dayOf(2026, 11, 27))).toBe(false);
  });

  it('several rules and an exception, in London time across the clock change', () => {
    const s: ScheduleLike = {
      freq: 'WEEKLY',
      interval: 1,
      byDay: [],
      rrule: 'RRULE:FREQ=WEEKLY;BYDAY=TU\nRRULE:FREQ=MONTHLY;BYDAY=-1FR\nEXDATE;VALUE=DATE:20270330,20261229',
      dtstart: date('2026-09-01'),
      opensAt: '14:00',
      closesAt: '16:00',
    };
    expect(describeSchedule(s, now)).toBe('Every Tuesday, and last Friday of the month, 2pm to 4pm, except 29 December 2026 and 30 March 2027');
    expect(occursOn(s, dayOf(2026, 12, 29))).toBe(false);
    expect(occursOn(s, dayOf(2026, 12, 25))).toBe(true);
    // 2pm London is 14:00 GMT before the clock change and 13:00 UTC after it.
    expect(days(s, 4, new Date('2027-03-20T12:00:00Z'))).toEqual([
      '2027-03-23T14:00:00.000Z',
      '2027-03-26T14:00:00.000Z',
      '2027-04-06T13:00:00.000Z',
      '2027-04-13T13:00:00.000Z',
    ]);
  });

  it('COUNT ends the series by itself', () => {
    const s: ScheduleLike = { freq: 'WEEKLY', interval: 1, byDay: ['WE'], rrule: 'FREQ=WEEKLY;BYDAY=WE;COUNT=3', dtstart: date('2026-11-25'), opensAt: '18:00', closesAt: '20:00' };
    expect(describeSchedule(s, now)).toBe('Every Wednesday, for 3 sessions, 6pm to 8pm, from 25 November 2026');
    expect(days(s, 5)).toEqual(['2026-11-25T18:00:00.000Z', '2026-12-02T18:00:00.000Z', '2026-12-09T18:00:00.000Z']);
    expect(isCurrent(s, now)).toBe(true);
    expect(isCurrent(s, new Date('2026-12-10T09:00:00Z'))).toBe(false);
  });

  it('several days of the month, a month limit and extra dates', () => {
    const s: ScheduleLike = {
      freq: 'MONTHLY',
      interval: 1,
      byDay: [],
      rrule: 'RRULE:FREQ=MONTHLY;BYMONTHDAY=1,15;BYMONTH=1,2,3\nRDATE;VALUE=DATE:20261205',
      opensAt: '10:00',
      closesAt: '11:00',
    };
    expect(describeSchedule(s, now)).toBe('The 1st and 15th of the month, in January, February and March, 10am to 11am, and also on 5 December 2026');
    expect(days(s, 3)).toEqual(['2026-12-05T10:00:00.000Z', '2027-01-01T10:00:00.000Z', '2027-01-15T10:00:00.000Z']);
  });

  it('a rule it cannot put into words still gives its dates', () => {
    const s: ScheduleLike = { freq: 'WEEKLY', interval: 1, byDay: [], rrule: 'FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO', dtstart: date('2026-01-01'), opensAt: '10:00', closesAt: '11:00' };
    expect(describeSchedule(s, now)).toBe('On a repeating pattern (see the next dates), 10am to 11am');
    expect(days(s, 1)).toEqual(['2027-05-17T09:00:00.000Z']);
  });

  it('leaves a simple rule to the structured fields', () => {
    const s = weekly(['TU'], '10:00', '12:00', { rrule: 'FREQ=WEEKLY;INTERVAL=1;BYDAY=TU' });
    expect(describeSchedule(s, now)).toBe('Every Tuesday, 10am to midday');
  });
});
