import type { Prisma } from '../../../lib/db/generated/client';
import { namedVenues, pcns, UNIT_LETTERS, wards, type VenueDef, type WardDef } from '../data/geography';
import { Rng, sid } from '../util';

export interface AreaInfo {
  id: string;
  code: string;
  ward: WardDef;
  wardId: string;
  pcnId: string;
  population: number;
  imdDecile: number;
  lat: number;
  lng: number;
  postcodes: PostcodeInfo[];
}

export interface PostcodeInfo {
  postcode: string;
  district: string;
  lat: number;
  lng: number;
  area: AreaInfo;
}

export interface Venue {
  id: string;
  key: string;
  name: string;
  kind: VenueDef['kind'];
  ward: WardDef;
  address1: string;
  postcode: PostcodeInfo;
  lat: number;
  lng: number;
  accessibility: string[];
}

export interface Geography {
  wards: Prisma.WardCreateManyInput[];
  pcns: Prisma.PcnCreateManyInput[];
  practices: Prisma.GpPracticeCreateManyInput[];
  areas: Prisma.AreaCreateManyInput[];
  postcodes: Prisma.PostcodeCreateManyInput[];
  areaInfo: AreaInfo[];
  postcodeInfo: PostcodeInfo[];
  practiceIdsByPcn: Map<string, string[]>;
  practiceNameById: Map<string, string>;
  wardIdByName: Map<string, string>;
  /** Venues are built lazily so organisations can ask for their own premises. */
  venue(key: string): Venue;
  venues(): Venue[];
  wardByName(name: string): WardDef;
}

/** A practice's shared mailbox, in the demo's made-up NHS domain. */
const practiceEmail = (code: string) => `gp.${code.toLowerCase()}@nhs-eastbrook.example.org`;

const LAT_PER_M = 1 / 111_200;
const LNG_PER_M = 1 / 69_400;

