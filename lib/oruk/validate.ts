// Validation against the Open Referral UK v3 schemas kept unchanged in ./standard: what the API
// publishes is checked in tests, and what a feed sends is checked on import. One ajv instance per
// process, each schema compiled on first use (service.json alone is 110 kB).
//
// Two additions to plain JSON Schema, both from the standard's own files:
// - `datapackage_type` (date, time, datetime) is how the schemas say what a date or time looks
//   like (Frictionless table schema types), so it is checked: dates YYYY-MM-DD, times HH:MM:SS with
//   an optional UTC offset, date-times RFC 3339.
// - the paged envelopes come from openapi.json's Page schema with the item schema each path names.
// `closed: true` also refuses any field the standard does not define, so a test can prove that
// nothing of ours (people, referrals, notes) rides along in a response.
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import openapi from './standard/schema/openapi.json';
import serviceSchema from './standard/schema/compiled/service.json';
import serviceListSchema from './standard/schema/compiled/service_list.json';
import serviceAtLocationSchema from './standard/schema/compiled/service_at_location.json';
import serviceAtLocationListSchema from './standard/schema/compiled/service_at_location_list.json';
import organizationSchema from './standard/schema/compiled/organization.json';
import taxonomySchema from './standard/schema/taxonomy.json';
import taxonomyTermSchema from './standard/schema/taxonomy_term.json';

type Schema = Record<string, unknown>;

// taxonomy.json refers to its terms by file name; the compiled copies have no such references.
function inlineRefs(schema: unknown, files: Record<string, unknown>): unknown {
  if (Array.isArray(schema)) return schema.map((x) => inlineRefs(x, files));
  if (!schema || typeof schema !== 'object') return schema;
  const ref = (schema as Schema).$ref;
  if (typeof ref === 'string' && ref in files) return inlineRefs(files[ref], files);
  return Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, inlineRefs(v, files)]));
}

const ITEMS = {
  service: serviceSchema,
  service_list_item: serviceListSchema,
  service_at_location: serviceAtLocationSchema,
  service_at_location_list_item: serviceAtLocationListSchema,
  organization: organizationSchema,
  taxonomy: inlineRefs(taxonomySchema, { 'taxonomy_term.json': taxonomyTermSchema }) as Schema,
  taxonomy_term: taxonomyTermSchema,
} as const satisfies Record<string, Schema>;

const PAGES = {
  /** GET /services: the one-to-one fields of each service. */
  service_page: 'service_list_item',
  /** GET /services?full_service=true: each service fully nested. */
  service_page_full: 'service',
  service_at_location_page: 'service_at_location_list_item',
  taxonomy_page: 'taxonomy',
  taxonomy_term_page: 'taxonomy_term',
} as const satisfies Record<string, keyof typeof ITEMS>;

export type OrukKind = keyof typeof ITEMS | keyof typeof PAGES | 'root';
export const ORUK_KINDS = [...Object.keys(ITEMS), ...Object.keys(PAGES), 'root'] as OrukKind[];

export type ValidateOptions = {
  /** Refuse fields the standard does not define (the standard itself allows them). */
  closed?: boolean;
  /**
   * With `closed`, fields allowed all the same, by path without indices from the record that
   * holds them ("contacts[].phones" also allows "contents[].service.contacts[].phones").
   */
  allow?: readonly string[];
  /** At most this many errors are described (default 20). */
  maxErrors?: number;
};

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)?$/;

function isDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function page(itemKind: keyof typeof ITEMS): Schema {
  // The path's schema is allOf [Page] plus contents; merged into one object so closed mode knows both.
  const envelope = openapi.components.schemas.Page;
  return {
    ...envelope,
    properties: { ...envelope.properties, contents: { type: 'array', items: ITEMS[itemKind] } },
  };
}

function rootSchema(): Schema {
  return openapi.paths['/'].get.responses['200'].content['application/json'].schema;
}

/** A copy of a schema in which every object with listed properties allows no others. */
function closeSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closeSchema);
  if (!schema || typeof schema !== 'object') return schema;
  const out: Schema = {};
  for (const [k, v] of Object.entries(schema)) out[k] = k === 'datapackage_metadata' ? v : closeSchema(v);
  if (out.type === 'object' && out.properties && !('additionalProperties' in out)) out.additionalProperties = false;
  return out;
}

let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

