// Listing values in words, for the moderation difference, the history and the e-mails.
import { nextOccurrences, type Occurrence } from '@/lib/directory/recurrence';
import { describeSchedule } from '@/lib/directory/schedule-words';
import { ACCESS_METHOD_LABELS, CAPACITY_LABELS, MODE_LABELS, accessibilityLabel } from '@/lib/directory/vocab';
import { scheduleLike, type ScheduleSnapshot } from './schedule-slots';
import { FIELD_LABELS, type ListingField, type ListingSnapshot, type LocationSnapshot } from './snapshot';

export const STATUS_LABELS: Record<string, string> = {
  active: 'Running',
  temporarily_closed: 'Temporarily closed',
  inactive: 'Not running at the moment',
  defunct: 'Closed for good',
};

export function describeLocation(l: LocationSnapshot): string {
  const lines = [l.name, l.address1, l.address2, l.city, l.postcode].filter((x): x is string => Boolean(x && x.trim()));
  const access = l.accessibility.length ? ` (${l.accessibility.map(accessibilityLabel).join(', ')})` : '';
  return lines.join(', ') + access;
}

export function describeScheduleSnapshot(s: ScheduleSnapshot, now: Date = new Date()): string {
  const text = describeSchedule(scheduleLike(s), now);
  return s.description ? `${text} (${s.description})` : text;
}

/** The next sessions of a set of schedules (for the editor's preview). */
export function nextDates(schedules: readonly ScheduleSnapshot[], count = 3, now: Date = new Date()): Occurrence[] {
  return nextOccurrences(
    schedules.map((s) => scheduleLike(s)),
    count,
    now,
  );
}

const none = 'Not given';

/** One field's value as words; `needNames` turns needs codes into their names. */
export function describeValue(
  field: ListingField,
  value: unknown,
  needNames: Record<string, string> = {},
  now: Date = new Date(),
): string {
  if (value === undefined) return 'Not recorded';
  switch (field) {
    case 'needs': {
      const codes = (value as string[] | null) ?? [];
      return codes.length ? codes.map((c) => needNames[c] ?? c).join(', ') : none;
    }
    case 'languages':
      return ((value as string[] | null) ?? []).join(', ') || none;
    case 'deliveryModes':
      return ((value as string[] | null) ?? []).map((m) => MODE_LABELS[m as keyof typeof MODE_LABELS] ?? m).join(', ') || none;
    case 'accessMethods':
      return ((value as string[] | null) ?? []).map((m) => ACCESS_METHOD_LABELS[m] ?? m).join(', ') || none;
    case 'isFree':
      return value ? 'Yes' : 'No';
    case 'status':
      return STATUS_LABELS[String(value)] ?? String(value);
    case 'capacityStatus':
      return CAPACITY_LABELS[String(value)] ?? String(value);
    case 'locations': {
      const list = (value as LocationSnapshot[] | null) ?? [];
      return list.length ? list.map(describeLocation).join('; ') : 'No place (online or by phone)';
    }
    case 'schedules': {
      const list = (value as ScheduleSnapshot[] | null) ?? [];
      return list.length ? list.map((s) => describeScheduleSnapshot(s, now)).join('; ') : 'No regular times';
    }
    default:
      return value === null || value === '' ? none : String(value);
  }
}

export type DiffRow = { field: ListingField; label: string; before: string; after: string };

/** Field-by-field difference, for the fields in `fields` (defaults to those `after` holds). */
export function diffRows(
  before: Partial<ListingSnapshot>,
  after: Partial<ListingSnapshot>,
  fields: readonly ListingField[],
  needNames: Record<string, string> = {},
  now: Date = new Date(),
): DiffRow[] {
  return fields.map((field) => ({
    field,
    label: FIELD_LABELS[field],
    before: field in before ? describeValue(field, before[field], needNames, now) : 'Not given',
    after: describeValue(field, after[field], needNames, now),
  }));
}
