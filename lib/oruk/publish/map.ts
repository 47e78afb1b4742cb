// A listing as Open Referral UK v3 records. Pure: the rows come from ./load, the words from the
// borough's settings; the mapping table and what is lost are in docs/open-referral.md.
//
// The UK profile's JSON has no phone numbers and only ids for languages (it removes HSDS 3.0's
// contact.phones and language.name). The schemas allow other fields, so those two are written in
// HSDS 3.0's own shape (contacts[].phones[], languages[].name): readers of HSDS 3.0 understand
// them and readers of the profile ignore them (docs/decisions/0022).
import { accessibilityLabel } from '@/lib/directory/vocab';
import { derivedId } from './ids';
import { isoDay, toOrukSchedule, type OrukSchedule, type SourceSchedule } from './schedule';
import { londonDay } from '@/lib/directory/days';

export type SourceTerm = {
  id: string;
  code: string;
  name: string;
  description: string;
  parentId: string | null;
  externalUri: string | null;
  taxonomy: { id: string; name: string };
};

export type SourceLocation = {
  id: string;
  name: string | null;
  description: string | null;
  address1: string;
  address2: string | null;
  city: string;
  postcode: string;
  latitude: number | null;
  longitude: number | null;
  accessibility: string[];
};

export type SourceService = {
  id: string;
  name: string;
  description: string;
  url: string | null;
  email: string | null;
  phone: string | null;
  contactName: string | null;
  status: 'active' | 'inactive' | 'defunct' | 'temporarily_closed';
  minimumAge: number | null;
  maximumAge: number | null;
  isFree: boolean;
  costDescription: string | null;
  languages: string[];
  alert: string | null;
  assuredAt: Date | null;
  assurerEmail: string | null;
  updatedAt: Date;
  organisation: {
    id: string;
    name: string;
    description: string;
    website: string | null;
    email: string | null;
    charityNumber: string | null;
    companyNumber: string | null;
  };
  schedules: SourceSchedule[];
  locations: Array<{ id: string; location: SourceLocation }>;
  terms: SourceTerm[];
};

export type MapContext = {
  now: Date;
  /** The borough's name: every listing's service area, and the county field of addresses. */
  boroughName: string;
  /** Answers for a listing's "last checked" when the person who checked it has no public address. */
  boroughEmail: string;
};

type Json = Record<string, unknown>;

const STATUS = {
  active: 'active',
  inactive: 'inactive',
  defunct: 'defunct',
  temporarily_closed: 'temporarily closed',
} as const;

// The same shapes ajv-formats checks, so nothing we publish fails the standard's formats.
const EMAIL = /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/** A public e-mail address, or nothing when it is not one. */
export function publicEmail(value: string | null | undefined): string | undefined {
  const v = value?.trim();
  return v && EMAIL.test(v) ? v : undefined;
}

/** A full http(s) address: "www.example.org" gains https://; anything else that is not an address is left out. */
export function webAddress(value: string | null | undefined): string | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  const withScheme = /^https?:\/\//i.test(v) ? v : /^[\w-]+(\.[\w-]+)+([/?#].*)?$/.test(v) ? `https://${v}` : null;
  if (!withScheme) return undefined;
  try {
    const u = new URL(withScheme);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps the fields with a value: ORUK readers treat a missing field and an empty one alike. */
function defined<T extends Json>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as T;
}

export function mapTerm(t: SourceTerm): Json {
  return defined({
    id: t.id,
    name: t.name,
    description: t.description,
    parent_id: t.parentId ?? undefined,
    taxonomy: t.taxonomy.name,
    taxonomy_id: t.taxonomy.id,
    term_uri: webAddress(t.externalUri),
    term: t.code,
  });
}

/** The organisation; `full` adds its charity and company numbers (list items carry one-to-one fields only). */
export function mapOrganisation(o: SourceService['organisation'], full = true): Json {
  const identifiers = [
    o.charityNumber?.trim() ? { scheme: 'GB-CHC', type: 'Charity number', value: o.charityNumber.trim() } : null,
    o.companyNumber?.trim() ? { scheme: 'GB-COH', type: 'Company number', value: o.companyNumber.trim() } : null,
  ].filter((x) => x !== null);
  return defined({
    id: o.id,
    name: o.name,
    description: o.description,
    email: publicEmail(o.email),
    website: webAddress(o.website),
    organization_identifiers: !full
      ? undefined
      : identifiers.map((i) => ({
          id: derivedId(o.id, 'identifier', i.scheme),
          organization_id: o.id,
          identifier_scheme: i.scheme,
          identifier_type: i.type,
          identifier: i.value,
        })),
  });
}

