import { describe, expect, it } from 'vitest';
import { dayOf } from '@/lib/directory/days';
import { hasSessionOn, isCurrent, nextOccurrences, occursOn } from '@/lib/directory/recurrence';
import { toRrule, type ScheduleLike } from '@/lib/directory/schedule';
import { describeSchedule } from '@/lib/directory/schedule-words';
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
    [
      'fortnightly',
      weekly(['WE'], '14:00', '16:00', { interval: 2, dtstart: date('2026-01-07') }),
      'Every other Wednesday, 2pm to 4pm',
    ],
    ['two days', weekly(['TH', 'MO'], '09:30', '11:00'), 'Every Monday and Thursday, 9:30am to 11am'],
    ['three days', weekly(['FR', 'MO', 'WE']), 'Every Monday, Wednesday and Friday, 10am to midday'],
    ['weekdays', weekly(['MO', 'TU', 'WE', 'TH', 'FR'], '09:00', '17:00'), 'Every weekday, 9am to 5pm'],
    ['every three weeks', weekly(['SA'], '10:00', '13:00', { interval: 3 }), 'Every 3 weeks on Saturday, 10am to 1pm'],
    [
      'nth weekday',
      { freq: 'MONTHLY', interval: 1, byDay: ['2TH'], opensAt: '19:00', closesAt: '21:00' },
      'Second Thursday of the month, 7pm to 9pm',
    ],
    [
      'last weekday',
      { freq: 'MONTHLY', interval: 1, byDay: ['-1FR'], opensAt: '12:00', closesAt: '14:00' },
      'Last Friday of the month, midday to 2pm',
    ],
    [
      'two nths',
      { freq: 'MONTHLY', interval: 1, byDay: ['3MO', '1MO'], opensAt: '10:00', closesAt: '11:30' },
      'First and third Monday of the month, 10am to 11:30am',
    ],
    [
      'month day',
      { freq: 'MONTHLY', interval: 1, byMonthDay: 15, opensAt: '18:00', closesAt: '20:00' },
      'The 15th of the month, 6pm to 8pm',
    ],
    [
      'every other month',
      { freq: 'MONTHLY', interval: 2, byDay: ['1SA'], opensAt: '10:00', closesAt: '12:00' },
      'First Saturday of every other month, 10am to midday',
    ],
    [
      'one-off',
      { freq: 'ONCE', validFrom: date('2026-12-05'), validTo: date('2026-12-05'), opensAt: '10:00', closesAt: '13:00' },
      'Saturday 5 December 2026, 10am to 1pm',
    ],
    [
      'from an rrule only',
      { freq: 'WEEKLY', rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=WE', opensAt: '14:00', closesAt: '16:00' },
      'Every other Wednesday, 2pm to 4pm',
    ],
    [
      'until a date',
      weekly(['TU'], '10:00', '12:00', { validTo: date('2027-03-31') }),
      'Every Tuesday, 10am to midday, until 31 March 2027',
    ],
    [
      'starting later',
      weekly(['TU'], '10:00', '12:00', { validFrom: date('2027-01-05') }),
      'Every Tuesday, 10am to midday, from 5 January 2027',
    ],
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
    const once: ScheduleLike = {
      freq: 'ONCE',
      validFrom: date('2026-12-05'),
      validTo: date('2026-12-05'),
      opensAt: '10:00',
      closesAt: '13:00',
    };
    const monthly: ScheduleLike = { freq: 'MONTHLY', byDay: ['1TH'], opensAt: '19:00', closesAt: '21:00' };
    const occ = nextOccurrences([once, monthly], 3, new Date('2026-11-23T09:00:00Z'));
    expect(occ.map((o) => o.start.toISOString())).toEqual([
      '2026-12-03T19:00:00.000Z',
      '2026-12-05T10:00:00.000Z',
      '2027-01-07T19:00:00.000Z',
    ]);
  });

  it('runs past midnight when it closes before it opens', () => {
    const occ = nextOccurrences([weekly(['FR'], '22:00', '02:00')], 1, new Date('2026-11-23T09:00:00Z'));
    expect(occ[0].end.toISOString()).toBe('2026-11-28T02:00:00.000Z');
  });

  it('returns nothing for a one-off date that has passed', () => {
    const once: ScheduleLike = {
      freq: 'ONCE',
      validFrom: date('2026-01-05'),
      validTo: date('2026-01-05'),
      opensAt: '10:00',
      closesAt: '13:00',
    };
    expect(nextOccurrences([once], 3, new Date('2026-11-23T09:00:00Z'))).toEqual([]);
    expect(isCurrent(once, new Date('2026-11-23T09:00:00Z'))).toBe(false);
  });
});

