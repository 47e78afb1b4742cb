// Triage targets in working days (Monday to Friday, less bank holidays), counted on London dates.
import type { Rag } from '@/lib/db/generated/client';
import { londonDateKey, londonMidnight, shiftDateKey } from '@/lib/format/dates';
import { calendarFor, ENGLAND_AND_WALES_BANK_HOLIDAYS, remember } from '@/lib/calendar/working-days';

export type Targets = { red: number; amber: number; green: number };

function isWorkingDay(key: string, holidays: ReadonlySet<string>): boolean {
  const day = new Date(`${key}T00:00:00Z`).getUTCDay();
  return day !== 0 && day !== 6 && !holidays.has(key);
}

/**
 * The London date `days` working days after `from`'s date, as "YYYY-MM-DD": received on a Monday
 * with a target of 2 working days is due on Wednesday. The counterpart of workingDaysBetween.
 */
export function addWorkingDays(from: Date, days: number, holidays: readonly string[] = ENGLAND_AND_WALES_BANK_HOLIDAYS): string {
  const calendar = calendarFor(holidays);
  const start = londonDateKey(from);
  const wanted = Math.max(0, Math.floor(days));
  return remember(calendar.after, `${start}+${wanted}`, () => {
    let key = start;
    let left = wanted;
    for (let i = 0; left > 0 && i < 3660; i++) {
      key = shiftDateKey(key, { days: 1 });
      if (isWorkingDay(key, calendar.set)) left -= 1;
    }
    return key;
  });
}

/** The target for a rating; an unrated referral is held to the red target until someone reads it. */
export function targetDays(rag: Rag | null, targets: Targets): number {
  return targets[rag ?? 'red'];
}

/** The day by which first contact is due, as the start of that London day (for formatDate). */
export function dueDate(receivedAt: Date, rag: Rag | null, targets: Targets, holidays?: readonly string[]): Date {
  return londonMidnight(addWorkingDays(receivedAt, targetDays(rag, targets), holidays));
}

/** What the public is promised before anyone has rated the referral: the longest target. */
export function promisedContactBy(receivedAt: Date, targets: Targets, holidays?: readonly string[]): { days: number; by: Date } {
  const days = Math.max(targets.red, targets.amber, targets.green);
  return { days, by: londonMidnight(addWorkingDays(receivedAt, days, holidays)) };
}
