// What changed between two snapshots of a listing, field by field: the moderation queue's diff, and
// whether a save changes anything at all.
import type { ScheduleSnapshot } from './schedule-slots';
import { ALL_FIELDS, type ListingField, type ListingSnapshot, type LocationSnapshot } from './snapshot';
import { normalisePhone, normaliseUrl } from './text';

function scheduleKey(s: ScheduleSnapshot): string {
  return JSON.stringify([
    s.freq,
    s.interval ?? 1,
    s.byDay ?? [],
    s.byMonthDay ?? null,
    s.dtstart ?? null,
    s.validFrom ?? null,
    s.validTo ?? null,
    s.opensAt,
    s.closesAt,
    s.description ?? null,
  ]);
}

function comparableLocation(l: LocationSnapshot) {
  return [
    l.name ?? null,
    l.address1,
    l.address2 ?? null,
    l.city,
    l.postcode,
    l.latitude ?? null,
    l.longitude ?? null,
    [...l.accessibility].sort(),
  ];
}

function comparable(field: ListingField, value: unknown): string {
  // A stored contact in another spelling (an imported "example.org" for "https://example.org/") is not a change.
  if ((field === 'url' || field === 'phone' || field === 'email') && typeof value === 'string' && value !== '') {
    const tidy = field === 'url' ? normaliseUrl(value) : field === 'phone' ? normalisePhone(value) : value.trim().toLowerCase();
    return JSON.stringify(tidy ?? value);
  }
  if (field === 'schedules') return JSON.stringify(((value as ScheduleSnapshot[] | undefined) ?? []).map(scheduleKey).sort());
  if (field === 'locations') return JSON.stringify(((value as LocationSnapshot[] | undefined) ?? []).map(comparableLocation));
  if (field === 'needs' || field === 'languages' || field === 'deliveryModes' || field === 'accessMethods') {
    const arr = (value as string[] | undefined) ?? [];
    return JSON.stringify(field === 'languages' ? arr : [...arr].sort());
  }
  return JSON.stringify(value ?? null);
}

export function sameValue(field: ListingField, a: unknown, b: unknown): boolean {
  return comparable(field, a) === comparable(field, b);
}

/** The fields whose values differ, in form order. Fields missing from `after` are not compared. */
export function changedFields(before: Partial<ListingSnapshot>, after: Partial<ListingSnapshot>): ListingField[] {
  return ALL_FIELDS.filter((f) => f in after && !sameValue(f, before[f], after[f]));
}

export function pick<K extends ListingField>(
  s: Partial<ListingSnapshot>,
  fields: readonly K[],
): Partial<Pick<ListingSnapshot, K>> {
  const out: Partial<ListingSnapshot> = {};
  for (const f of fields) if (f in s) (out as Record<string, unknown>)[f] = s[f];
  return out as Partial<Pick<ListingSnapshot, K>>;
}
