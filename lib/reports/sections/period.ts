import { londonDateKey } from '@/lib/format/dates';
import type { ReportFilter } from '../filter';

/** The first and last London calendar days the filter covers. */
export function periodKeys(f: ReportFilter): [string, string] {
  return [londonDateKey(f.from), londonDateKey(new Date(f.to.getTime() - 1))];
}

/** Days the period covers (for yearly rates). */
export function periodDays(f: ReportFilter): number {
  const [a, b] = periodKeys(f);
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000) + 1;
}
