// The plain-English preview of one schedule slot and its next dates. Pure: the editor renders it
// on the server from the posted values, and again in the browser as the person types.
import { formatDayDate, formatTimeRange } from '@/lib/directory/format';
import { describeScheduleSnapshot, nextDates } from './describe';
import { isBlankSchedule, scheduleInput, type ScheduleValues } from './schema';
import { scheduleFromInput } from './schedule-slots';

export type SchedulePreview = { text: string; next: string[] } | null;

export function previewSchedule(values: ScheduleValues, now: Date = new Date()): SchedulePreview {
  if (isBlankSchedule(values)) return null;
  const parsed = scheduleInput.safeParse(values);
  if (!parsed.success) return null;
  const s = scheduleFromInput(parsed.data, now);
  const next = nextDates([s], 3, now).map((o) => `${formatDayDate(o.start)}, ${formatTimeRange(s.opensAt, s.closesAt)}`);
  return { text: describeScheduleSnapshot(s, now), next };
}