/** The last-checked address: the checker's own only when it is already public on the listing. */
function assurer(s: SourceService, ctx: MapContext): string | undefined {
  if (!s.assuredAt) return undefined;
  const own = publicEmail(s.assurerEmail)?.toLowerCase();
  const known = [s.email, s.organisation.email].map((e) => publicEmail(e)?.toLowerCase()).filter(Boolean);
  if (own && known.includes(own)) return publicEmail(s.assurerEmail);
  return publicEmail(ctx.boroughEmail);
}

/** The one-to-one fields and the organisation: each item of GET /services. */
export function mapServiceSummary(s: SourceService, ctx: MapContext): Json {
  return defined({
    id: s.id,
    organization_id: s.organisation.id,
    name: s.name,
    description: s.description,
    url: webAddress(s.url),
    email: publicEmail(s.email),
    status: STATUS[s.status],
    minimum_age: s.minimumAge ?? undefined,
    maximum_age: s.maximumAge ?? undefined,
    assured_date: s.assuredAt ? isoDay(londonDay(s.assuredAt)) : undefined,
    assurer_email: assurer(s, ctx),
    alert: s.alert?.trim() || undefined,
    last_modified: s.updatedAt.toISOString(),
    organization: mapOrganisation(s.organisation, false),
  });
}

/** The location's one-to-one fields: each item of GET /service_at_locations. */
export function mapLocationSummary(l: SourceLocation): Json {
  return defined({
    id: l.id,
    location_type: 'physical',
    name: l.name?.trim() || undefined,
    description: l.description?.trim() || undefined,
    latitude: l.latitude ?? undefined,
    longitude: l.longitude ?? undefined,
  });
}

export function mapLocation(l: SourceLocation, ctx: MapContext): Json {
  return {
    ...mapLocationSummary(l),
    addresses: [
      {
        id: derivedId(l.id, 'address'),
        location_id: l.id,
        address_1: [l.address1, l.address2].filter((x) => x?.trim()).join(', '),
        city: l.city,
        state_province: ctx.boroughName,
        postal_code: l.postcode,
        country: 'GB',
        address_type: 'physical',
      },
    ],
    accessibility: l.accessibility.map((code) => ({
      id: derivedId(l.id, 'accessibility', code),
      location_id: l.id,
      description: accessibilityLabel(code),
      accessibility: code,
    })),
  };
}

function contacts(s: SourceService): Json[] {
  const phone = s.phone?.trim();
  const name = s.contactName?.trim();
  if (!phone && !name) return [];
  const id = derivedId(s.id, 'contact');
  return [
    defined({
      id,
      service_id: s.id,
      name: name || undefined,
      phones: phone ? [{ id: derivedId(s.id, 'phone'), contact_id: id, number: phone }] : undefined,
    }),
  ];
}

function costOptions(s: SourceService): Json[] {
  const words = s.costDescription?.trim();
  if (s.isFree) {
    return [
      defined({
        id: derivedId(s.id, 'cost'),
        service_id: s.id,
        option: 'Free',
        amount: 0,
        amount_description: words || undefined,
      }),
    ];
  }
  if (words) return [{ id: derivedId(s.id, 'cost'), service_id: s.id, amount_description: words }];
  return [];
}

/** The full nested record: GET /services/{id}, and each item with full_service=true. */
export function mapService(s: SourceService, ctx: MapContext): Json {
  const schedules: OrukSchedule[] = s.schedules.map((sc) => toOrukSchedule(sc, ctx.now));
  return {
    ...mapServiceSummary(s, ctx),
    organization: mapOrganisation(s.organisation),
    schedules,
    service_areas: [
      {
        id: derivedId(s.id, 'service_area'),
        service_id: s.id,
        name: ctx.boroughName,
        service_area: ctx.boroughName,
      },
    ],
    service_at_locations: s.locations.map((sal) => ({
      id: sal.id,
      service_id: s.id,
      location_id: sal.location.id,
      location: mapLocation(sal.location, ctx),
    })),
    languages: s.languages
      .map((l) => l.trim())
      .filter(Boolean)
      .map((name) => ({ id: derivedId(s.id, 'language', name.toLowerCase()), service_id: s.id, name })),
    cost_options: costOptions(s),
    contacts: contacts(s),
    attributes: s.terms.map((t) => ({
      id: derivedId(s.id, 'attribute', t.id),
      link_id: s.id,
      link_type: 'service',
      taxonomy_term_id: t.id,
      taxonomy_term: mapTerm(t),
    })),
  };
}

/** Fields outside the UK profile that we add in HSDS 3.0's shape (for validateOruk's closed mode). */
export const HSDS_ADDITIONS = ['contacts[].phones', 'languages[].name'] as const;
