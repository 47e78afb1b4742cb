// Reading and checking a bulk CSV, row by row, before anything is written. Every problem names its
// line and column; the file is read as a stream (csv-parse), so a large file never sits in memory
// as one string.
import { parse } from 'csv-parse';
import type { Readable } from 'node:stream';
import { unescapeCell } from '@/lib/csv/write';
import type { Tx } from '@/lib/db/client';
import { normalisePostcode } from '@/lib/geo/postcode';
import { blankListing, parseListing, type ListingInput, type ListingValues } from '@/lib/listings/schema';
import { normalisePhone, normaliseUrl, plainLine } from '@/lib/listings/text';
import { COLUMNS, COLUMN_NAMES, parseScheduleText, splitCodes, type CsvRecord } from './format';

export type ImportError = { line: number; column: string | null; message: string };

export type ImportRow = {
  line: number;
  serviceKey: string;
  organisation: {
    key: string;
    name: string;
    email: string | null;
    phone: string | null;
    website: string | null;
    charityNumber: string | null;
  };
  locationKey: string | null;
  listing: ListingInput;
  lastChecked: string | null;
};

export type CheckResult = { rows: ImportRow[]; errors: ImportError[]; totalErrors: number; lines: number };

export const MAX_ROWS = 50_000;
const MAX_ERRORS = 500;

// Form field ids (from the listing schema) to the CSV columns people see.
const FIELD_TO_COLUMN: Record<string, string> = {
  name: 'name',
  description: 'description',
  needs: 'needs',
  minimumAge: 'min_age',
  maximumAge: 'max_age',
  eligibility: 'eligibility',
  cost: 'free',
  costDescription: 'cost',
  languages: 'languages',
  deliveryModes: 'delivery',
  accessMethods: 'access',
  contactName: 'contact_name',
  email: 'email',
  phone: 'phone',
  url: 'website',
  status: 'status',
  capacityStatus: 'capacity',
  capacitySpaces: 'spaces',
  alert: 'notice',
  'location-name': 'location_name',
  'location-address1': 'address_1',
  'location-address2': 'address_2',
  'location-city': 'town',
  'location-postcode': 'postcode',
  'location-latitude': 'latitude',
  'location-longitude': 'longitude',
  'location-accessibility': 'accessibility',
};

function columnFor(fieldId: string): string {
  if (fieldId.startsWith('schedules')) return 'schedules';
  return FIELD_TO_COLUMN[fieldId] ?? FIELD_TO_COLUMN[fieldId.replace(/-\d+$/, '')] ?? fieldId;
}

const KEY = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}$/;
const get = (r: CsvRecord, k: string) => (r[k] ?? '').trim();

/** A CSV row as the editor's form values, so the listing schema checks it exactly as it checks the form. */
export function rowValues(r: CsvRecord): { values: ListingValues; scheduleError: string | null } {
  const free = get(r, 'free').toLowerCase();
  const schedules = parseScheduleText(get(r, 'schedules'));
  const values: ListingValues = {
    ...blankListing('00000000-0000-4000-8000-000000000000'),
    name: get(r, 'name'),
    description: r.description ?? '',
    needs: splitCodes(get(r, 'needs')),
    minimumAge: get(r, 'min_age'),
    maximumAge: get(r, 'max_age'),
    eligibility: get(r, 'eligibility'),
    cost:
      free === 'yes' || free === 'y' || free === 'true'
        ? 'free'
        : free === 'no' || free === 'n' || free === 'false'
          ? 'paid'
          : '',
    costDescription: get(r, 'cost'),
    languages: splitCodes(get(r, 'languages')).join(', '),
    deliveryModes: splitCodes(get(r, 'delivery')),
    accessMethods: splitCodes(get(r, 'access')),
    url: get(r, 'website'),
    email: get(r, 'email'),
    phone: get(r, 'phone'),
    contactName: get(r, 'contact_name'),
    status: get(r, 'status') || 'active',
    alert: get(r, 'notice'),
    capacityStatus: get(r, 'capacity') || 'open',
    capacitySpaces: get(r, 'spaces'),
    location: {
      name: get(r, 'location_name'),
      address1: get(r, 'address_1'),
      address2: get(r, 'address_2'),
      city: get(r, 'town'),
      postcode: get(r, 'postcode'),
      latitude: get(r, 'latitude'),
      longitude: get(r, 'longitude'),
      accessibility: splitCodes(get(r, 'accessibility')),
    },
    schedules: schedules.ok ? schedules.schedules : [],
  };
  return { values, scheduleError: schedules.ok ? null : schedules.error };
}

