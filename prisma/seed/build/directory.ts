import { WEEKDAY_NAMES } from '../../../lib/directory/days';
import type { Prisma } from '../../../lib/db/generated/client';
import { wards, type WardDef } from '../data/geography';
import { organisations, placeOrgKinds, type OrgDef } from '../data/organisations';
import { extraSentences, templateByKey, type Template } from '../data/templates';
import { problemReports } from '../data/texts';
import type { Geography, Venue } from './geography';
import type { Staff, StaffUser } from './staff';
import { type Clock, Rng, fill, sid, slug, workHours, type DayCode } from '../util';

export interface ServiceInfo {
  id: string;
  orgKey: string;
  orgId: string;
  name: string;
  template: Template;
  themeIds: string[];
  venue: Venue | null;
  usable: boolean;
  capacityStatus: 'open' | 'waiting_list' | 'full';
}

export interface Directory {
  organisations: Prisma.OrganisationCreateManyInput[];
  members: Prisma.OrganisationMemberCreateManyInput[];
  locations: Prisma.LocationCreateManyInput[];
  services: Prisma.ServiceCreateManyInput[];
  serviceAtLocations: Prisma.ServiceAtLocationCreateManyInput[];
  schedules: Prisma.ScheduleCreateManyInput[];
  serviceTaxonomy: Prisma.ServiceTaxonomyCreateManyInput[];
  versions: Prisma.ServiceVersionCreateManyInput[];
  changeRequests: Prisma.ListingChangeRequestCreateManyInput[];
  serviceInfo: ServiceInfo[];
  orgIdByKey: Map<string, string>;
}

interface OrgPlan extends OrgDef {
  ward?: WardDef;
}

const WEEKDAYS: DayCode[] = ['MO', 'TU', 'WE', 'TH', 'FR'];

const ORG_LANGUAGES: Record<string, string[]> = {
  polish: ['Polish', 'English'],
  nepali: ['Nepali', 'English'],
  chinese: ['Cantonese', 'Mandarin', 'English'],
  ukrainian: ['Ukrainian', 'Russian', 'English'],
  gurdwara: ['Punjabi', 'English'],
  mosque: ['Urdu', 'Arabic', 'English'],
  mandir: ['Gujarati', 'Hindi', 'English'],
  'deaf-club': ['British Sign Language', 'English'],
  caribbean: ['English'],
};

const ALERTS = [
  'No session on bank holidays.',
  'Meeting at the library while the hall is being refurbished.',
  'New members welcome from September.',
  'Please book your first session by phone.',
];
const CLOSED_ALERTS = [
  'Closed until further notice while the hall roof is repaired.',
  'Paused over the summer; back in September.',
  'Closed while we recruit a new group leader.',
];

