import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The full data model of prisma/schema.prisma, as Prisma's own parser reads it.
 *
 * The generated client's runtime data model lacks nullability, lists, native types, defaults,
 * unique constraints and referential actions, and @prisma/internals (getDMMF) is not installed.
 * The `prisma` CLI package ships the same schema parser as WebAssembly; this calls its get_dmmf
 * with the minimal wasm-bindgen glue it needs (four imports).
 */

export interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: 'scalar' | 'object' | 'enum' | 'unsupported';
  isList: boolean;
  isRequired: boolean;
  isUnique: boolean;
  isId: boolean;
  isUpdatedAt: boolean;
  hasDefaultValue: boolean;
  default?: unknown;
  type: string;
  nativeType?: [string, string[]] | null;
  relationName?: string;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
}

export interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
  primaryKey: { name: string | null; fields: string[] } | null;
}

export interface DmmfIndex {
  model: string;
  type: 'id' | 'unique' | 'normal' | 'fulltext';
  isDefinedOnField: boolean;
  dbName?: string;
  fields: { name: string }[];
}

export interface DmmfEnum {
  name: string;
  dbName?: string | null;
  values: { name: string; dbName: string | null }[];
}

export interface Datamodel {
  models: DmmfModel[];
  enums: DmmfEnum[];
  indexes: DmmfIndex[];
}

interface SchemaWasm {
  memory: WebAssembly.Memory;
  __wbindgen_externrefs: WebAssembly.Table;
  __wbindgen_malloc(size: number, align: number): number;
  __wbindgen_free(ptr: number, size: number, align: number): void;
  __wbindgen_start(): void;
  get_dmmf(ptr: number, len: number): [number, number, number, number];
}

function loadSchemaWasm(): SchemaWasm {
  const require = createRequire(import.meta.url);
  const cliDir = path.dirname(require.resolve('prisma/package.json'));
  const compiled = new WebAssembly.Module(readFileSync(path.join(cliDir, 'build', 'prisma_schema_build_bg.wasm')));
  const text = (ptr: number, len: number) => new TextDecoder().decode(new Uint8Array(wasm.memory.buffer, ptr, len));
  const imports: Record<string, Record<string, (...args: number[]) => unknown>> = {};
  for (const imp of WebAssembly.Module.imports(compiled)) {
    let fn: (...args: number[]) => unknown;
    if (imp.name.startsWith('__wbg_Error_')) fn = (p, l) => new Error(text(p, l));
    else if (imp.name.includes('wbindgen_throw'))
      fn = (p, l) => {
        throw new Error(text(p, l));
      };
    else if (imp.name.startsWith('__wbg_set_message_')) fn = () => undefined;
    else if (imp.name === '__wbindgen_init_externref_table') {
      fn = () => {
        const table = wasm.__wbindgen_externrefs;
        const offset = table.grow(4);
        table.set(0, undefined);
        table.set(offset, undefined);
        table.set(offset + 1, null);
        table.set(offset + 2, true);
        table.set(offset + 3, false);
      };
    } else
      throw new Error(
        `prisma_schema_build wasm wants an unknown import ${imp.module}.${imp.name}; update tests/helpers/prisma-schema.ts`,
      );
    (imports[imp.module] ??= {})[imp.name] = fn;
  }
  // The import functions above run only from inside the instance, after this line has set wasm.
  const wasm = new WebAssembly.Instance(compiled, imports).exports as unknown as SchemaWasm;
  wasm.__wbindgen_start();
  return wasm;
}

export function schemaPath(): string {
  return path.resolve(process.cwd(), 'prisma', 'schema.prisma');
}

export function loadDatamodel(file: string = schemaPath()): Datamodel {
  const wasm = loadSchemaWasm();
  const input = new TextEncoder().encode(JSON.stringify({ prismaSchema: readFileSync(file, 'utf8'), noColor: true }));
  const ptr = wasm.__wbindgen_malloc(input.length, 1);
  new Uint8Array(wasm.memory.buffer, ptr, input.length).set(input);
  const [outPtr, outLen, errRef, isErr] = wasm.get_dmmf(ptr, input.length);
  if (isErr) throw wasm.__wbindgen_externrefs.get(errRef);
  const json = new TextDecoder().decode(new Uint8Array(wasm.memory.buffer, outPtr, outLen));
  wasm.__wbindgen_free(outPtr, outLen, 1);
  return (JSON.parse(json) as { datamodel: Datamodel }).datamodel;
}

/** Unsupported("...") fields, which the DMMF leaves out: model -> field -> database type. */
export function unsupportedFields(file: string = schemaPath()): Map<string, Map<string, { type: string; optional: boolean }>> {
  const source = readFileSync(file, 'utf8').replace(/\/\/.*$/gm, '');
  const result = new Map<string, Map<string, { type: string; optional: boolean }>>();
  for (const model of source.matchAll(/^\s*model\s+(\w+)\s*\{([\s\S]*?)^\s*\}/gm)) {
    for (const field of model[2]!.matchAll(/^\s*(\w+)\s+Unsupported\(\s*"([^"]+)"\s*\)(\?)?/gm)) {
      if (!result.has(model[1]!)) result.set(model[1]!, new Map());
      result.get(model[1]!)!.set(field[1]!, { type: field[2]!, optional: field[3] === '?' });
    }
  }
  return result;
}