describe('toRrule', () => {
  it('writes RFC 5545 rules', () => {
    expect(toRrule(weekly(['TU']))).toBe('FREQ=WEEKLY;BYDAY=TU');
    expect(toRrule(weekly(['WE'], '14:00', '16:00', { interval: 2 }))).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=WE');
    expect(toRrule({ freq: 'MONTHLY', byDay: ['2TH'], opensAt: '19:00', closesAt: '21:00' })).toBe('FREQ=MONTHLY;BYDAY=2TH');
    expect(toRrule(weekly(['TU'], '10:00', '12:00', { validTo: date('2027-03-31') }))).toBe(
      'FREQ=WEEKLY;BYDAY=TU;UNTIL=20270331T230000Z',
    );
    expect(toRrule({ freq: 'ONCE', validFrom: date('2026-12-05'), opensAt: '10:00', closesAt: '13:00' })).toBeNull();
  });
});

describe('rules fuller than the structured fields (read from the RRULE text)', () => {
  const now = new Date('2026-11-24T09:00:00Z'); // Tuesday
  const days = (s: ScheduleLike, count: number, from = now) =>
    nextOccurrences([s], count, from).map((o) => o.start.toISOString());

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
    expect(describeSchedule(s, now)).toBe(
      'Every Tuesday, and last Friday of the month, 2pm to 4pm, except 29 December 2026 and 30 March 2027',
    );
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
    const s: ScheduleLike = {
      freq: 'WEEKLY',
      interval: 1,
      byDay: ['WE'],
      rrule: 'FREQ=WEEKLY;BYDAY=WE;COUNT=3',
      dtstart: date('2026-11-25'),
      opensAt: '18:00',
      closesAt: '20:00',
    };
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
    expect(describeSchedule(s, now)).toBe(
      'The 1st and 15th of the month, in January, February and March, 10am to 11am, and also on 5 December 2026',
    );
    expect(days(s, 3)).toEqual(['2026-12-05T10:00:00.000Z', '2027-01-01T10:00:00.000Z', '2027-01-15T10:00:00.000Z']);
  });

  it('a rule it cannot put into words still gives its dates', () => {
    const s: ScheduleLike = {
      freq: 'WEEKLY',
      interval: 1,
      byDay: [],
      rrule: 'FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO',
      dtstart: date('2026-01-01'),
      opensAt: '10:00',
      closesAt: '11:00',
    };
    expect(describeSchedule(s, now)).toBe('On a repeating pattern (see the next dates), 10am to 11am');
    expect(days(s, 1)).toEqual(['2027-05-17T09:00:00.000Z']);
  });

  it('leaves a simple rule to the structured fields', () => {
    const s = weekly(['TU'], '10:00', '12:00', { rrule: 'FREQ=WEEKLY;INTERVAL=1;BYDAY=TU' });
    expect(describeSchedule(s, now)).toBe('Every Tuesday, 10am to midday');
  });
});