function instance(): Ajv {
  if (ajv) return ajv;
  // strict off: the standard's schemas carry table-schema keywords (name, constraints, core...).
  ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv, ['uuid', 'uri', 'email', 'date-time', 'date', 'time']);
  ajv.addKeyword({
    keyword: 'datapackage_type',
    type: 'string',
    schemaType: 'string',
    errors: true,
    validate: function check(kind: string, data: string) {
      const ok =
        kind === 'date'
          ? isDate(data)
          : kind === 'time'
            ? TIME.test(data)
            : kind === 'datetime'
              ? !Number.isNaN(Date.parse(data)) && /^\d{4}-\d{2}-\d{2}T/.test(data)
              : true;
      if (!ok) {
        (check as unknown as { errors: Partial<ErrorObject>[] }).errors = [
          { keyword: 'datapackage_type', params: { type: kind }, message: `must be a ${kind}` },
        ];
      }
      return ok;
    },
  });
  return ajv;
}

function validator(kind: OrukKind, closed: boolean): ValidateFunction {
  const key = `${kind}:${closed ? 'closed' : 'open'}`;
  const found = compiled.get(key);
  if (found) return found;
  if (!ORUK_KINDS.includes(kind)) throw new RangeError(`Unknown ORUK kind: ${kind}`);
  let schema: unknown =
    kind === 'root' ? rootSchema() : kind in PAGES ? page(PAGES[kind as keyof typeof PAGES]) : ITEMS[kind as keyof typeof ITEMS];
  if (closed) schema = closeSchema(schema);
  const fn = instance().compile(schema as Schema);
  compiled.set(key, fn);
  return fn;
}

const FORMAT_WORDS: Record<string, string> = {
  uuid: 'a UUID',
  uri: 'a full web address (with https://)',
  email: 'an e-mail address',
  'date-time': 'a date and time (RFC 3339)',
};

const DATAPACKAGE_WORDS: Record<string, string> = {
  date: 'a date (YYYY-MM-DD)',
  time: 'a time (HH:MM:SS, with an optional UTC offset such as +01:00)',
  datetime: 'a date and time (RFC 3339)',
};

/** "/service_at_locations/0/location/name" -> "service_at_locations[0].location.name". */
function where(instancePath: string, root: string): string {
  const parts = instancePath.split('/').slice(1);
  let out = root;
  for (const raw of parts) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    out += /^\d+$/.test(part) ? `[${part}]` : `.${part}`;
  }
  return out;
}

function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function describe(e: ErrorObject, root: string, data: unknown): string {
  const at = where(e.instancePath, root);
  const value = e.instancePath
    .split('/')
    .slice(1)
    .reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), data);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return `${at} is missing the required field "${String(p.missingProperty)}"`;
    case 'additionalProperties':
      return `${at} has a field the standard does not define: "${String(p.additionalProperty)}"`;
    case 'type':
      return `${at} must be ${p.type === 'array' || p.type === 'object' || p.type === 'integer' ? 'an' : 'a'} ${String(p.type)}, not ${shown(value)}`;
    case 'enum':
      return `${at} must be one of ${(p.allowedValues as unknown[]).map((x) => JSON.stringify(x)).join(', ')}, not ${shown(value)}`;
    case 'format':
      return `${at} must be ${FORMAT_WORDS[String(p.format)] ?? String(p.format)}, not ${shown(value)}`;
    case 'datapackage_type':
      return `${at} must be ${DATAPACKAGE_WORDS[String(p.type)] ?? String(p.type)}, not ${shown(value)}`;
    default:
      return `${at} ${e.message ?? 'is not valid'}`;
  }
}

/**
 * Checks a value against the standard's schema for `kind`: a record (service, taxonomy_term...),
 * a page of records (service_page, service_page_full...) or the API root. Returns the problems in
 * words, each naming where it is ("service.schedules[0].opens_at must be a time ..."); an empty
 * list means valid.
 */
export function validateOruk(kind: OrukKind, value: unknown, options: ValidateOptions = {}): string[] {
  const fn = validator(kind, options.closed ?? false);
  if (fn(value)) return [];
  const root = kind === 'root' ? 'root' : kind in PAGES ? 'page' : kind;
  const seen = new Set<string>();
  const allowed = new Set(options.allow ?? []);
  for (const e of fn.errors ?? []) {
    // allOf/anyOf wrappers repeat their children's errors.
    if (e.keyword === 'allOf' || e.keyword === 'anyOf' || e.keyword === 'if') continue;
    if (e.keyword === 'additionalProperties' && allowed.size) {
      const at = where(e.instancePath, '')
        .replace(/\[\d+\]/g, '[]')
        .replace(/^\./, '');
      const field = `${at ? `${at}.` : ''}${String((e.params as { additionalProperty: string }).additionalProperty)}`;
      // A path counts wherever the record sits: in a page's contents, or nested in another record.
      if ([...allowed].some((a) => field === a || field.endsWith(`.${a}`))) continue;
    }
    seen.add(describe(e, root, value));
    if (seen.size >= (options.maxErrors ?? 20)) break;
  }
  return [...seen];
}