/**
 * Reads and checks every row. Nothing is written. Needs codes are checked against the taxonomy;
 * ids must be unique per listing, and a group's id must always come with the same name.
 */
export async function checkCsv(tx: Tx, input: Readable | AsyncIterable<Buffer | string>): Promise<CheckResult> {
  const terms = new Set((await tx.taxonomyTerm.findMany({ select: { code: true } })).map((t) => t.code));
  const errors: ImportError[] = [];
  let totalErrors = 0;
  const fail = (line: number, column: string | null, message: string) => {
    totalErrors++;
    if (errors.length < MAX_ERRORS) errors.push({ line, column, message });
  };
  const rows: ImportRow[] = [];
  const seenServices = new Map<string, number>();
  const orgNames = new Map<string, { name: string; line: number }>();
  let header: string[] | null = null;
  let lines = 0;

  const parser = parse({ bom: true, skip_empty_lines: true, relax_column_count: true, info: true, max_record_size: 64 * 1024 });
  // Feeds the parser, waiting when it is full; stops when the reading below stops early.
  const feed = (async () => {
    try {
      for await (const chunk of input as AsyncIterable<Buffer | string>) {
        if (parser.destroyed) return;
        if (!parser.write(chunk)) {
          await new Promise<void>((resolve) => {
            const done = () => {
              parser.off('drain', done);
              parser.off('close', done);
              resolve();
            };
            parser.on('drain', done);
            parser.on('close', done);
          });
        }
      }
      if (!parser.destroyed) parser.end();
    } catch (error) {
      parser.destroy(error as Error);
    }
  })();

  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const { record, info } = item;
      const line = info.lines;
      lines = line;
      if (!header) {
        header = record.map((h) => h.trim().toLowerCase());
        const missing = COLUMNS.filter((c) => c.required && !header!.includes(c.name)).map((c) => c.name);
        const unknown = header.filter((h) => h && !COLUMN_NAMES.includes(h));
        // A name given twice would let the later column overwrite the earlier one unseen.
        const repeated = [...new Set(header.filter((h, i) => h && header!.indexOf(h) !== i))];
        if (missing.length) fail(line, null, `The first line must name the columns. Missing: ${missing.join(', ')}`);
        if (unknown.length) fail(line, null, `Unknown columns: ${unknown.join(', ')}. Use the template’s column names`);
        if (repeated.length)
          fail(
            line,
            null,
            `Each column can appear only once. Named more than once: ${repeated.join(', ')}. Remove the extra columns`,
          );
        if (missing.length || repeated.length) break;
        continue;
      }
      if (rows.length + totalErrors >= MAX_ROWS) {
        fail(line, null, `A file can have up to ${MAX_ROWS.toLocaleString('en-GB')} rows. Split it into smaller files`);
        break;
      }
      if (record.length !== header.length) {
        fail(
          line,
          null,
          `This line has ${record.length} columns; the first line has ${header.length}. Check for a missing comma or an unclosed quote`,
        );
        continue;
      }
      const r: CsvRecord = {};
      // A value the export escaped ("'=...", "'+44...") reads back as it was.
      header.forEach((h, i) => (r[h] = unescapeCell(record[i])));
      const before = totalErrors;

      const serviceKey = get(r, 'service_id');
      const orgKey = get(r, 'organisation_id');
      if (!KEY.test(serviceKey))
        fail(line, 'service_id', 'Give each listing an id of letters, numbers and - _ . : / (up to 100)');
      else if (seenServices.has(serviceKey))
        fail(
          line,
          'service_id',
          `The id ${serviceKey} is also used on line ${seenServices.get(serviceKey)}; each listing needs its own`,
        );
      else seenServices.set(serviceKey, line);
      if (!KEY.test(orgKey)) fail(line, 'organisation_id', 'Give the group an id of letters, numbers and - _ . : / (up to 100)');
      const orgName = plainLine(get(r, 'organisation_name'));
      if (!orgName) fail(line, 'organisation_name', 'Enter the group’s name');
      else if (orgName.length > 120) fail(line, 'organisation_name', 'Keep the group’s name to 120 characters or fewer');
      else if (KEY.test(orgKey)) {
        const first = orgNames.get(orgKey);
        if (first && first.name !== orgName)
          fail(
            line,
            'organisation_name',
            `Group ${orgKey} is called “${first.name}” on line ${first.line}; use the same name on every row`,
          );
        else if (!first) orgNames.set(orgKey, { name: orgName, line });
      }
      const orgEmail = get(r, 'organisation_email').toLowerCase();
      if (orgEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(orgEmail))
        fail(line, 'organisation_email', 'Enter an email address in the correct format, like name@example.com');
      const orgPhone = get(r, 'organisation_phone');
      if (orgPhone && !normalisePhone(orgPhone)) fail(line, 'organisation_phone', 'Enter a UK phone number, like 01632 960 123');
      const orgWebsite = get(r, 'organisation_website');
      if (orgWebsite && !normaliseUrl(orgWebsite))
        fail(line, 'organisation_website', 'Enter a web address, like www.example.org');
      const locationKey = get(r, 'location_id');
      if (locationKey && !KEY.test(locationKey))
        fail(line, 'location_id', 'Give the place an id of letters, numbers and - _ . : / (up to 100)');
      const lastChecked = get(r, 'last_checked');
      if (lastChecked && (!/^\d{4}-\d{2}-\d{2}$/.test(lastChecked) || Number.isNaN(Date.parse(`${lastChecked}T00:00:00Z`)))) {
        fail(line, 'last_checked', 'Write the date as YYYY-MM-DD, like 2026-11-01');
      }

      const { values, scheduleError } = rowValues(r);
      if (scheduleError) fail(line, 'schedules', scheduleError);
      const unknownNeeds = values.needs.filter((c) => !terms.has(c));
      if (unknownNeeds.length) fail(line, 'needs', `Unknown needs codes: ${unknownNeeds.join(', ')}`);
      const parsed = parseListing(values);
      if (!parsed.ok) {
        for (const [field, messages] of Object.entries(parsed.fieldErrors)) {
          if (field === 'needs' && unknownNeeds.length) continue;
          // One line per field in the report: the first thing to fix.
          if (messages?.[0]) fail(line, columnFor(field), messages[0]);
        }
      }
      if (totalErrors === before && parsed.ok) {
        rows.push({
          line,
          serviceKey,
          organisation: {
            key: orgKey,
            name: orgName,
            email: orgEmail || null,
            phone: orgPhone ? normalisePhone(orgPhone) : null,
            website: orgWebsite ? normaliseUrl(orgWebsite) : null,
            charityNumber: get(r, 'organisation_charity_number') || null,
          },
          locationKey: parsed.data.location ? locationKey || `${serviceKey}:place` : null,
          listing: parsed.data,
          lastChecked: lastChecked || null,
        });
      }
    }
  } catch (error) {
    const e = error as { message?: string; lines?: number };
    fail(
      e.lines ?? lines + 1,
      null,
      `The file could not be read as CSV here: ${String(e.message ?? 'unknown problem').replace(/^Invalid (Record|Opening|Closing)[^:]*: /, '')}`,
    );
  }
  await feed.catch(() => {});
  if (!header) fail(1, null, 'The file is empty. Start from the template');
  else if (rows.length === 0 && totalErrors === 0) fail(2, null, 'The file has a header line but no listings');
  return { rows, errors, totalErrors, lines };
}

export function postcodesOf(rows: readonly ImportRow[]): string[] {
  return [
    ...new Set(rows.flatMap((r) => (r.listing.location?.postcode ? [normalisePostcode(r.listing.location.postcode)!] : []))),
  ];
}
