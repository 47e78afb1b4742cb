import { describe, expect, it } from 'vitest';
import { addWorkingDays, dueDate, promisedContactBy, targetDays } from '@/lib/triage/targets';
import { workingDaysBetween } from '@/lib/calendar/working-days';

const targets = { red: 2, amber: 5, green: 10 };

describe('working-day targets', () => {
  it('skips weekends', () => {
    // Thursday 19 November 2026 + 2 working days = Monday 23 November.
    expect(addWorkingDays(new Date('2026-11-19T10:00:00Z'), 2, [])).toBe('2026-11-23');
    // Saturday + 1 = Monday.
    expect(addWorkingDays(new Date('2026-11-21T10:00:00Z'), 1, [])).toBe('2026-11-23');
    expect(addWorkingDays(new Date('2026-11-19T10:00:00Z'), 0, [])).toBe('2026-11-19');
  });

  it('skips bank holidays', () => {
    // Wednesday 23 December 2026, 2 working days: 24th, then 25th and 28th are bank holidays, so 29th.
    expect(addWorkingDays(new Date('2026-12-23T10:00:00Z'), 2)).toBe('2026-12-29');
  });

  it('uses the London date, not the UTC one', () => {
    // 23:30 UTC on Friday 29 May 2026 is already Saturday in London (BST).
    expect(addWorkingDays(new Date('2026-05-29T23:30:00Z'), 1, [])).toBe('2026-06-01');
  });

  it('agrees with workingDaysBetween', () => {
    const from = new Date('2026-11-02T09:00:00Z');
    for (let n = 0; n <= 15; n++) {
      const key = addWorkingDays(from, n);
      expect(workingDaysBetween(from, new Date(`${key}T12:00:00Z`))).toBe(n);
    }
  });

  it('holds an unrated referral to the red target', () => {
    expect(targetDays(null, targets)).toBe(2);
    expect(targetDays('amber', targets)).toBe(5);
    expect(dueDate(new Date('2026-11-19T10:00:00Z'), null, targets, []).toISOString()).toBe('2026-11-23T00:00:00.000Z');
  });

  it('promises the public the longest target', () => {
    const p = promisedContactBy(new Date('2026-11-18T12:00:00Z'), targets, []);
    expect(p.days).toBe(10);
    expect(p.by.toISOString()).toBe('2026-12-02T00:00:00.000Z');
  });
});
