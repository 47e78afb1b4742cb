// A listing as one plain value: what a version stores, what the moderation diff compares (./diff),
// and what the editor's form starts from. Dates are "YYYY-MM-DD" (London calendar days), times
// "HH:MM". Schedules in their several shapes are in ./schedule-slots.
import type { Tx } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import { scheduleFromRow, scheduleFromSlot, scheduleValues, type ScheduleSnapshot } from './schedule-slots';
import { capacityKey, type ListingInput, type ListingValues, type LocationInput } from './schema';

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
export const MODERATED_FIELDS = [
  'name',
  'description',
  'needs',
  'url',
  'email',
  'phone',
  'contactName',
] as const satisfies readonly ListingField[];
export type ModeratedField = (typeof MODERATED_FIELDS)[number];

export const SCALAR_FIELDS = [
  'name',
  'description',
  'url',
  'email',
  'phone',
  'contactName',
  'status',
  'minimumAge',
  'maximumAge',
  'eligibility',
  'isFree',
  'costDescription',
  'languages',
  'deliveryModes',
  'accessMethods',
  'capacityStatus',
  'capacitySpaces',
  'alert',
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
export function snapshotFromInput(
  input: ListingInput,
  location: LocationSnapshot | null,
  now: Date = new Date(),
  existing: readonly ScheduleSnapshot[] = [],
): ListingSnapshot {
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
    // Not free and no price: the question was never answered (a draft), so the form asks it again.
    cost: s.isFree ? 'free' : s.costDescription ? 'paid' : '',
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
    capacityAsLoaded: capacityKey({
      capacityStatus: s.capacityStatus,
      capacitySpaces: s.capacitySpaces === null ? '' : String(s.capacitySpaces),
    }),
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
