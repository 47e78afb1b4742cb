import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  calendarDaysBetween,
  formatClock,
  formatDate,
  formatDateTime,
  formatTime,
  londonDateKey,
  londonMidnight,
  londonToday,
  shiftDateKey,
} from '@/lib/format/dates';
import { createLogger, logError, safeError } from '@/lib/log/logger';
import { canShowFiguresBuiltOn, suppressCount } from '@/lib/reports/suppress';
import { targetFor } from '@/lib/triage/queue';
import { workingDaysBetween } from '@/lib/calendar/working-days';

describe('dates in GOV.UK style, Europe/London', () => {
  it('formats dates and times', () => {
    expect(formatDate(new Date('2026-11-23T12:00:00Z'))).toBe('23 November 2026');
    expect(formatDate(new Date('2026-11-23T12:00:00Z'), { weekday: true })).toBe('Monday 23 November 2026');
    expect(formatDate(new Date('2026-11-23T12:00:00Z'), { short: true })).toBe('23 Nov 2026');
    // 23:30 UTC on 30 June is already 1 July in British Summer Time.
    expect(formatDate(new Date('2026-06-30T23:30:00Z'))).toBe('1 July 2026');
    // A Postgres date read as UTC midnight stays on its own day.
    expect(formatDate(new Date('2026-07-01T00:00:00Z'), { dateOnly: true })).toBe('1 July 2026');
    expect(formatDate(null)).toBe('');
    expect(formatDate(new Date('nonsense'))).toBe('');
    expect(formatTime(new Date('2026-06-30T11:00:00Z'))).toBe('midday');
    expect(formatTime(new Date('2026-01-30T14:30:00Z'))).toBe('2:30pm');
    expect(formatTime(new Date('2026-01-30T10:00:00Z'))).toBe('10am');
    expect(formatClock(0, 0)).toBe('midnight');
    expect(formatClock(9, 5)).toBe('9:05am');
    expect(formatDateTime(new Date('2026-11-23T17:15:00Z'))).toBe('23 November 2026 at 5:15pm');
  });

  it('works out London calendar days across the clock change', () => {
    expect(londonDateKey(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(londonToday(new Date('2026-06-30T23:30:00Z')).toISOString()).toBe('2026-07-01T00:00:00.000Z');
    expect(londonMidnight('2026-07-01').toISOString()).toBe('2026-06-30T23:00:00.000Z');
    expect(londonMidnight('2026-12-01').toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(calendarDaysBetween(new Date('2026-06-30T22:30:00Z'), new Date('2026-07-01T10:00:00Z'))).toBe(1);
    expect(calendarDaysBetween(new Date('2026-03-28T12:00:00Z'), new Date('2026-03-30T12:00:00Z'))).toBe(2);
    expect(shiftDateKey('2026-03-31', { months: -1 })).toBe('2026-02-28');
    expect(shiftDateKey('2026-03-01', { days: -1 })).toBe('2026-02-28');
  });
});

describe('working days for triage targets', () => {
  it('counts Monday to Friday, less bank holidays', () => {
    // Friday 18 December 2026 to Tuesday 29 December: 21, 22, 23, 24 and 29 (25 and 28 are bank holidays).
    expect(workingDaysBetween(new Date('2026-12-18T10:00:00Z'), new Date('2026-12-29T10:00:00Z'))).toBe(5);
    expect(workingDaysBetween(new Date('2026-12-18T10:00:00Z'), new Date('2026-12-29T10:00:00Z'), [])).toBe(7);
    expect(workingDaysBetween(new Date('2026-11-23T09:00:00Z'), new Date('2026-11-23T17:00:00Z'))).toBe(0);
    expect(workingDaysBetween(new Date('2026-11-27T09:00:00Z'), new Date('2026-11-30T09:00:00Z'))).toBe(1);
    expect(targetFor(null, { red: 2, amber: 5, green: 10 })).toBe(2);
    expect(targetFor('green', { red: 2, amber: 5, green: 10 })).toBe(10);
  });
});

describe('small-number suppression', () => {
  it('shows 1 to 4 as "<5"', () => {
    expect([0, 1, 4, 5, 1234].map(suppressCount)).toEqual(['0', '<5', '<5', '5', '1,234']);
    expect(canShowFiguresBuiltOn(4)).toBe(false);
    expect(canShowFiguresBuiltOn(5)).toBe(true);
  });
});

describe('logging without personal data', () => {
  function capture() {
    const lines: Record<string, unknown>[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    return { lines, stream };
  }

  it('redacts personal fields and drops request bodies', () => {
    const { lines, stream } = capture();
    const log = createLogger(stream, 'info');
    log.info(
      {
        email: 'sam@example.com',
        person: { name: 'Sam', postcode: 'EB1 2AB', contact: { phone: '07700 900000' } },
        caseId: 'c1',
      },
      'hello',
    );
    logError(
      Object.assign(new Error('boom'), { digest: 'abc123' }),
      { route: '/refer', body: { whatMatters: 'my private words' }, formData: 'x' },
      'Failed',
      log,
    );
    expect(lines[0]).toMatchObject({
      email: '[redacted]',
      person: { name: '[redacted]', postcode: '[redacted]', contact: { phone: '[redacted]' } },
      caseId: 'c1',
    });
    expect(lines[1]).toMatchObject({
      route: '/refer',
      msg: 'Failed',
      error: { type: 'Error', message: 'boom', digest: 'abc123' },
    });
    expect(JSON.stringify(lines[1])).not.toContain('my private words');
    expect(lines[1]).not.toHaveProperty('body');
    expect(lines[1]).not.toHaveProperty('formData');
  });

  it('describes non-errors safely', () => {
    expect(safeError('oops')).toEqual({ type: 'string', message: 'oops' });
    expect(safeError({ password: 'x' })).toEqual({ type: 'object', message: 'Non-error value thrown' });
  });
});
