// A checked feed record (v3 or v1) as a FeedService. What our model has no place for is dropped
// (docs/open-referral.md, "Import", lists it); what could not be carried over is a warning.
import { normalisePostcode } from '@/lib/geo/postcode';
import { isPlausiblyInUk } from '@/lib/geo/uk';
import type { ScheduleSnapshot } from '@/lib/listings/schedule-slots';
import { mapSchedule, type OrukSchedule } from './schedule';
import type { FeedLocation, FeedOrganisation, FeedService, FeedTerm, OrukVersion } from './types';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);
/** Text, trimmed; a CSV cell's stray surrounding quotes ("\"+44 1234\"") removed. */
const text = (v: unknown): string | null => {
  if (typeof v === 'number') return String(v);
  if (typeof v !== 'string') return null;
  const t = v
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .trim();
  return t || null;
};
const id = (v: unknown): string => text(v) ?? '';
const int = (v: unknown): number | null => {
  const n = typeof v === 'string' && v.trim() ? Number(v) : v;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n < 200 ? n : null;
};
const num = (v: unknown): number | null => {
  const n = typeof v === 'string' && v.trim() ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
};
const date = (v: unknown): string | null => {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(text(v) ?? '');
  return m ? m[1] : null;
};

const STATUS: Record<string, FeedService['status']> = {
  active: 'active',
  inactive: 'inactive',
  defunct: 'defunct',
  'temporarily closed': 'temporarily_closed',
  temporarily_closed: 'temporarily_closed',
};

/** Our accessibility features, found in a place's accessibility text. */
const FEATURES: Array<[RegExp, string]> = [
  [/wheelchair|step[- ]?free|level access|ramp|lift/i, 'step_free'],
  [/induction loop|hearing loop/i, 'hearing_loop'],
  [/\bbsl\b|sign language/i, 'bsl'],
  [/accessible (toilet|wc)|disabled (toilet|wc)/i, 'accessible_toilet'],
  [/parking/i, 'parking'],
];
function features(texts: Array<string | null>): string[] {
  const all = texts.filter(Boolean).join(' ');
  return FEATURES.filter(([re]) => re.test(all)).map(([, f]) => f);
}

function coordinates(lat: unknown, lng: unknown): { latitude: number | null; longitude: number | null } {
  const latitude = num(lat);
  const longitude = num(lng);
  // Outside the UK (or the standard's example 100, 101) is as good as none: the postcode is looked up instead.
  if (latitude === null || longitude === null || !isPlausiblyInUk(latitude, longitude))
    return { latitude: null, longitude: null };
  return { latitude, longitude };
}

function place(
  sourceId: string,
  name: string | null,
  description: string | null,
  address: Obj | undefined,
  coords: { latitude: number | null; longitude: number | null },
  access: Array<string | null>,
): FeedLocation {
  const raw = text(address?.postal_code) ?? '';
  return {
    sourceId,
    name,
    description,
    address1: text(address?.address_1) ?? '',
    address2: text(address?.address_2),
    city: text(address?.city) ?? text(address?.region) ?? '',
    postcode: normalisePostcode(raw) ?? raw,
    ...coords,
    accessibility: features(access),
  };
}

function cost(fees: string | null, options: Obj[]): { isFree: boolean; costDescription: string | null } {
  const priced = options.filter((o) => (num(o.amount) ?? 0) > 0);
  const said = options
    .map((o) => {
      const amount = num(o.amount);
      const parts = [
        amount !== null && amount > 0 ? `£${amount}` : null,
        text(o.amount_description),
        text(o.option) ? `(${text(o.option)})` : null,
      ];
      return parts.filter(Boolean).join(' ');
    })
    .filter(Boolean);
  const free = priced.length === 0 && (!fees || /\bfree\b|no charge|no cost/i.test(fees));
  return { isFree: free, costDescription: free ? null : [fees, ...said].filter(Boolean).join('; ') || 'Ask the service' };
}

function deliveryModes(locations: FeedLocation[], texts: Array<string | null>): FeedService['deliveryModes'] {
  const all = texts.filter(Boolean).join(' ');
  const modes = new Set<FeedService['deliveryModes'][number]>();
  if (locations.length || /in[- ]person|face to face/i.test(all)) modes.add('in_person');
  if (/online|video|remote|virtual|zoom|teams/i.test(all)) modes.add('online');
  if (/phone|telephone/i.test(all)) modes.add('phone');
  return [...modes];
}

function schedulesOf(list: Obj[], today: string, warnings: string[]): ScheduleSnapshot[] {
  const out: ScheduleSnapshot[] = [];
  for (const s of list) {
    const m = mapSchedule(s as OrukSchedule, today);
    if (m.ok) out.push(m.schedule);
    else warnings.push(`Left out ${m.reason}`);
  }
  return out;
}

function firstPhone(service: Obj): string | null {
  for (const p of arr(service.phones)) if (text(p.number)) return text(p.number);
  for (const c of arr(service.contacts)) for (const p of arr(c.phones)) if (text(p.number)) return text(p.number);
  return null;
}

function organisation(o: Obj, websiteKey: 'website' | 'url'): FeedOrganisation {
  let charityNumber: string | null = null;
  let companyNumber: string | null = null;
  for (const i of arr(o.organization_identifiers)) {
    const scheme = (text(i.identifier_scheme) ?? '').toUpperCase();
    if (scheme.startsWith('GB-CHC') || scheme.startsWith('GB-SC') || scheme.startsWith('GB-NIC'))
      charityNumber ??= text(i.identifier);
    if (scheme === 'GB-COH') companyNumber ??= text(i.identifier);
  }
  return {
    sourceId: id(o.id),
    name: text(o.name) ?? '',
    description: text(o.description) ?? '',
    email: text(o.email),
    website: text(o[websiteKey]) ?? text(o.uri),
    phone: firstPhone(o),
    charityNumber,
    companyNumber,
  };
}