export function buildGeography(): Geography {
  const rng = new Rng('geography');
  const pcnIdByCode = new Map(pcns.map((p) => [p.code, sid('pcn', p.code)]));
  const wardRows: Prisma.WardCreateManyInput[] = wards.map((w) => ({ id: sid('ward', w.code), code: w.code, name: w.name }));
  const wardIdByName = new Map(wards.map((w) => [w.name, sid('ward', w.code)]));
  const pcnRows: Prisma.PcnCreateManyInput[] = pcns.map((p) => ({ id: pcnIdByCode.get(p.code)!, code: p.code, name: p.name }));
  const practices: Prisma.GpPracticeCreateManyInput[] = [];
  const practiceIdsByPcn = new Map<string, string[]>();
  const practiceNameById = new Map<string, string>();
  for (const p of pcns) {
    for (const pr of p.practices) {
      const id = sid('practice', pr.code);
      practices.push({ id, code: pr.code, name: pr.name, email: practiceEmail(pr.code), pcnId: pcnIdByCode.get(p.code)! });
      practiceIdsByPcn.set(pcnIdByCode.get(p.code)!, [...(practiceIdsByPcn.get(pcnIdByCode.get(p.code)!) ?? []), id]);
      practiceNameById.set(id, pr.name);
    }
  }

  // LSOAs: numbered across the borough like ONS names them ("Eastbrook 003B").
  const areaInfo: AreaInfo[] = [];
  const postcodeInfo: PostcodeInfo[] = [];
  const usedPostcodes = new Set<string>();
  const sectorByDistrict = new Map<string, number>();
  let lsoaNumber = 0;
  wards.forEach((ward, wi) => {
    ward.deciles.forEach((decile, li) => {
      lsoaNumber += 1;
      const code = `E0199${String(lsoaNumber).padStart(4, '0')}`;
      const angle = (2 * Math.PI * li) / ward.deciles.length + rng.float(-0.4, 0.4);
      const dist = rng.float(250, 900);
      const area: AreaInfo = {
        id: sid('area', code),
        code,
        ward,
        wardId: wardIdByName.get(ward.name)!,
        pcnId: pcnIdByCode.get(ward.pcn)!,
        population: rng.int(1250, 1850),
        imdDecile: decile,
        lat: ward.lat + Math.sin(angle) * dist * LAT_PER_M,
        lng: ward.lng + Math.cos(angle) * dist * LNG_PER_M,
        postcodes: [],
      };
      (area as AreaInfo & { name: string }).name = `Eastbrook ${String(wi + 1).padStart(3, '0')}${String.fromCharCode(65 + li)}`;
      areaInfo.push(area);
      // One postcode sector per LSOA within the district, 6 to 9 unit postcodes in it.
      const sector = sectorByDistrict.get(ward.district) ?? 1;
      sectorByDistrict.set(ward.district, sector + 1);
      const units = rng.int(6, 9);
      for (let u = 0; u < units; u++) {
        let pc: string;
        do {
          pc = `${ward.district} ${sector % 10}${rng.pick(UNIT_LETTERS.split(''))}${rng.pick(UNIT_LETTERS.split(''))}`;
        } while (usedPostcodes.has(pc));
        usedPostcodes.add(pc);
        const a = rng.float(0, 2 * Math.PI);
        const r = rng.float(30, 320);
        const info: PostcodeInfo = {
          postcode: pc,
          district: ward.district,
          lat: round6(area.lat + Math.sin(a) * r * LAT_PER_M),
          lng: round6(area.lng + Math.cos(a) * r * LNG_PER_M),
          area,
        };
        area.postcodes.push(info);
        postcodeInfo.push(info);
      }
    });
  });

  const areas: Prisma.AreaCreateManyInput[] = areaInfo.map((a) => ({
    id: a.id,
    code: a.code,
    name: (a as AreaInfo & { name: string }).name,
    wardId: a.wardId,
    pcnId: a.pcnId,
    population: a.population,
    imdDecile: a.imdDecile,
  }));
  const postcodes: Prisma.PostcodeCreateManyInput[] = postcodeInfo.map((p) => ({
    postcode: p.postcode,
    district: p.district,
    latitude: p.lat,
    longitude: p.lng,
    areaId: p.area.id,
  }));

  const wardByName = (name: string): WardDef => {
    const w = wards.find((x) => x.name === name);
    if (!w) throw new Error(`unknown ward ${name}`);
    return w;
  };

  const venueMap = new Map<string, Venue>();
  const namedByKey = new Map(namedVenues.map((v) => [v.key, v]));
  const makeVenue = (key: string, name: string, kind: VenueDef['kind'], ward: WardDef): Venue => {
    const r = new Rng(`venue:${key}`);
    const wardAreas = areaInfo.filter((a) => a.ward === ward);
    const area = r.pick(wardAreas);
    const pc = r.pick(area.postcodes);
    const number = r.int(1, 140);
    const street = r.pick(ward.streets);
    const access = new Set<string>();
    if (r.chance(kind === 'hall' || kind === 'church' ? 0.65 : 0.85)) access.add('step_free');
    if (r.chance(kind === 'library' || kind === 'hub' || kind === 'office' ? 0.9 : 0.45)) access.add('hearing_loop');
    if (r.chance(access.has('step_free') ? 0.75 : 0.2)) access.add('accessible_toilet');
    if (r.chance(kind === 'hall' || kind === 'leisure' || kind === 'park' || kind === 'faith' ? 0.85 : 0.45))
      access.add('parking');
    if (r.chance(kind === 'library' || kind === 'hub' ? 0.5 : 0.15)) access.add('quiet_space');
    if (r.chance(0.04)) access.add('bsl');
    const v: Venue = {
      id: sid('location', key),
      key,
      name,
      kind,
      ward,
      address1: kind === 'park' || kind === 'garden' ? street : `${number} ${street}`,
      postcode: pc,
      lat: round6(pc.lat + r.float(-40, 40) * LAT_PER_M),
      lng: round6(pc.lng + r.float(-40, 40) * LNG_PER_M),
      accessibility: ['step_free', 'hearing_loop', 'bsl', 'accessible_toilet', 'parking', 'quiet_space'].filter((f) =>
        access.has(f),
      ),
    };
    venueMap.set(key, v);
    return v;
  };

  const venue = (key: string): Venue => {
    const existing = venueMap.get(key);
    if (existing) return existing;
    const named = namedByKey.get(key);
    if (named) return makeVenue(key, named.name, named.kind, wardByName(named.ward));
    const [prefix, rest] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
    switch (prefix) {
      case 'cc': {
        const w = wardByName(rest);
        return makeVenue(key, `${w.name === 'Eastbrook Central' ? 'Eastbrook' : w.name} Community Centre`, 'community_centre', w);
      }
      case 'church': {
        const w = wardByName(rest);
        return makeVenue(key, `St ${w.saint}\u2019s Church Hall`, 'church', w);
      }
      case 'methodist': {
        const w = wardByName(rest);
        return makeVenue(key, `${w.name} Methodist Church`, 'church', w);
      }
      case 'park': {
        const w = wardByName(rest);
        return makeVenue(key, `${w.name} Recreation Ground Pavilion`, 'park', w);
      }
      case 'hall': {
        const w = wardByName(rest);
        const existingHall = namedVenues.find((v) => v.ward === w.name && v.kind === 'hall');
        if (existingHall) return venue(existingHall.key);
        return makeVenue(key, `${w.name} Memorial Hall`, 'hall', w);
      }
      case 'own': {
        const at = rest.lastIndexOf('@');
        return makeVenue(key, rest.slice(0, at), 'office', wardByName(rest.slice(at + 1)));
      }
      default:
        throw new Error(`unknown venue ${key}`);
    }
  };

  return {
    wards: wardRows,
    pcns: pcnRows,
    practices,
    areas,
    postcodes,
    areaInfo,
    postcodeInfo,
    practiceIdsByPcn,
    practiceNameById,
    wardIdByName,
    venue,
    venues: () => [...venueMap.values()],
    wardByName,
  };
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
