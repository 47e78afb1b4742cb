// Feeds that arrive as files: one JSON document (a service, a page of services, or a list), a
// folder of them, or a zip of the standard's CSV tables (services.csv, organizations.csv, ...),
// which is put back together as nested v3 records so it is checked and mapped like the API's.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { unzipSync, strFromU8 } from 'fflate';
import type { OrukVersion, RawRecord } from './types';

export type FileFeed = { version: OrukVersion; complete: boolean; records: RawRecord[] };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const V1_KEYS = ['regular_schedules', 'service_taxonomys', 'eligibilitys', 'holiday_schedules', 'reviews', 'fundings'];
function looksV1(service: Obj): boolean {
  if (V1_KEYS.some((k) => k in service)) return true;
  return (
    Array.isArray(service.service_at_locations) &&
    service.service_at_locations.some((s) => isObj(s) && isObj(s.location) && 'physical_addresses' in s.location)
  );
}

const idOf = (v: unknown) => (isObj(v) && (typeof v.id === 'string' || typeof v.id === 'number') ? String(v.id) : '(no id)');

/** The services in one parsed JSON document, and the version its shape says. */
export function servicesInJson(doc: unknown): { version: OrukVersion; records: RawRecord[] } {
  let items: unknown[];
  let version: OrukVersion | null = null;
  if (Array.isArray(doc)) items = doc;
  else if (isObj(doc) && Array.isArray(doc.contents)) {
    items = doc.contents;
    version = 'v3';
  } else if (isObj(doc) && Array.isArray(doc.content)) {
    items = doc.content;
    version = 'v1';
  } else items = [doc];
  version ??= items.some((i) => isObj(i) && looksV1(i)) ? 'v1' : 'v3';
  return { version, records: items.map((value) => ({ id: idOf(value), value })) };
}

/** A JSON file or a folder of them (read in name order). */
export async function readJsonPath(target: string): Promise<FileFeed> {
  const files = (await stat(target)).isDirectory()
    ? (await readdir(target))
        .filter((f) => f.toLowerCase().endsWith('.json'))
        .sort()
        .map((f) => path.join(target, f))
    : [target];
  const records: RawRecord[] = [];
  const versions = new Set<OrukVersion>();
  for (const file of files) {
    let doc: unknown;
    try {
      doc = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      records.push({ id: path.basename(file), error: `is not JSON: ${(error as Error).message}` });
      continue;
    }
    const found = servicesInJson(doc);
    versions.add(found.version);
    records.push(...found.records);
  }
  return { version: versions.has('v1') && !versions.has('v3') ? 'v1' : 'v3', complete: false, records };
}

// ---------- CSV tables in a zip ----------

const NUMBERS = new Set(['minimum_age', 'maximum_age', 'latitude', 'longitude', 'interval', 'amount']);

function table(files: Map<string, string>, ...names: string[]): Obj[] {
  for (const name of names) {
    const body = files.get(name);
    if (body === undefined) continue;
    // Spreadsheet exports mix line endings (the standard's own examples end lines with CR CR LF).
    const rows = parse(body.replace(/\r\n?/g, '\n'), {
      columns: true,
      skip_empty_lines: true,
      bom: true,
      relax_column_count: true,
      trim: true,
    }) as Record<string, string>[];
    return rows.map((r) => {
      const o: Obj = {};
      for (const [k, v] of Object.entries(r)) {
        if (v === '' || v === undefined) continue;
        o[k] = NUMBERS.has(k) && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : v;
      }
      return o;
    });
  }
  return [];
}

function groupBy(rows: Obj[], key: string): Map<string, Obj[]> {
  const out = new Map<string, Obj[]>();
  for (const r of rows) {
    const k = r[key];
    if (typeof k !== 'string') continue;
    out.set(k, [...(out.get(k) ?? []), r]);
  }
  return out;
}

const strip = (o: Obj, ...keys: string[]) => {
  const c = { ...o };
  for (const k of keys) delete c[k];
  return c;
};

/** The standard's CSV tables (a zip, any folder inside it) as nested v3 service records. */
export function servicesFromCsvZip(zip: Uint8Array): FileFeed {
  const files = new Map<string, string>();
  for (const [name, data] of Object.entries(unzipSync(zip))) {
    if (name.endsWith('/') || !name.toLowerCase().endsWith('.csv')) continue;
    files.set(path.posix.basename(name).toLowerCase(), strFromU8(data));
  }
  if (!files.has('services.csv')) throw new Error('The zip has no services.csv: it needs the Open Referral UK CSV tables');
  const organisations = new Map(table(files, 'organizations.csv').map((o) => [String(o.id), o]));
  const identifiers = groupBy(table(files, 'organization_identifiers.csv'), 'organization_id');
  const locations = new Map(table(files, 'locations.csv').map((l) => [String(l.id), l]));
  const addresses = groupBy(table(files, 'addresses.csv', 'address.csv'), 'location_id');
  const access = groupBy(table(files, 'accessibility.csv'), 'location_id');
  const sals = groupBy(table(files, 'service_at_locations.csv', 'service_at_location.csv'), 'service_id');
  const schedules = groupBy(table(files, 'schedules.csv', 'schedule.csv'), 'service_id');
  const contacts = groupBy(table(files, 'contacts.csv'), 'service_id');
  const phones = groupBy(table(files, 'phones.csv'), 'contact_id');
  const costs = groupBy(table(files, 'cost_options.csv'), 'service_id');
  const languages = groupBy(table(files, 'languages.csv'), 'service_id');
  const terms = new Map(table(files, 'taxonomy_terms.csv').map((t) => [String(t.id), t]));
  const attributes = groupBy(table(files, 'attributes.csv', 'attribute.csv'), 'link_id');
  // The schedules table of the full HSDS carries fields the UK profile does not have.
  const scheduleFields = ['service_id', 'location_id', 'timezone', 'until', 'count', 'wkst', 'byweekno', 'byyearday'];

  const records: RawRecord[] = table(files, 'services.csv').map((s) => {
    const id = String(s.id ?? '(no id)');
    const org = organisations.get(String(s.organization_id));
    const value: Obj = {
      ...s,
      ...(org
        ? {
            organization: {
              ...org,
              organization_identifiers: (identifiers.get(String(org.id)) ?? []).map((i) => strip(i, 'organization_id')),
            },
          }
        : {}),
      service_at_locations: (sals.get(id) ?? []).flatMap((sal) => {
        const l = locations.get(String(sal.location_id));
        if (!l) return [];
        return [
          {
            id: sal.id,
            location: {
              ...l,
              addresses: (addresses.get(String(l.id)) ?? []).map((a) => strip(a, 'location_id')),
              accessibility: (access.get(String(l.id)) ?? []).map((a) => strip(a, 'location_id')),
            },
          },
        ];
      }),
      schedules: (schedules.get(id) ?? []).map((x) => strip(x, ...scheduleFields)),
      contacts: (contacts.get(id) ?? []).map((c) => ({ ...strip(c, 'service_id'), phones: phones.get(String(c.id)) ?? [] })),
      cost_options: (costs.get(id) ?? []).map((c) => strip(c, 'service_id')),
      languages: (languages.get(id) ?? []).map((l) => strip(l, 'service_id', 'phone_id')),
      attributes: (attributes.get(id) ?? []).flatMap((a) => {
        const t = terms.get(String(a.taxonomy_term_id));
        return t ? [{ id: a.id, taxonomy_term: t }] : [];
      }),
    };
    delete value.organization_id;
    return { id, value };
  });
  return { version: 'v3', complete: true, records };
}