describe('one engine (rrule) on London calendar days', () => {
  const starts = (s: ScheduleLike[], count: number, from: string) =>
    nextOccurrences(s, count, new Date(from)).map((o) => o.start.toISOString());

  describe('the clocks changing', () => {
    it('keeps a fuller rule at its local time across the spring change', () => {
      const s: ScheduleLike = {
        freq: 'MONTHLY',
        rrule: 'FREQ=MONTHLY;BYDAY=TU,TH;BYSETPOS=2,-1',
        dtstart: date('2026-01-01'),
        opensAt: '10:00',
        closesAt: '11:00',
      };
      expect(starts([s], 4, '2026-03-01T12:00:00Z')).toEqual([
        '2026-03-05T10:00:00.000Z', // GMT
        '2026-03-31T09:00:00.000Z', // BST from 29 March
        '2026-04-07T09:00:00.000Z',
        '2026-04-30T09:00:00.000Z',
      ]);
    });

    it('ends a late session by the clock on the wall when the clocks go back during it', () => {
      // Saturday 24 October 2026, 10pm BST, to Sunday 2am GMT: five hours.
      const [occ] = nextOccurrences([weekly(['SA'], '22:00', '02:00')], 1, new Date('2026-10-23T12:00:00Z'));
      expect([occ.start.toISOString(), occ.end.toISOString()]).toEqual(['2026-10-24T21:00:00.000Z', '2026-10-25T02:00:00.000Z']);
    });

    it('reads a time the clocks skip as an hour on, and a time that happens twice as the first (RFC 5545)', () => {
      const night = weekly(['SU'], '01:30', '03:00');
      // 29 March 2026: 01:30 does not exist in London; 01:30 GMT is 02:30 BST.
      expect(starts([night], 1, '2026-03-22T12:00:00Z')).toEqual(['2026-03-29T01:30:00.000Z']);
      // 25 October 2026: 01:30 comes twice, first in BST (00:30 UTC).
      expect(starts([night], 2, '2026-10-18T12:00:00Z')).toEqual(['2026-10-25T00:30:00.000Z', '2026-11-01T01:30:00.000Z']);
    });

    it('does not depend on the time of day it is asked, either side of a change', () => {
      const s = weekly(['MO'], '10:00', '11:00');
      for (const asked of ['2026-03-28T23:59:00Z', '2026-03-29T00:00:00Z', '2026-03-29T01:00:00Z', '2026-03-29T23:30:00Z']) {
        expect(starts([s], 1, asked), asked).toEqual(['2026-03-30T09:00:00.000Z']);
      }
    });
  });

  describe('BYSETPOS', () => {
    it('the second and the last Tuesday or Thursday, in words and dates', () => {
      const s: ScheduleLike = {
        freq: 'MONTHLY',
        rrule: 'FREQ=MONTHLY;BYDAY=TU,TH;BYSETPOS=2,-1',
        dtstart: date('2026-01-01'),
        opensAt: '10:00',
        closesAt: '11:00',
      };
      expect(describeSchedule(s, new Date('2026-11-23T12:00:00Z'))).toBe(
        'Second and last Tuesday or Thursday of the month, 10am to 11am',
      );
      expect(occursOn(s, dayOf(2026, 11, 5))).toBe(true); // Thu 5: 2nd of Tue 3, Thu 5, ...
      expect(occursOn(s, dayOf(2026, 11, 3))).toBe(false);
      expect(occursOn(s, dayOf(2026, 11, 26))).toBe(true); // Thu 26: the last
    });

    it('the first weekday of every other month, counted from the start date', () => {
      const s: ScheduleLike = {
        freq: 'MONTHLY',
        rrule: 'FREQ=MONTHLY;INTERVAL=2;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1',
        dtstart: date('2026-08-01'),
        opensAt: '09:00',
        closesAt: '10:00',
      };
      // August 2026 starts on a Saturday: Monday 3rd. Then 1 October, 1 December, 1 February 2027 (a Monday).
      expect(starts([s], 4, '2026-08-01T00:00:00Z').map((x) => x.slice(0, 10))).toEqual([
        '2026-08-03',
        '2026-10-01',
        '2026-12-01',
        '2027-02-01',
      ]);
    });
  });

  describe('exceptions and extra dates', () => {
    it('takes EXDATE as a date, a London local time or a UTC time, and adds RDATE days', () => {
      const s: ScheduleLike = {
        freq: 'WEEKLY',
        rrule:
          'RRULE:FREQ=WEEKLY;BYDAY=TU\nEXDATE;VALUE=DATE:20261201\nEXDATE;TZID=Europe/London:20261208T100000\nEXDATE:20261215T100000Z\nRDATE;VALUE=DATE:20261219',
        dtstart: date('2026-11-03'),
        opensAt: '10:00',
        closesAt: '12:00',
      };
      expect(starts([s], 3, '2026-11-26T12:00:00Z').map((x) => x.slice(0, 10))).toEqual([
        '2026-12-19',
        '2026-12-22',
        '2026-12-29',
      ]);
      expect(describeSchedule(s, new Date('2026-11-26T12:00:00Z'))).toBe(
        'Every Tuesday, 10am to midday, except 1 December 2026, 8 December 2026 and 15 December 2026, and also on 19 December 2026',
      );
    });
  });

  describe('where the two old expansion paths disagreed, RFC 5545 now decides', () => {
    it('weekdays and a day of the month narrow each other: every Friday the 13th, not every Friday and every 13th', () => {
      const s: ScheduleLike = {
        freq: 'MONTHLY',
        interval: 1,
        byDay: ['FR'],
        byMonthDay: 13,
        opensAt: '19:00',
        closesAt: '21:00',
      };
      expect(describeSchedule(s, new Date('2026-11-23T12:00:00Z'))).toBe('Every Friday the 13th, 7pm to 9pm');
      // The one after, 13 October 2028, is past the 400 days looked ahead.
      expect(starts([s], 2, '2026-11-23T12:00:00Z')).toEqual(['2027-08-13T18:00:00.000Z']);
      expect(occursOn(s, dayOf(2026, 11, 27))).toBe(false); // a Friday, not the 13th
      expect(occursOn(s, dayOf(2026, 12, 13))).toBe(false); // the 13th, a Sunday
      // The calendar file says the same rule, so a calendar shows the same dates as the page.
      expect(toRrule(s)).toBe('FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13');
      // The same rule given only as text used to be read by the hand-written path as "or".
      const fromText: ScheduleLike = {
        freq: 'MONTHLY',
        byDay: [],
        rrule: 'FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13',
        opensAt: '19:00',
        closesAt: '21:00',
      };
      expect(starts([fromText], 1, '2026-11-23T12:00:00Z')).toEqual(['2027-08-13T18:00:00.000Z']);
      const nth: ScheduleLike = { freq: 'MONTHLY', byDay: ['1WE'], byMonthDay: 1, opensAt: '19:00', closesAt: '21:00' };
      expect(describeSchedule(nth, new Date('2026-11-23T12:00:00Z'))).toBe(
        'First Wednesday of the month, when it falls on the 1st, 7pm to 9pm',
      );
    });

    it('a series starts at DTSTART even when it is valid from earlier', () => {
      const s = weekly(['TH'], '10:00', '11:00', { validFrom: date('2026-11-01'), dtstart: date('2026-12-10') });
      expect(starts([s], 1, '2026-11-23T12:00:00Z')).toEqual(['2026-12-10T10:00:00.000Z']);
      expect(describeSchedule(s, new Date('2026-11-23T12:00:00Z'))).toBe('Every Thursday, 10am to 11am, from 10 December 2026');
    });

    it('a week that starts on Sunday (WKST=SU) changes which weeks "every other week" picks', () => {
      // RFC 5545's own example: from Tuesday 5 August 1997, every other week on Tuesday and Sunday.
      const rule = (wkst: string): ScheduleLike => ({
        freq: 'WEEKLY',
        byDay: [],
        rrule: `FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,SU;WKST=${wkst}`,
        dtstart: date('1997-08-05'),
        opensAt: '10:00',
        closesAt: '11:00',
      });
      const days = (s: ScheduleLike) => starts([s], 4, '1997-08-01T12:00:00Z').map((x) => x.slice(0, 10));
      expect(days(rule('MO'))).toEqual(['1997-08-05', '1997-08-10', '1997-08-19', '1997-08-24']);
      expect(days(rule('SU'))).toEqual(['1997-08-05', '1997-08-17', '1997-08-19', '1997-08-31']);
    });
  });

  describe('the structured fields', () => {
    it('keeps "every other week" in step with a start date years back', () => {
      // Wednesday 1 January 2020, every other week: 1 January 2025 is 261 weeks on (odd), 8 January 262.
      const s = weekly(['WE'], '10:00', '11:00', { interval: 2, dtstart: date('2020-01-01') });
      expect(occursOn(s, dayOf(2025, 1, 1))).toBe(false);
      expect(occursOn(s, dayOf(2025, 1, 8))).toBe(true);
      expect(starts([s], 2, '2025-01-01T12:00:00Z')).toEqual(['2025-01-08T10:00:00.000Z', '2025-01-22T10:00:00.000Z']);
    });

    it('counts every other month from the start month, and skips months without the day', () => {
      const s: ScheduleLike = {
        freq: 'MONTHLY',
        interval: 2,
        byMonthDay: 31,
        dtstart: date('2026-01-31'),
        opensAt: '10:00',
        closesAt: '11:00',
      };
      // January, March, May, July (31 days each); September and November have 30.
      expect(starts([s], 5, '2026-01-01T12:00:00Z').map((x) => x.slice(0, 10))).toEqual([
        '2026-01-31',
        '2026-03-31',
        '2026-05-31',
        '2026-07-31',
        '2027-01-31',
      ]);
    });

    it('gives no sessions when there is no day to go on', () => {
      expect(
        nextOccurrences(
          [{ freq: 'WEEKLY', byDay: [], opensAt: '10:00', closesAt: '11:00' }],
          1,
          new Date('2026-11-23T12:00:00Z'),
        ),
      ).toEqual([]);
      expect(
        nextOccurrences(
          [{ freq: 'MONTHLY', byDay: [], opensAt: '10:00', closesAt: '11:00' }],
          1,
          new Date('2026-11-23T12:00:00Z'),
        ),
      ).toEqual([]);
    });

    it('takes the weekday and the day of the month from the start date when the rule names none', () => {
      expect(
        starts(
          [{ freq: 'WEEKLY', byDay: [], dtstart: date('2026-11-26'), opensAt: '10:00', closesAt: '11:00' }],
          1,
          '2026-11-23T12:00:00Z',
        ),
      ).toEqual(['2026-11-26T10:00:00.000Z']);
      expect(
        starts(
          [{ freq: 'MONTHLY', byDay: [], dtstart: date('2026-10-17'), opensAt: '10:00', closesAt: '11:00' }],
          1,
          '2026-11-23T12:00:00Z',
        ),
      ).toEqual(['2026-12-17T10:00:00.000Z']);
    });
  });
});
