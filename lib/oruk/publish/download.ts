// The whole directory as open data files: every published service in full as one ORUK JSON array
// (streamed, 200 services a query batch), and the UK profile's CSV tables in a zip. Both are built
// from the same mapped records as the API, so the three never disagree.
import 'server-only';
import { toCsv, type CsvValue } from '@/lib/csv/write';
import type { Tx } from '@/lib/db/client';
import { mapContext, rulesAt } from './api';
import { allServiceIds, loadServices, taxonomies, taxonomyTerms } from './load';
import { mapService, mapTerm } from './map';
import { zipSync } from 'fflate';

type Rec = Record<string, unknown>;

/** Every published service, fully nested, as the text of one JSON array, a batch at a time. */
export async function* servicesJson(db: Tx, now: Date): AsyncGenerator<string> {
  const ctx = mapContext(now);
  let first = true;
  yield '[';
  for await (const ids of allServiceIds(db, rulesAt(now))) {
    const services = await loadServices(db, ids);
    const text = services.map((s) => JSON.stringify(mapService(s, ctx))).join(',\n');
    if (text) {
      yield `${first ? '\n' : ',\n'}${text}`;
      first = false;
    }
  }
  yield '\n]\n';
}

/** The UK profile's CSV files (the `path` of each schema) and their columns, as in its examples. */
export const CSV_TABLES = {
  'services.csv': [
    'id',
    'organization_id',
    'name',
    'description',
    'url',
    'email',
    'status',
    'fees',
    'accreditations',
    'minimum_age',
    'maximum_age',
    'assured_date',
    'assurer_email',
    'alert',
    'last_modified',
  ],
  'organizations.csv': ['id', 'name', 'description', 'email', 'website', 'logo', 'uri', 'parent_organization_id'],
  'organization_identifiers.csv': ['id', 'organization_id', 'identifier_scheme', 'identifier_type', 'identifier'],
  'locations.csv': [
    'id',
    'location_type',
    'name',
    'description',
    'latitude',
    'longitude',
    'external_identifier',
    'external_identifier_type',
  ],
  'address.csv': [
    'id',
    'location_id',
    'attention',
    'address_1',
    'city',
    'region',
    'state_province',
    'postal_code',
    'country',
    'address_type',
  ],
  'accessibility.csv': ['id', 'location_id', 'description', 'details', 'url', 'accessibility'],
  'service_at_location.csv': ['id', 'service_id', 'location_id'],
  'schedule.csv': [
    'id',
    'service_id',
    'service_at_location_id',
    'valid_from',
    'valid_to',
    'dtstart',
    'freq',
    'interval',
    'byday',
    'bymonthday',
    'description',
    'opens_at',
    'closes_at',
    'schedule_link',
    'attending_type',
    'notes',
  ],
  'service_areas.csv': ['id', 'service_id', 'name', 'extent', 'extent_type', 'uri', 'service_area'],
  'languages.csv': ['id', 'service_id', 'phone_id'],
  'contacts.csv': ['id', 'service_id', 'name', 'title'],
  'phones.csv': ['id', 'contact_id', 'number', 'description'],
  'cost_options.csv': ['id', 'service_id', 'valid_from', 'valid_to', 'option', 'amount', 'amount_description'],
  'attribute.csv': ['id', 'link_id', 'taxonomy_term_id', 'link_type'],
  'taxonomies.csv': ['id', 'name', 'description', 'uri', 'version'],
  'taxonomy_terms.csv': ['id', 'name', 'description', 'parent_id', 'taxonomy', 'taxonomy_id', 'term_uri', 'term'],
} as const;

type Table = keyof typeof CSV_TABLES;

function cell(v: unknown): CsvValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  return String(v);
}

/** The CSV tables' rows for the whole directory. */
export async function csvTables(db: Tx, now: Date): Promise<Record<Table, Rec[]>> {
  const ctx = mapContext(now);
  const rows = Object.fromEntries(Object.keys(CSV_TABLES).map((t) => [t, [] as Rec[]])) as unknown as Record<Table, Rec[]>;
  const seen = new Set<string>();
  const once = (table: Table, r: Rec) => {
    const key = `${table}:${String(r.id)}`;
    if (seen.has(key)) return;
    seen.add(key);
    rows[table].push(r);
  };
  for await (const ids of allServiceIds(db, rulesAt(now))) {
    for (const source of await loadServices(db, ids)) {
      const s = mapService(source, ctx) as Rec & {
        organization: Rec & { organization_identifiers?: Rec[] };
        service_at_locations: Array<Rec & { location: Rec & { addresses: Rec[]; accessibility: Rec[] } }>;
        schedules: Rec[];
        service_areas: Rec[];
        languages: Rec[];
        contacts: Array<Rec & { phones?: Rec[] }>;
        cost_options: Rec[];
        attributes: Rec[];
      };
      once('services.csv', s);
      once('organizations.csv', s.organization);
      for (const i of s.organization.organization_identifiers ?? []) once('organization_identifiers.csv', i);
      for (const sal of s.service_at_locations) {
        once('service_at_location.csv', sal);
        once('locations.csv', sal.location);
        for (const a of sal.location.addresses) once('address.csv', a);
        for (const a of sal.location.accessibility) once('accessibility.csv', a);
      }
      for (const x of s.schedules) once('schedule.csv', x);
      for (const x of s.service_areas) once('service_areas.csv', x);
      for (const x of s.languages) once('languages.csv', x);
      for (const c of s.contacts) {
        once('contacts.csv', c);
        for (const p of c.phones ?? []) once('phones.csv', p);
      }
      for (const x of s.cost_options) once('cost_options.csv', x);
      for (const x of s.attributes) once('attribute.csv', x);
    }
  }
  const tax = await taxonomies(db, 1, 10_000);
  for (const t of tax.rows) once('taxonomies.csv', { ...t, uri: t.uri ?? undefined });
  const terms = await taxonomyTerms(db, 1, 100_000);
  for (const t of terms.rows) once('taxonomy_terms.csv', mapTerm(t));
  return rows;
}

/** The CSV tables in one zip, each with its header row. */
export async function csvZip(db: Tx, now: Date): Promise<Buffer> {
  const tables = await csvTables(db, now);
  const entries = (Object.keys(CSV_TABLES) as Table[]).map((name) => {
    const columns = CSV_TABLES[name];
    const text = toCsv([columns, ...tables[name].map((r) => columns.map((c) => cell(r[c])))]);
    return [name, new Uint8Array(Buffer.from(text, 'utf8'))] as const;
  });
  // The same zip library reads CSV zips in the importer (lib/oruk/import/files.ts).
  return Buffer.from(zipSync(Object.fromEntries(entries), { mtime: now }));
}