const term = (vocabulary: unknown, code: unknown, label: unknown): FeedTerm | null => {
  const l = text(label) ?? text(code);
  const c = text(code) ?? l;
  return c && l ? { vocabulary: text(vocabulary) ?? '', code: c, label: l } : null;
};

function mapV3(s: Obj, today: string): FeedService {
  const warnings: string[] = [];
  const locations: FeedLocation[] = [];
  for (const sal of arr(s.service_at_locations)) {
    const l = isObj(sal.location) ? sal.location : null;
    if (!l) continue;
    if (text(l.location_type) === 'virtual') continue;
    const addresses = arr(l.addresses);
    const address = addresses.find((a) => text(a.address_type) === 'physical') ?? addresses[0];
    locations.push(
      place(id(l.id), text(l.name), text(l.description), address, coordinates(l.latitude, l.longitude), [
        ...arr(l.accessibility).flatMap((a) => [text(a.description), text(a.details), text(a.accessibility)]),
      ]),
    );
  }
  const schedules = schedulesOf(arr(s.schedules), today, warnings);
  const fees = text(s.fees);
  const terms = [...arr(s.attributes), ...arr(s.taxonomy_terms).map((t) => ({ taxonomy_term: t }))]
    .map((a) => (isObj(a.taxonomy_term) ? a.taxonomy_term : null))
    .filter((t): t is Obj => t !== null)
    .map((t) =>
      term(
        t.taxonomy ?? (isObj(t.taxonomy_detail) ? t.taxonomy_detail.name : null) ?? t.taxonomy_id,
        t.code ?? t.name,
        t.name ?? t.term,
      ),
    )
    .filter((t): t is FeedTerm => t !== null);
  const contact = arr(s.contacts)[0];
  return {
    sourceId: id(s.id),
    name: text(s.name) ?? '',
    description: text(s.description) ?? '',
    url: text(s.url),
    email: text(s.email),
    phone: firstPhone(s),
    contactName: text(contact?.name),
    status: STATUS[(text(s.status) ?? 'active').toLowerCase()] ?? 'active',
    minimumAge: int(s.minimum_age),
    maximumAge: int(s.maximum_age),
    eligibility: null,
    ...cost(fees, arr(s.cost_options)),
    languages: arr(s.languages)
      .map((l) => text(l.name) ?? text(l.code))
      .filter((l): l is string => l !== null),
    deliveryModes: deliveryModes(
      locations,
      arr(s.schedules).map((x) => text(x.attending_type)),
    ),
    alert: text(s.alert),
    assuredDate: date(s.assured_date),
    assurerEmail: text(s.assurer_email),
    organisation: organisation(isObj(s.organization) ? s.organization : {}, 'website'),
    locations,
    schedules,
    terms,
    warnings,
  };
}

function mapV1(s: Obj, today: string): FeedService {
  const warnings: string[] = [];
  const locations: FeedLocation[] = [];
  for (const sal of arr(s.service_at_locations)) {
    const l = isObj(sal.location) ? sal.location : null;
    if (!l) continue;
    const address = arr(l.physical_addresses)[0];
    locations.push(
      place(id(l.id), text(l.name), text(l.description), address, coordinates(l.latitude, l.longitude), [
        ...arr(l.accessibility_for_disabilities).map((a) => text(a.accessibility)),
      ]),
    );
  }
  const schedules = schedulesOf(arr(s.regular_schedules), today, warnings);
  if (arr(s.holiday_schedules).length)
    warnings.push('Left out holiday schedules (closures): our schedules hold opening times only');
  const eligibility = arr(s.eligibilitys);
  const ages = eligibility.map((e) => ({ min: int(e.minimum_age), max: int(e.maximum_age) }));
  const terms = arr(s.service_taxonomys)
    .map((st) => (isObj(st.taxonomy) ? st.taxonomy : null))
    .filter((t): t is Obj => t !== null)
    .map((t) => term(t.vocabulary, t.name, t.name))
    .filter((t): t is FeedTerm => t !== null);
  const contact = arr(s.contacts)[0];
  return {
    sourceId: id(s.id),
    name: text(s.name) ?? '',
    description: text(s.description) ?? '',
    url: text(s.url),
    email: text(s.email),
    phone: firstPhone(s),
    contactName: text(contact?.name),
    status: STATUS[(text(s.status) ?? 'active').toLowerCase()] ?? 'active',
    minimumAge: ages.map((a) => a.min).find((a) => a !== null) ?? null,
    maximumAge: ages.map((a) => a.max).find((a) => a !== null) ?? null,
    eligibility:
      eligibility
        .map((e) => text(e.eligibility))
        .filter(Boolean)
        .join('; ') || null,
    ...cost(text(s.fees), arr(s.cost_options)),
    languages: arr(s.languages)
      .map((l) => text(l.language))
      .filter((l): l is string => l !== null),
    deliveryModes: deliveryModes(locations, [text(s.deliverable_type), text(s.attending_type), text(s.attending_access)]),
    alert: null,
    assuredDate: date(s.assured_date),
    assurerEmail: null,
    organisation: organisation(isObj(s.organization) ? s.organization : {}, 'url'),
    locations,
    schedules,
    terms,
    warnings,
  };
}

/** `today` ("YYYY-MM-DD", London) is the day offsets in opening times are read on when a schedule has no date. */
export function mapService(version: OrukVersion, value: unknown, today: string): FeedService {
  const s = isObj(value) ? value : {};
  return version === 'v1' ? mapV1(s, today) : mapV3(s, today);
}
