// A listing as one plain value: what a version stores, what the moderation diff compares, and what
// the editor's form starts from. Dates are "YYYY-MM-DD" (London calendar days), times "HH:MM".
import type { Tx } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import { formatDayDate, formatTimeRange } from '@/lib/directory/format';
import { normalisePhone, normaliseUrl } from './text';
import { describeSchedule, londonDay, nextOccurrences, toRrule, weekdayOf, ymd, type ScheduleLike } from '@/lib/directory/schedule';
import {
  type WEEKDAYS,
  scheduleInput,
  type KeepInput,
  type ListingInput,
  type ListingValues,
  type LocationInput,
  type ScheduleInput,
  type ScheduleValues,
} from './schema';

export type ScheduleSnapshot = {
  freq: 'WEEKLY' | 'MONTHLY' | 'ONCE';
  interval: number;
  byDay: string[];
  byMonthDay: number | null;
  rrule: string | null;
  dtstart: string | null;
  validFrom: string | null;
  validTo: string | null;
  opensAt: string;
  closesAt: string;
  description: string | null;
};

export type LocationSnapshot = {
  id?: string;
  name: string | null;
  address1: string;
  address2: string | null;
  city: string;
  postcode: string;
  latitude: number | null;
  longitude: number | null;
  accessibility: string[];
};

export type ListingSnapshot = {
  name: string;
  description: string;
  url: string | null;
  email: string | null;
  phone: string | null;
  contactName: string | null;
  status: 'active' | 'inactive' | 'defunct' | 'temporarily_closed';
  minimumAge: number | null;
  maximumAge: number | null;
  eligibility: string | null;
  isFree: boolean;
  costDescription: string | null;
  languages: string[];
  deliveryModes: Array<'in_person' | 'online' | 'phone'>;
  accessMethods: Array<'self_refer' | 'professional_referral' | 'drop_in'>;
  capacityStatus: 'open' | 'waiting_list' | 'full';
  capacitySpaces: number | null;
  alert: string | null;
  needs: string[];
  locations: LocationSnapshot[];
  schedules: ScheduleSnapshot[];
};

export type ListingField = keyof ListingSnapshot;

/** Changes to these wait for a coordinator; everything else publishes at once. */
export const MODERATED_FIELDS = ['name', 'description', 'needs', 'url', 'email', 'phone', 'contactName'] as const satisfies readonly ListingField[];
export type ModeratedField = (typeof MODERATED_FIELDS)[number];

export const SCALAR_FIELDS = [
  'name', 'description', 'url', 'email', 'phone', 'contactName', 'status', 'minimumAge', 'maximumAge', 'eligibility', 'isFree',
  'costDescription', 'languages', 'deliveryModes', 'accessMethods', 'capacityStatus', 'capacitySpaces', 'alert',
] as const satisfies readonly ListingField[];
export type ScalarField = (typeof SCALAR_FIELDS)[number];

export const ALL_FIELDS: readonly ListingField[] = [...SCALAR_FIELDS, 'needs', 'locations', 'schedules'];

export const FIELD_LABELS: Record<ListingField, string> = {
  name: 'Name',
  description: 'Description',
  needs: 'What it helps with',
  url: 'Website',
  email: 'Email address',
  phone: 'Phone number',
  contactName: 'Contact name',
  status: 'Running or not',
  minimumAge: 'Youngest age',
  maximumAge: 'Oldest age',
  eligibility: 'Who it is for',
  isFree: 'Free',
  costDescription: 'Cost',
  languages: 'Languages',
  deliveryModes: 'How people take part',
  accessMethods: 'How to join',
  capacityStatus: 'Space',
  capacitySpaces: 'Spaces left',
  alert: 'Notice',
  locations: 'Where',
  schedules: 'When',
};

// ---------- dates ----------

export function dateKey(d: Date | null | undefined): string | null {
  if (!d) return null;
  return d.toISOString().slice(0, 10);
}

