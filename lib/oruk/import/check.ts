// Checks one service record against the standard before it is mapped. v3: the UK profile's own
// JSON Schema through validateOruk (lib/oruk/validate.ts), which also checks dates and times; v1 has
// no schema in the repository, so the fields the mapping relies on are checked by hand. Errors come
// back in words with the field's path.
import { validateOruk } from '@/lib/oruk/validate';
import type { OrukVersion } from './types';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasText = (v: unknown) => typeof v === 'string' && v.trim() !== '';
const hasId = (v: unknown) => hasText(v) || typeof v === 'number';

function checkV1(value: unknown): string[] {
  if (!isObject(value)) return ['service must be an object'];
  const errors: string[] = [];
  if (!hasId(value.id)) errors.push('service is missing the required field "id"');
  if (!hasText(value.name)) errors.push('service is missing the required field "name"');
  if (value.status !== undefined && value.status !== null && typeof value.status !== 'string')
    errors.push('service.status must be a string');
  if (!isObject(value.organization)) errors.push('service is missing the required field "organization"');
  else {
    if (!hasId(value.organization.id)) errors.push('service.organization is missing the required field "id"');
    if (!hasText(value.organization.name)) errors.push('service.organization is missing the required field "name"');
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
    if (value[key] !== undefined && value[key] !== null && !Array.isArray(value[key]))
      errors.push(`service.${key} must be an array`);
  }
  const sals = Array.isArray(value.service_at_locations) ? value.service_at_locations : [];
  sals.forEach((s: unknown, i) => {
    if (!isObject(s) || !isObject(s.location))
      errors.push(`service.service_at_locations[${i}] is missing the required field "location"`);
    else if (!hasId(s.location.id)) errors.push(`service.service_at_locations[${i}].location is missing the required field "id"`);
  });
  return errors;
}

/** The record's problems in words; none when it may be mapped. */
export function checkService(version: OrukVersion, value: unknown): string[] {
  return version === 'v1' ? checkV1(value) : validateOruk('service', value);
}