export function buildDirectory(geo: Geography, themeIdByCode: Map<string, string>, staff: Staff, clock: Clock): Directory {
  const rng = new Rng('directory');

  // ---------- organisations ----------
  const plans: OrgPlan[] = [...organisations];
  for (const ward of wards) {
    const wr = new Rng(`place-orgs:${ward.name}`);
    const damp = ward.name === 'Redlands' ? 0.35 : ward.name === 'Kingsmead' ? 0.7 : 1;
    for (const kind of placeOrgKinds) {
      const p = kind.p === 1 ? 1 : kind.p * damp;
      if (!wr.chance(p)) continue;
      const take = wr.int(kind.take[0], kind.take[1]) - (ward.name === 'Redlands' && kind.p === 1 ? 1 : 0);
      const home =
        kind.home === 'cc' ? `cc:${ward.name}` : kind.home === 'church' ? `church:${ward.name}` : `${kind.home}:${ward.name}`;
      plans.push({
        key: `place:${kind.key}:${ward.name}`,
        name: fill(kind.name, { ward: ward.name, saint: ward.saint }),
        kind: kind.kind,
        description: fill(kind.description, { ward: ward.name }),
        home,
        services: wr.sample(kind.pool, Math.max(1, take)).map((t) => `${t}@${ward.name}`),
        ward,
      });
    }
  }

  const orgIdByKey = new Map<string, string>();
  const orgRows: Prisma.OrganisationCreateManyInput[] = [];
  const members: Prisma.OrganisationMemberCreateManyInput[] = [];
  const coordinator = staff.demo.coordinator;
  let charityN = 0;
  for (const plan of plans) {
    const r = new Rng(`org:${plan.key}`);
    const id = sid('organisation', plan.key);
    orgIdByKey.set(plan.key, id);
    const orgSlug = slug(plan.name);
    const created = plan.pending ? -r.int(2, 20) : -r.int(200, 2400);
    const verified = !plan.pending && r.chance(plan.kind === 'council' || plan.kind === 'nhs' ? 1 : 0.62);
    const isCharity = plan.kind === 'charity' || plan.kind === 'faith' || (plan.kind === 'trust' && true);
    const bigger = !plan.key.startsWith('place:') || plan.kind === 'charity';
    const phone =
      plan.kind === 'council'
        ? `01632 960${String(r.int(100, 999))}`
        : r.chance(0.5)
          ? `0118 496 0${String(r.int(100, 999))}`
          : `07700 900${String(r.int(100, 999))}`;
    orgRows.push({
      id,
      name: plan.name,
      description: plan.description,
      charityNumber: isCharity && r.chance(0.8) ? `1999${String(100 + charityN++).padStart(3, '0')}` : null,
      companyNumber:
        plan.kind === 'cic' || plan.kind === 'housing' || plan.kind === 'trust' ? `99${String(r.int(100000, 999999))}` : null,
      website: bigger && r.chance(0.85) ? `https://${orgSlug}.example.org` : null,
      email: r.chance(0.9) ? `hello@${orgSlug}.example.org` : null,
      phone,
      status: plan.pending ? 'pending' : 'approved',
      verified,
      verifiedAt: verified ? clock.at(created + r.int(3, 60) + workHours(r)) : null,
      verifiedById: verified ? coordinator.id : null,
      createdAt: clock.at(created + workHours(r)),
      updatedAt: clock.at(Math.min(-1, created + r.int(1, 400)) + workHours(r)),
    });
    for (const u of staff.providersByOrg.get(plan.key) ?? []) {
      members.push({
        organisationId: id,
        userId: u.id,
        role: staff.providersByOrg.get(plan.key)![0] === u ? 'owner' : 'member',
        createdAt: clock.at(created + 1 + workHours(r)),
      });
    }
  }
  for (const [orgKey] of staff.providersByOrg) {
    if (!orgIdByKey.has(orgKey)) throw new Error(`provider organisation ${orgKey} is not seeded`);
  }

  // ---------- services ----------
  const services: Prisma.ServiceCreateManyInput[] = [];
  const sals: Prisma.ServiceAtLocationCreateManyInput[] = [];
  const schedules: Prisma.ScheduleCreateManyInput[] = [];
  const serviceTaxonomy: Prisma.ServiceTaxonomyCreateManyInput[] = [];
  const serviceInfo: ServiceInfo[] = [];
  const usedNames = new Set<string>();
  const wardCycle = spreadWards();
  let spreadIndex = 0;

  for (const plan of plans) {
    const orgId = orgIdByKey.get(plan.key)!;
    const org = orgRows.find((o) => o.id === orgId)!;
    const home = geo.venue(plan.home);
    const instances: { t: Template; ward: WardDef | null; name?: string; multi: boolean }[] = [];
    for (const spec of plan.services) {
      const [head, at] = spec.split('@');
      const [keyCount, name] = head.split(':');
      const [key, countText] = keyCount.split('*');
      const t = templateByKey.get(key);
      if (!t) throw new Error(`unknown template ${key}`);
      if (at) {
        const places = at.split('|');
        for (const w of places) instances.push({ t, ward: geo.wardByName(w), name, multi: places.length > 1 });
      } else if (countText) {
        for (let i = 0; i < Number(countText); i++)
          instances.push({ t, ward: wardCycle[spreadIndex++ % wardCycle.length], name, multi: true });
      } else {
        instances.push({ t, ward: null, name, multi: false });
      }
    }

    instances.forEach((inst, index) => {
      const key = `${plan.key}:${index}`;
      const r = new Rng(`service:${key}`);
      const t = inst.t;
      const ward = inst.ward ?? plan.ward ?? home.ward;
      // Where it happens.
      let venue: Venue | null;
      if (t.remote && !inst.ward) venue = null;
      else if (!inst.ward || inst.ward === home.ward) venue = home;
      else venue = pickVenue(geo, t, inst.ward, plan, r);
      const place = ward.name;
      const values = { place, venue: venue?.name ?? plan.name, org: plan.name };
      // Name: a template name, with the place when the organisation runs it in several places.
      let name: string;
      if (inst.name) name = inst.name;
      else {
        const withPlace = t.names.filter((n) => n.includes('{place}'));
        const pool = inst.multi && withPlace.length > 0 ? withPlace : t.names;
        name = fill(r.pick(pool), values);
      }
      if (usedNames.has(name.toLowerCase())) {
        // "Fernhill Knit and Natter" reads naturally; "Walking Through Grief, Oakridge" does not take a prefix.
        const groupLike =
          /(Group|Club|Caf\u00e9|Walk|Walkers|Shed|Choir|Singers|Natter|Chat|Pantry|Fridge|Social|Session|Surgery|Drop-in|Circle|Bowls|Football|Yoga|Tai Chi|Class|Hub|Larder)$/.test(
            name,
          );
        const prefixed = name.includes(place)
          ? `${name} (${venue?.name ?? plan.name})`
          : groupLike && !/^The |^[\w\u2019']+ at /.test(name) && t.when !== 'once'
            ? `${place} ${name}`
            : `${name}, ${place}`;
        name = usedNames.has(prefixed.toLowerCase()) ? `${name} at ${venue?.name ?? plan.name}` : prefixed;
        let k = 2;
        while (usedNames.has(name.toLowerCase())) name = `${name.replace(/ \d+$/, '')} ${k++}`;
      }
      usedNames.add(name.toLowerCase());

      let description = fill(r.pick(t.descriptions), values);
      if (r.chance(0.55)) description += ` ${r.pick(extraSentences)}`;

      const created = Math.max(-2300, (org.createdAt ? dayOf(clock, org.createdAt as Date) : -800) + r.int(0, 300));
      const pending = plan.pending || services.length % 97 === 50;
      const createdDay = pending ? -r.int(1, 12) : Math.min(created, -30);

      // Freshness: most checked in the last six months, some six to twelve, a few older, a handful never.
      const fresh = r.next();
      let assuredDay: number | null;
      if (pending) assuredDay = null;
      else if (fresh < 0.775) assuredDay = -r.int(0, 178);
      else if (fresh < 0.925) assuredDay = -r.int(185, 362);
      else if (fresh < 0.99) assuredDay = -r.int(368, 640);
      else assuredDay = null;
      if (assuredDay !== null && assuredDay < createdDay) assuredDay = createdDay + r.int(0, 5);
      const providers = staff.providersByOrg.get(plan.key) ?? [];
      const assurer: StaffUser | null =
        assuredDay === null ? null : providers.length > 0 && r.chance(0.7) ? r.pick(providers) : r.pick(staff.coordinators);

      // Status and capacity.
      const s = r.next();
      const status = pending
        ? 'active'
        : s < 0.925
          ? 'active'
          : s < 0.955
            ? 'temporarily_closed'
            : s < 0.985
              ? 'inactive'
              : 'defunct';
      const c = r.next();
      let capacityStatus: 'open' | 'waiting_list' | 'full' = 'open';
      let capacitySpaces: number | null = null;
      if (t.capacity === 'waitlist') {
        capacityStatus = c < 0.5 ? 'waiting_list' : c < 0.62 ? 'full' : 'open';
      } else if (t.capacity === 'busy') {
        capacityStatus = c < 0.2 ? 'waiting_list' : c < 0.3 ? 'full' : 'open';
        if (capacityStatus === 'open' && r.chance(0.5)) capacitySpaces = r.int(1, 6);
      } else {
        capacityStatus = c < 0.05 ? 'waiting_list' : c < 0.08 ? 'full' : 'open';
        if (capacityStatus === 'open' && r.chance(0.14)) capacitySpaces = r.int(1, 12);
      }

      const costText = r.pick(t.cost);
      const isFree = costText === '' || costText.startsWith('free:');
      const costDescription =
        costText === '' ? (r.chance(0.5) ? 'Free' : null) : costText.startsWith('free:') ? costText.slice(5) : costText;
      const languages = ORG_LANGUAGES[plan.key] ?? t.languages ?? ['English'];
      const delivery = new Set(t.delivery ?? ['in_person']);
      if (venue === null) delivery.delete('in_person');
      if (delivery.size === 0) delivery.add('phone');
      if (delivery.has('in_person') && r.chance(0.04)) delivery.add('online');
      const id = sid('service', key);
      const contact = r.chance(0.6)
        ? r.pick([
            'Jan',
            'Pat',
            'Sue',
            'Dave',
            'Mo',
            'Linda',
            'Kev',
            'Amrit',
            'Bev',
            'Ros',
            'Gill',
            'Tony',
            'Hannah',
            'Priti',
            'Ade',
          ])
        : null;
      // The "Is this still right?" e-mail goes every 28 days once a listing is six months unchecked:
      // most such listings have had their latest; about one in five is due one (the daily job sends
      // it). A generator of its own, so the rest of the borough is as it was.
      const remindedDay = (() => {
        const fromDay = (assuredDay ?? createdDay) + 183;
        if (pending || fromDay > 0 || (status !== 'active' && status !== 'temporarily_closed')) return null;
        if (!org.email && providers.length === 0) return null;
        const latest = fromDay + 28 * Math.floor(-fromDay / 28);
        if (new Rng(`reminder:${key}`).chance(0.8)) return latest;
        return latest - 28 >= fromDay ? latest - 28 : null;
      })();
      const row: Prisma.ServiceCreateManyInput = {
        id,
        organisationId: orgId,
        name,
        description,
        url: org.website && r.chance(0.5) ? `${org.website}/${slug(name)}` : null,
        email: org.email ?? null,
        phone: r.chance(0.2) ? `07700 900${String(r.int(100, 999))}` : (org.phone ?? null),
        contactName: contact,
        status,
        published: !pending,
        minimumAge: t.ages?.[0] ?? null,
        maximumAge: t.ages?.[1] ?? null,
        eligibility: t.eligibility ? r.pick(t.eligibility) : null,
        isFree,
        costDescription,
        languages,
        deliveryModes: [...delivery] as Prisma.ServiceCreateManyInput['deliveryModes'],
        accessMethods: t.access,
        capacityStatus,
        capacitySpaces,
        alert: status === 'temporarily_closed' ? r.pick(CLOSED_ALERTS) : r.chance(0.04) ? r.pick(ALERTS) : null,
        assuredAt: assuredDay === null ? null : clock.at(Math.min(assuredDay + workHours(r), assuredDay === 0 ? clock.nowT : 99)),
        assuredById: assurer?.id ?? null,
        assurerEmail: assurer?.email ?? null,
        checkRemindedAt:
          remindedDay === null ? null : clock.at(Math.min(remindedDay + 9 / 24, remindedDay === 0 ? clock.nowT : 99)),
        version: 1,
        createdAt: clock.at(createdDay + workHours(r)),
        updatedAt: clock.at(Math.max(createdDay, assuredDay ?? createdDay) + (assuredDay === 0 ? 0 : workHours(r))),
      };
      if ((row.updatedAt as Date) > clock.anchor) row.updatedAt = clock.anchor;
      if ((row.assuredAt as Date | null) && (row.assuredAt as Date) > clock.anchor) row.assuredAt = clock.anchor;
      services.push(row);

      let salId: string | null = null;
      if (venue) {
        salId = sid('service-at-location', key);
        sals.push({ id: salId, serviceId: id, locationId: venue.id });
      }
      for (const sch of buildSchedules(t, r, clock, createdDay)) {
        schedules.push({ ...sch, id: sid('schedule', `${key}:${schedules.length}`), serviceId: id, serviceAtLocationId: salId });
      }
      const themeIds = t.themes.map((code) => {
        const tid = themeIdByCode.get(code);
        if (!tid) throw new Error(`unknown theme ${code}`);
        return tid;
      });
      for (const termId of themeIds) serviceTaxonomy.push({ serviceId: id, termId });
      serviceInfo.push({
        id,
        orgKey: plan.key,
        orgId,
        name,
        template: t,
        themeIds,
        venue,
        usable: !pending && status === 'active',
        capacityStatus,
      });
    });
  }

  const locations: Prisma.LocationCreateManyInput[] = geo.venues().map((v) => ({
    id: v.id,
    name: v.name,
    address1: v.address1,
    city: 'Eastbrook',
    postcode: v.postcode.postcode,
    latitude: v.lat,
    longitude: v.lng,
    accessibility: v.accessibility,
    areaId: v.postcode.area.id,
  }));

  const { versions, changeRequests } = buildListingHistory(services, serviceInfo, staff, clock, rng);
  return {
    organisations: orgRows,
    members,
    locations,
    services,
    serviceAtLocations: sals,
    schedules,
    serviceTaxonomy,
    versions,
    changeRequests,
    serviceInfo,
    orgIdByKey,
  };
}

function dayOf(clock: Clock, d: Date): number {
  return Math.floor((d.getTime() - clock.at(0).getTime()) / 86_400_000);
}

/** Wards in the order multi-place services are spread over, busier and central wards more often. */
function spreadWards(): WardDef[] {
  const order = [
    'Eastbrook Central',
    'Fernhill',
    'Priory Fields',
    'Heathfield',
    'Larkswood',
    'Willowbank',
    'Oakridge',
    'Stonecross',
    'Kingsmead',
    'Hollybush',
    'Eastbrook Central',
    'Moorcroft',
    'Elmstead',
    'Northwood End',
    'Ashcombe',
    'Carrow Vale',
    'Fernhill',
    'Redlands',
  ];
  return order.map((n) => wards.find((w) => w.name === n)!);
}

function pickVenue(geo: Geography, t: Template, ward: WardDef, plan: OrgPlan, r: Rng): Venue {
  const inWard = (kind: string) => geo.venues().filter((v) => v.ward === ward && v.kind === kind);
  if (t.key === 'swim') {
    const pool = geo.venues().filter((v) => v.kind === 'leisure' && v.ward === ward);
    if (pool.length) return pool[0];
  }
  if (plan.key === 'libraries' || t.key === 'rhyme_time' || t.key === 'reading_group' || t.key === 'homework_club') {
    const lib = [
      'central-library',
      'kingsmead-library',
      'priory-library',
      'heathfield-library',
      'oakridge-library',
      'larkswood-library',
    ]
      .map((k) => geo.venue(k))
      .find((v) => v.ward === ward);
    if (lib) return lib;
  }
  if (t.key === 'health_walk' || t.key === 'green_gym') {
    if (ward.name === 'Willowbank') return geo.venue('willowbank-lakes');
    if (ward.name === 'Priory Fields') return geo.venue('priory-pavilion');
    return geo.venue(`park:${ward.name}`);
  }
  if (plan.key === 'family-hubs' && (ward.name === 'Kingsmead' || ward.name === 'Redlands')) {
    return geo.venue(ward.name === 'Kingsmead' ? 'kingsmead-hub' : 'redlands-hub');
  }
  const existing = [...inWard('library'), ...inWard('hall'), ...inWard('church'), ...inWard('community_centre')];
  if (existing.length > 0 && r.chance(0.5)) return r.pick(existing);
  return geo.venue(r.chance(0.6) ? `cc:${ward.name}` : `church:${ward.name}`);
}

type ScheduleRow = Omit<Prisma.ScheduleCreateManyInput, 'id' | 'serviceId'>;

function buildSchedules(t: Template, r: Rng, clock: Clock, createdDay: number): ScheduleRow[] {
  const [opensAt, closesAt] = r.pick(t.times);
  const dayPool: DayCode[] = t.days ?? (t.weekendOk && r.chance(0.3) ? ['SA', 'SU'] : WEEKDAYS);
  const alignTo = (from: number, day: DayCode) => {
    let d = from;
    while (clock.dayCode(d) !== day) d += 1;
    return d;
  };
  const base = (
    freq: 'WEEKLY' | 'MONTHLY' | 'ONCE',
    interval: number,
    byDay: string[],
    startDay: number,
    extra: Partial<ScheduleRow> = {},
  ): ScheduleRow => {
    const rule =
      freq === 'ONCE'
        ? null
        : extra.byMonthDay
          ? `FREQ=MONTHLY;INTERVAL=${interval};BYMONTHDAY=${extra.byMonthDay}`
          : `FREQ=${freq};INTERVAL=${interval};BYDAY=${byDay.join(',')}`;
    return {
      freq,
      interval,
      byDay,
      rrule: rule,
      timezone: 'Europe/London',
      dtstart: clock.date(startDay),
      validFrom: clock.date(startDay),
      validTo: null,
      opensAt,
      closesAt,
      ...extra,
    };
  };
  const start = createdDay;
  let when = t.when;
  if (when === 'monthly') {
    const v = r.next();
    if (v < 0.12) when = 'monthly_last';
    else if (v < 0.2) when = 'monthly_date';
  }
  switch (when) {
    case 'weekly': {
      const day = r.pick(dayPool);
      return [base('WEEKLY', 1, [day], alignTo(start, day))];
    }
    case 'twice_weekly': {
      const [d1, d2] = r
        .sample(dayPool.length >= 2 ? dayPool : WEEKDAYS, 2)
        .sort((a, b) => WEEKDAYS.indexOf(a) - WEEKDAYS.indexOf(b));
      if (r.chance(0.5)) return [base('WEEKLY', 1, [d1, d2], alignTo(start, d1))];
      const other = r.pick(t.times);
      return [
        base('WEEKLY', 1, [d1], alignTo(start, d1)),
        { ...base('WEEKLY', 1, [d2], alignTo(start, d2)), opensAt: other[0], closesAt: other[1] },
      ];
    }
    case 'fortnightly': {
      const day = r.pick(dayPool);
      return [base('WEEKLY', 2, [day], alignTo(start, day))];
    }
    case 'monthly': {
      const day = r.pick(dayPool);
      const nth = r.int(1, 4);
      return [base('MONTHLY', 1, [`${nth}${day}`], start)];
    }
    case 'monthly_last': {
      const day = r.pick(dayPool);
      return [base('MONTHLY', 1, [`-1${day}`], start, { description: `Last ${WEEKDAY_NAMES[day]} of the month` })];
    }
    case 'monthly_date': {
      const dom = r.pick([1, 5, 10, 15, 20]);
      return [base('MONTHLY', 1, [], start, { byMonthDay: dom })];
    }
    case 'weekdays': {
      const days = r.chance(0.8) ? WEEKDAYS : r.sample(WEEKDAYS, 3).sort((a, b) => WEEKDAYS.indexOf(a) - WEEKDAYS.indexOf(b));
      return [base('WEEKLY', 1, days, start)];
    }
    case 'course': {
      const day = r.pick(dayPool);
      const first = alignTo(r.int(-28, 35), day);
      return [
        base('WEEKLY', 1, [day], first, {
          validTo: clock.date(first + 35),
          description: 'Six-week course',
          notes: r.chance(0.5) ? 'Please book: places are limited.' : null,
        }),
      ];
    }
    case 'once': {
      const d = r.chance(0.8) ? r.int(3, 75) : -r.int(5, 60);
      return [base('ONCE', 1, [], d, { validTo: clock.date(d), dtstart: clock.date(d) })];
    }
  }
  throw new Error(`unknown schedule ${when}`);
}

function snapshot(s: Prisma.ServiceCreateManyInput) {
  return {
    name: s.name,
    description: s.description,
    costDescription: s.costDescription ?? null,
    isFree: s.isFree ?? false,
    capacityStatus: s.capacityStatus ?? 'open',
    capacitySpaces: s.capacitySpaces ?? null,
    status: s.status ?? 'active',
    minimumAge: s.minimumAge ?? null,
    maximumAge: s.maximumAge ?? null,
  };
}

function buildListingHistory(
  services: Prisma.ServiceCreateManyInput[],
  info: ServiceInfo[],
  staff: Staff,
  clock: Clock,
  rng: Rng,
) {
  const versions: Prisma.ServiceVersionCreateManyInput[] = [];
  const changeRequests: Prisma.ListingChangeRequestCreateManyInput[] = [];
  const coordinators = staff.coordinators;
  const editorFor = (i: number, r: Rng) => {
    const p = staff.providersByOrg.get(info[i].orgKey) ?? [];
    return p.length > 0 ? r.pick(p) : r.pick(coordinators);
  };

  // Versions for about one listing in six: earlier snapshots differ in cost or capacity.
  services.forEach((s, i) => {
    if (!s.published) return;
    const r = new Rng(`versions:${s.id}`);
    if (!r.chance(0.17)) return;
    const count = r.int(2, 4);
    const created = dayOf(clock, s.createdAt as Date);
    const span = Math.max(10, -created - 5);
    for (let n = 1; n <= count; n++) {
      const snap = snapshot(s);
      if (n < count) {
        if (r.chance(0.5)) snap.capacityStatus = r.pick(['open', 'waiting_list', 'full']);
        if (r.chance(0.4) && snap.costDescription)
          snap.costDescription = snap.costDescription.replace(/£(\d+)/, (_m, x) => `£${Math.max(1, Number(x) - 1)}`);
        if (r.chance(0.2)) snap.description = (snap.description ?? '').split('. ').slice(0, -1).join('. ') + '.';
      }
      const day = n === 1 ? created : created + Math.floor((span * (n - 1)) / count);
      versions.push({
        id: sid('service-version', `${s.id}:${n}`),
        serviceId: s.id!,
        number: n,
        snapshot: { ...snap, version: n },
        createdById: editorFor(i, r).id,
        createdAt: clock.at(Math.min(day, -1) + workHours(r)),
      });
    }
    s.version = count;
  });

  // Moderation queue: new listings, changes to name or description, problem reports.
  let n = 0;
  const add = (row: Omit<Prisma.ListingChangeRequestCreateManyInput, 'id'>) =>
    changeRequests.push({ ...row, id: sid('change-request', n++) });
  services.forEach((s, i) => {
    if (s.published) return;
    const r = new Rng(`new-listing:${s.id}`);
    const day = dayOf(clock, s.createdAt as Date);
    add({
      kind: 'new_listing',
      serviceId: s.id,
      organisationId: info[i].orgId,
      previous: {},
      proposed: snapshot(s),
      message: 'We are a new group and would like to be listed. Thank you!',
      submittedById: (staff.providersByOrg.get(info[i].orgKey) ?? [])[0]?.id ?? null,
      status: 'pending',
      createdAt: clock.at(day + workHours(r)),
    });
  });
  const published = services.map((s, i) => ({ s, i })).filter(({ s }) => s.published && s.status === 'active');
  const withProvider = published.filter(({ i }) => (staff.providersByOrg.get(info[i].orgKey) ?? []).length > 0);
  const demoOrgServices = withProvider.filter(({ i }) => info[i].orgKey === 'age-well');
  const pendingChanges = [
    demoOrgServices[0],
    ...rng.sample(
      withProvider.filter((x) => x !== demoOrgServices[0]),
      5,
    ),
  ];
  pendingChanges.forEach(({ s, i }, k) => {
    const r = new Rng(`change:${s.id}`);
    const renamed = k % 3 === 1;
    const proposedDescription = `${s.description} From next month we are also meeting on the first Saturday of each month.`;
    add({
      kind: 'change',
      serviceId: s.id,
      organisationId: info[i].orgId,
      previous: renamed ? { name: s.name } : { description: s.description },
      proposed: renamed ? { name: `${s.name} and Friends` } : { description: proposedDescription },
      message: renamed ? 'We have changed our name.' : 'Updated description.',
      submittedById: editorFor(i, r).id,
      status: 'pending',
      createdAt: clock.at(-r.int(0, 9) + workHours(r, 9, 12)),
    });
  });
  rng.sample(published, 6).forEach(({ s, i }, k) => {
    const r = new Rng(`problem:${s.id}`);
    add({
      kind: 'problem_report',
      serviceId: s.id,
      organisationId: info[i].orgId,
      previous: {},
      proposed: {},
      message: problemReports[k % problemReports.length],
      reporterEmail: r.chance(0.5) ? `resident${k + 1}@example.com` : null,
      status: 'pending',
      createdAt: clock.at(-r.int(0, 20) + workHours(r, 8, 12)),
    });
  });
  // Earlier decisions.
  rng.sample(published, 28).forEach(({ s, i }, k) => {
    const r = new Rng(`old-change:${s.id}`);
    const day = -r.int(20, 400);
    const kind = k % 4 === 3 ? 'problem_report' : 'change';
    const status = kind === 'problem_report' ? 'closed' : k % 5 === 0 ? 'sent_back' : 'approved';
    add({
      kind,
      serviceId: s.id,
      organisationId: info[i].orgId,
      previous: kind === 'change' ? { description: s.description } : {},
      proposed: kind === 'change' ? { description: `${s.description} ` } : {},
      message: kind === 'problem_report' ? r.pick(problemReports) : 'Small update to our description.',
      submittedById: kind === 'change' ? editorFor(i, r).id : null,
      status,
      reviewedById: r.pick(coordinators).id,
      reviewedAt: clock.at(day + r.int(1, 6) + workHours(r)),
      reviewNote:
        status === 'sent_back'
          ? 'Please say who the group is for and how to join.'
          : status === 'closed'
            ? 'Checked with the group and updated the listing.'
            : null,
      createdAt: clock.at(day + workHours(r)),
    });
  });
  return { versions, changeRequests };
}