export function dateFromKey(key: string | null | undefined): Date | null {
  return key ? new Date(`${key}T00:00:00Z`) : null;
}

function dayKey(day: number): string {
  const { year, month, day: dd } = ymd(day);
  return `${year}-${String(month).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

// ---------- schedules ----------

/**
 * The stored fields for one schedule. "Every other week" needs to know which weeks: the first
 * session date if given, otherwise the coming session's week (anchored one cycle back, so the
 * schedule does not read "from" a future date).
 */
export function scheduleFromInput(s: ScheduleInput, now: Date = new Date()): ScheduleSnapshot {
  const base = { opensAt: s.opensAt, closesAt: s.closesAt, description: s.note };
  let out: Omit<ScheduleSnapshot, 'rrule'>;
  switch (s.kind) {
    case 'once':
      out = { ...base, freq: 'ONCE', interval: 1, byDay: [], byMonthDay: null, dtstart: s.date, validFrom: s.date, validTo: s.date };
      break;
    case 'weekly': {
      let dtstart = s.startsOn;
      if (!dtstart && s.interval > 1) {
        const today = londonDay(now);
        let d = today;
        while (!s.days.includes(weekdayOf(d) as (typeof WEEKDAYS)[number])) d++;
        dtstart = dayKey(d - 7 * s.interval);
      }
      out = { ...base, freq: 'WEEKLY', interval: s.interval, byDay: [...s.days], byMonthDay: null, dtstart, validFrom: s.startsOn, validTo: s.endsOn };
      break;
    }
    case 'monthly':
      out = { ...base, freq: 'MONTHLY', interval: 1, byDay: [`${s.nth}${s.weekday}`], byMonthDay: null, dtstart: s.startsOn, validFrom: s.startsOn, validTo: s.endsOn };
      break;
    case 'monthly_day':
      out = { ...base, freq: 'MONTHLY', interval: 1, byDay: [], byMonthDay: s.monthDay, dtstart: s.startsOn, validFrom: s.startsOn, validTo: s.endsOn };
      break;
  }
  return { ...out, rrule: toRrule(scheduleLike(out)) };
}

/** The shape lib/directory/schedule reads (dates as Date). */
export function scheduleLike(s: Omit<ScheduleSnapshot, 'rrule'> & { rrule?: string | null }): ScheduleLike {
  return {
    freq: s.freq,
    interval: s.interval,
    byDay: s.byDay,
    byMonthDay: s.byMonthDay,
    rrule: s.rrule ?? null,
    dtstart: dateFromKey(s.dtstart),
    validFrom: dateFromKey(s.validFrom),
    validTo: dateFromKey(s.validTo),
    opensAt: s.opensAt,
    closesAt: s.closesAt,
    description: s.description,
  };
}

type ScheduleRow = {
  freq: 'WEEKLY' | 'MONTHLY' | 'ONCE';
  interval: number;
  byDay: string[];
  byMonthDay: number | null;
  rrule: string | null;
  dtstart: Date | null;
  validFrom: Date | null;
  validTo: Date | null;
  opensAt: string;
  closesAt: string;
  description: string | null;
  notes?: string | null;
};

export function scheduleFromRow(r: ScheduleRow): ScheduleSnapshot {
  return {
    freq: r.freq,
    interval: r.interval,
    byDay: [...r.byDay],
    byMonthDay: r.byMonthDay,
    rrule: r.rrule,
    dtstart: dateKey(r.dtstart),
    validFrom: dateKey(r.validFrom),
    validTo: dateKey(r.validTo),
    opensAt: r.opensAt,
    closesAt: r.closesAt,
    description: r.description ?? r.notes ?? null,
  };
}

export function scheduleData(s: ScheduleSnapshot): Omit<Prisma.ScheduleCreateManyInput, 'serviceId'> {
  return {
    freq: s.freq,
    interval: s.interval,
    byDay: s.byDay,
    byMonthDay: s.byMonthDay,
    rrule: s.rrule,
    timezone: 'Europe/London',
    dtstart: dateFromKey(s.dtstart),
    validFrom: dateFromKey(s.validFrom),
    validTo: dateFromKey(s.validTo),
    opensAt: s.opensAt,
    closesAt: s.closesAt,
    description: s.description,
  };
}

/**
 * A stored schedule as the editor's form values: the nearest the form's questions can get. Only
 * right when editorCanShow(s); otherwise scheduleValues keeps the schedule as it is.
 */
export function approximateScheduleValues(s: ScheduleSnapshot): ScheduleValues {
  const v: ScheduleValues = { kind: 'weekly', days: [], interval: '1', nth: '', weekday: '', monthDay: '', date: '', startsOn: '', endsOn: '', opensAt: s.opensAt, closesAt: s.closesAt, note: s.description ?? '' };
  if (s.freq === 'ONCE') return { ...v, kind: 'once', date: s.validFrom ?? s.dtstart ?? '' };
  const withN = s.byDay.map((code) => /^([+-]?\d)?([A-Z]{2})$/.exec(code)).filter((m): m is RegExpExecArray => m !== null);
  const endsOn = s.validTo ?? '';
  if (s.freq === 'WEEKLY') {
    const startsOn = s.validFrom ?? (s.interval > 1 ? (s.dtstart ?? '') : '');
    return { ...v, kind: 'weekly', days: withN.map((m) => m[2]), interval: String(Math.min(4, Math.max(1, s.interval))), startsOn, endsOn };
  }
  const startsOn = s.validFrom ?? '';
  if (s.byMonthDay !== null) return { ...v, kind: 'monthly_day', monthDay: String(s.byMonthDay), startsOn, endsOn };
  const first = withN[0];
  return { ...v, kind: 'monthly', nth: first?.[1] ?? '', weekday: first?.[2] ?? '', startsOn, endsOn };
}

/** Who a stored schedule is, in the form: a hash of everything it holds (two 32-bit FNV-1a hashes). */
export function scheduleIdentity(s: ScheduleSnapshot): string {
  const text = JSON.stringify([
    s.freq, s.interval, s.byDay, s.byMonthDay, s.rrule, s.dtstart, s.validFrom, s.validTo, s.opensAt, s.closesAt, s.description,
  ]);
  const fnv = (seed: number) => {
    let h = seed >>> 0;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(16).padStart(8, '0');
  };
  return fnv(0x811c9dc5) + fnv(0x050c5d1f);
}

function scheduleWords(s: ScheduleSnapshot, now: Date): string {
  const text = describeSchedule(scheduleLike(s), now);
  return s.description ? `${text} (${s.description})` : text;
}

/** The next sessions of a stored schedule, as the editor lists them. */
export function scheduleNextDates(s: ScheduleSnapshot, count: number, now: Date): string[] {
  return nextOccurrences([scheduleLike(s)], count, now).map((o) => `${formatDayDate(o.start)}, ${formatTimeRange(s.opensAt, s.closesAt)}`);
}

/**
 * Can the editor's questions hold this schedule without changing it? It must read the same in
 * words, and give the same sessions for the next year or so, after a trip through the form.
 * Rules the form has no questions for (several weeks of the month, every other month, an
 * exception, a session past midnight...) cannot.
 */
export function editorCanShow(s: ScheduleSnapshot, now: Date = new Date()): boolean {
  const parsed = scheduleInput.safeParse(approximateScheduleValues(s));
  if (!parsed.success) return false;
  const back = scheduleFromInput(parsed.data, now);
  if (back.validTo !== s.validTo || scheduleWords(back, now) !== scheduleWords(s, now)) return false;
  const sessions = (x: ScheduleSnapshot) => nextOccurrences([scheduleLike(x)], 30, now, 800).map((o) => o.start.getTime()).join();
  return sessions(back) === sessions(s);
}

/** A stored schedule the form cannot show, as a slot that keeps it exactly as it is. */
export function keptScheduleValues(s: ScheduleSnapshot, now: Date = new Date()): ScheduleValues {
  return {
    kind: 'keep', days: [], interval: '', nth: '', weekday: '', monthDay: '', date: '', startsOn: '', endsOn: '', opensAt: '', closesAt: '', note: '',
    keep: scheduleIdentity(s),
    kept: { text: scheduleWords(s, now), next: scheduleNextDates(s, 3, now) },
  };
}

/** A stored schedule as the editor's form values: questions answered when the form can show it, kept as it is when not. */
export function scheduleValues(s: ScheduleSnapshot, now: Date = new Date()): ScheduleValues {
  return editorCanShow(s, now) ? approximateScheduleValues(s) : keptScheduleValues(s, now);
}

/** A kept slot names a schedule the listing no longer has (someone changed it since the form was opened). */
export class KeptScheduleMissing extends Error {
  constructor(readonly slot: number) {
    super(`The kept schedule in slot ${slot} is no longer stored`);
    this.name = 'KeptScheduleMissing';
  }
}

/** The stored fields for a form slot: a kept schedule is taken from the listing's own, unchanged. */
export function scheduleFromSlot(s: ScheduleInput | KeepInput, existing: readonly ScheduleSnapshot[], now: Date = new Date()): ScheduleSnapshot {
  if (s.kind !== 'keep') return scheduleFromInput(s, now);
  const found = existing.find((x) => scheduleIdentity(x) === s.key);
  if (!found) throw new KeptScheduleMissing(s.slot);
  return { ...found };
}

// ---------- locations ----------

export function locationFromInput(l: LocationInput, latitude: number | null, longitude: number | null): LocationSnapshot {
  return {
    name: l.name,
    address1: l.address1 ?? '',
    address2: l.address2,
    city: l.city ?? '',
    postcode: l.postcode ?? '',
    latitude,
    longitude,
    accessibility: [...l.accessibility],
  };
}

// ---------- whole listings ----------

export const listingInclude = {
  taxonomyTerms: { select: { term: { select: { code: true } } } },
  schedules: { orderBy: [{ freq: 'asc' }, { opensAt: 'asc' }, { id: 'asc' }] },
  locations: { include: { location: true }, orderBy: { id: 'asc' } },
  organisation: { select: { id: true, name: true, status: true, email: true } },
} satisfies Prisma.ServiceInclude;

export type LoadedListing = Prisma.ServiceGetPayload<{ include: typeof listingInclude }>;

export function loadListing(tx: Tx, id: string) {
  return tx.service.findUnique({ where: { id }, include: listingInclude });
}

function scheduleKey(s: ScheduleSnapshot): string {
  return JSON.stringify([
    s.freq, s.interval ?? 1, s.byDay ?? [], s.byMonthDay ?? null, s.dtstart ?? null, s.validFrom ?? null, s.validTo ?? null,
    s.opensAt, s.closesAt, s.description ?? null,
  ]);
}

export function snapshotOf(s: LoadedListing): ListingSnapshot {
  return {
    name: s.name,
    description: s.description,
    url: s.url,
    email: s.email,
    phone: s.phone,
    contactName: s.contactName,
    status: s.status,
    minimumAge: s.minimumAge,
    maximumAge: s.maximumAge,
    eligibility: s.eligibility,
    isFree: s.isFree,
    costDescription: s.costDescription,
    languages: [...s.languages],
    deliveryModes: [...s.deliveryModes],
    accessMethods: [...s.accessMethods],
    capacityStatus: s.capacityStatus,
    capacitySpaces: s.capacitySpaces,
    alert: s.alert,
    needs: s.taxonomyTerms.map((t) => t.term.code).sort(),
    locations: s.locations.map(({ location: l }) => ({
      id: l.id,
      name: l.name,
      address1: l.address1,
      address2: l.address2,
      city: l.city,
      postcode: l.postcode,
      latitude: l.latitude,
      longitude: l.longitude,
      accessibility: [...l.accessibility],
    })),
    schedules: s.schedules.map(scheduleFromRow),
  };
}

/**
 * The listing a validated form describes (the place's coordinates come from the caller's look-up;
 * kept schedules from `existing`, the listing's schedules as stored).
 */
export function snapshotFromInput(input: ListingInput, location: LocationSnapshot | null, now: Date = new Date(), existing: readonly ScheduleSnapshot[] = []): ListingSnapshot {
  return {
    name: input.name,
    description: input.description,
    url: input.url,
    email: input.email,
    phone: input.phone,
    contactName: input.contactName,
    status: input.status,
    minimumAge: input.minimumAge,
    maximumAge: input.maximumAge,
    eligibility: input.eligibility,
    isFree: input.isFree,
    costDescription: input.costDescription,
    languages: input.languages,
    deliveryModes: input.deliveryModes,
    accessMethods: input.accessMethods,
    capacityStatus: input.capacityStatus,
    capacitySpaces: input.capacitySpaces,
    alert: input.alert,
    needs: input.needs,
    locations: location ? [location] : [],
    schedules: input.schedules.map((s) => scheduleFromSlot(s, existing, now)),
  };
}

function comparableLocation(l: LocationSnapshot) {
  return [l.name ?? null, l.address1, l.address2 ?? null, l.city, l.postcode, l.latitude ?? null, l.longitude ?? null, [...l.accessibility].sort()];
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

export function pick<K extends ListingField>(s: Partial<ListingSnapshot>, fields: readonly K[]): Partial<Pick<ListingSnapshot, K>> {
  const out: Partial<ListingSnapshot> = {};
  for (const f of fields) if (f in s) (out as Record<string, unknown>)[f] = s[f];
  return out as Partial<Pick<ListingSnapshot, K>>;
}

/** The editor's form values for a listing (optionally with a pending change laid over it). */
export function listingValues(organisationId: string, s: ListingSnapshot, now: Date = new Date()): ListingValues {
  const loc = s.locations[0];
  return {
    organisationId,
    name: s.name,
    description: s.description,
    needs: [...s.needs],
    minimumAge: s.minimumAge === null ? '' : String(s.minimumAge),
    maximumAge: s.maximumAge === null ? '' : String(s.maximumAge),
    eligibility: s.eligibility ?? '',
    cost: s.isFree ? 'free' : 'paid',
    costDescription: s.costDescription ?? '',
    languages: s.languages.join(', '),
    deliveryModes: [...s.deliveryModes],
    accessMethods: [...s.accessMethods],
    url: s.url ?? '',
    email: s.email ?? '',
    phone: s.phone ?? '',
    contactName: s.contactName ?? '',
    status: s.status === 'defunct' ? 'inactive' : s.status,
    alert: s.alert ?? '',
    capacityStatus: s.capacityStatus,
    capacitySpaces: s.capacitySpaces === null ? '' : String(s.capacitySpaces),
    location: {
      name: loc?.name ?? '',
      address1: loc?.address1 ?? '',
      address2: loc?.address2 ?? '',
      city: loc?.city ?? '',
      postcode: loc?.postcode ?? '',
      latitude: loc?.latitude == null ? '' : String(loc.latitude),
      longitude: loc?.longitude == null ? '' : String(loc.longitude),
      accessibility: [...(loc?.accessibility ?? [])],
    },
    schedules: s.schedules.map((x) => scheduleValues(x, now)),
  };
}

/** Today's London date as "YYYY-MM-DD" (for date inputs' hints and minimums). */
export function todayKey(now: Date = new Date()): string {
  return dayKey(londonDay(now));
}

