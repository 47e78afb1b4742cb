// Checks one service record against the standard before it is mapped. v3: the UK profile's own
// JSON Schema (lib/oruk/standard/schema/compiled/service.json) with ajv; v1 has no schema in the
// repository, so the fields the mapping relies on are checked by hand. Errors come back in words
// with the field's path, e.g. "status: must be one of active, inactive, defunct, temporarily closed".
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import serviceSchema from '@/lib/oruk/standard/schema/compiled/service.json' with { type: 'json' };
import type { OrukVersion } from './types';

let compiled: ValidateFunction | null = null;

function serviceValidator(): ValidateFunction {
  if (compiled) return compiled;
  // The schemas carry Frictionless Data keywords (constraints, core, datapackage_metadata): not strict.
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addFormat('csv', true);
  compiled = ajv.compile(serviceSchema);
  return compiled;
}

const pathOf = (e: ErrorObject) =>
  e.instancePath
    .split('/')
    .filter(Boolean)
    .map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p}`))
    .join('')
    .replace(/^\./, '');

export function describeError(e: ErrorObject): string {
  const where = pathOf(e);
  const at = (field: string) => (where ? `${where}.${field}` : field);
  switch (e.keyword) {
    case 'required':
      return `${at(String(e.params.missingProperty))}: is missing`;
    case 'enum':
      return `${where}: must be one of ${(e.params.allowedValues as unknown[]).join(', ')}`;
    case 'type':
      return `${where}: must be ${e.params.type === 'integer' ? 'a whole number' : `a ${String(e.params.type)}`}`;
    case 'format':
      return `${where}: must be ${formatWords[String(e.params.format)] ?? `in the ${String(e.params.format)} format`}`;
    default:
      return `${where || 'the record'}: ${e.message ?? 'is not valid'}`;
  }
}

const formatWords: Record<string, string> = {
  uuid: 'a UUID',
  uri: 'a full web address',
  email: 'an email address',
  'date-time': 'a date and time like 2026-03-15T10:30:00Z',
  date: 'a date like 2026-03-15',
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasText = (v: unknown) => typeof v === 'string' && v.trim() !== '';
const hasId = (v: unknown) => hasText(v) || typeof v === 'number';

function checkV1(value: unknown): string[] {
  if (!isObject(value)) return ['the record: must be an object'];
  const errors: string[] = [];
  if (!hasId(value.id)) errors.push('id: is missing');
  if (!hasText(value.name)) errors.push('name: is missing');
  if (value.status !== undefined && value.status !== null && typeof value.status !== 'string')
    errors.push('status: must be a string');
  if (!isObject(value.organization)) errors.push('organization: is missing');
  else {
    if (!hasId(value.organization.id)) errors.push('organization.id: is missing');
    if (!hasText(value.organization.name)) errors.push('organization.name: is missing');
  }
  for (const key of [
    'regular_schedules',
    'service_taxonomys',
    'service_at_locations',
    'contacts',
    'eligibilitys',
    'languages',
    'cost_options',
  ]) {
    if (value[key] !== undefined && value[key] !== null && !Array.isArray(value[key])) errors.push(`${key}: must be a list`);
  }
  const sals = Array.isArray(value.service_at_locations) ? value.service_at_locations : [];
  sals.forEach((s: unknown, i) => {
    if (!isObject(s) || !isObject(s.location)) errors.push(`service_at_locations[${i}].location: is missing`);
    else if (!hasId(s.location.id)) errors.push(`service_at_locations[${i}].location.id: is missing`);
  });
  return errors;
}

/** The record's problems in words; none when it may be mapped. */
export function checkService(version: OrukVersion, value: unknown): string[] {
  if (version === 'v1') return checkV1(value);
  const validate = serviceValidator();
  if (validate(value)) return [];
  return [...new Set((validate.errors ?? []).map(describeError))];
}
