// The hand-written migrations and prisma/schema.prisma must describe the same database, both
// ways: everything the schema declares exists as Prisma would create it, and the migrated
// database holds no table, column, enum, unique index or foreign key the schema does not know.
// Search extras (tsvector triggers, GIN/GiST indexes) are allowed as long as they add no
// uniqueness and no columns.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type FreshDatabase } from '../helpers/db';
import { loadDatamodel, unsupportedFields, type DmmfField, type DmmfModel } from '../helpers/prisma-schema';

interface Column {
  table: string;
  name: string;
  notNull: boolean;
  formatType: string;
  baseType: string;
  baseTypeKind: string;
  isArray: boolean;
  default: string | null;
}

interface Index {
  table: string;
  name: string;
  unique: boolean;
  primary: boolean;
  columns: string[];
  plain: boolean;
  method: string;
}

interface ForeignKey {
  name: string;
  table: string;
  columns: string[];
  refTable: string;
  refColumns: string[];
  onDelete: string;
  onUpdate: string;
}

const ACTIONS: Record<string, string> = { a: 'NoAction', r: 'Restrict', c: 'Cascade', n: 'SetNull', d: 'SetDefault' };

const datamodel = loadDatamodel();
const unsupported = unsupportedFields();
const tableOf = (m: DmmfModel) => m.dbName ?? m.name;
const modelByName = new Map(datamodel.models.map((m) => [m.name, m]));
const enumDbName = new Map(datamodel.enums.map((e) => [e.name, e.dbName ?? e.name]));
const columnOf = (model: DmmfModel, fieldName: string) => {
  const f = model.fields.find((x) => x.name === fieldName);
  if (!f) throw new Error(`${model.name}.${fieldName} is not in the schema`);
  return f.dbName ?? f.name;
};
const scalarFields = (m: DmmfModel) => m.fields.filter((f) => f.kind === 'scalar' || f.kind === 'enum');

/** format_type() of the column Prisma creates for a scalar field (enums are checked by name). */
function expectedType(f: DmmfField): string {
  const native = f.nativeType;
  let base: string | undefined;
  if (native) {
    const [name, args] = native;
    base = {
      Uuid: 'uuid',
      Date: 'date',
      Text: 'text',
      Citext: 'citext',
      Inet: 'inet',
      JsonB: 'jsonb',
      Json: 'json',
      Timestamptz: `timestamp(${args[0] ?? 6}) with time zone`,
      Timestamp: `timestamp(${args[0] ?? 6}) without time zone`,
      VarChar: args[0] ? `character varying(${args[0]})` : 'character varying',
      Char: `character(${args[0] ?? 1})`,
      SmallInt: 'smallint',
      Integer: 'integer',
      BigInt: 'bigint',
      Real: 'real',
      DoublePrecision: 'double precision',
      Decimal: `numeric(${args.join(',')})`,
    }[name];
    if (!base) throw new Error(`No mapping for native type @db.${name} (${f.name}); add it to this test`);
  } else {
    base = {
      String: 'text',
      Int: 'integer',
      BigInt: 'bigint',
      Float: 'double precision',
      Decimal: 'numeric(65,30)',
      Boolean: 'boolean',
      DateTime: 'timestamp(3) without time zone',
      Json: 'jsonb',
      Bytes: 'bytea',
    }[f.type];
    if (!base) throw new Error(`No mapping for Prisma type ${f.type} (${f.name}); add it to this test`);
  }
  return f.isList ? `${base}[]` : base;
}

const literal = (v: string) => `'${v.replace(/'/g, "''")}'`;

/** pg_get_expr() of the default Prisma creates, or null for none; uuid() may also be gen_random_uuid(). */
function expectedDefaults(f: DmmfField, column: Column): (string | null)[] {
  if (!f.hasDefaultValue) return [null];
  const d = f.default as unknown;
  if (f.isList) {
    if (Array.isArray(d) && d.length === 0) return [`ARRAY[]::${column.formatType}`];
    throw new Error(`List default ${JSON.stringify(d)} on ${f.name} is not handled by this test`);
  }
  if (d && typeof d === 'object' && 'name' in d) {
    const fn = (d as { name: string }).name;
    if (fn === 'now') return ['CURRENT_TIMESTAMP'];
    if (fn === 'uuid' || fn === 'cuid') return [null, 'gen_random_uuid()'];
    if (fn === 'autoincrement') return [`nextval('"${column.table}_${column.name}_seq"'::regclass)`];
    throw new Error(`Default function ${fn}() on ${f.name} is not handled by this test`);
  }
  if (typeof d === 'boolean' || typeof d === 'number') return [String(d)];
  if (typeof d === 'string') return [`${literal(d)}::${column.formatType}`];
  throw new Error(`Default ${JSON.stringify(d)} on ${f.name} is not handled by this test`);
}

let database: FreshDatabase;
let client: pg.Client;
let tables: string[];
let columns: Column[];
let indexes: Index[];
let foreignKeys: ForeignKey[];
let enums: Map<string, string[]>;

beforeAll(async () => {
  database = await freshDatabase();
  client = new pg.Client({ connectionString: database.url });
  await client.connect();

  // Relations that belong to an extension are not ours to compare.
  const notFromExtension = (oid: string, catalog: string) =>
    `NOT EXISTS (SELECT 1 FROM pg_depend dep WHERE dep.objid = ${oid} AND dep.classid = '${catalog}'::regclass AND dep.deptype = 'e')`;

  tables = (
    await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND ${notFromExtension('c.oid', 'pg_class')}
        ORDER BY 1`,
    )
  ).rows.map((r) => r.name);

  columns = (
    await client.query<Column>(
      `SELECT c.relname AS "table", a.attname AS name, a.attnotnull AS "notNull",
              format_type(a.atttypid, a.atttypmod) AS "formatType",
              coalesce(elem.typname, t.typname) AS "baseType",
              coalesce(elem.typtype, t.typtype) AS "baseTypeKind",
              (t.typcategory = 'A') AS "isArray",
              pg_get_expr(d.adbin, d.adrelid) AS "default"
         FROM pg_attribute a
         JOIN pg_class c ON c.oid = a.attrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
         JOIN pg_type t ON t.oid = a.atttypid
         LEFT JOIN pg_type elem ON elem.oid = t.typelem AND t.typcategory = 'A'
         LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY 1, a.attnum`,
    )
  ).rows;

  indexes = (
    await client.query<Index>(
      `SELECT t.relname AS "table", i.relname AS name, x.indisunique AS unique, x.indisprimary AS primary,
              ARRAY(SELECT a.attname FROM unnest(x.indkey) WITH ORDINALITY k(attnum, ord)
                      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
                     ORDER BY k.ord)::text[] AS columns,
              (x.indexprs IS NULL AND x.indpred IS NULL) AS plain,
              am.amname AS method
         FROM pg_index x
         JOIN pg_class i ON i.oid = x.indexrelid
         JOIN pg_class t ON t.oid = x.indrelid
         JOIN pg_am am ON am.oid = i.relam
         JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = current_schema() AND t.relkind IN ('r', 'p')
        ORDER BY 1, 2`,
    )
  ).rows;

  foreignKeys = (
    await client.query<ForeignKey>(
      `SELECT con.conname AS name, t.relname AS "table", r.relname AS "refTable",
              ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                      JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS columns,
              ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
                      JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS "refColumns",
              con.confdeltype AS "onDelete", con.confupdtype AS "onUpdate"
         FROM pg_constraint con
         JOIN pg_class t ON t.oid = con.conrelid
         JOIN pg_class r ON r.oid = con.confrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE con.contype = 'f' AND n.nspname = current_schema()
        ORDER BY 1`,
    )
  ).rows.map((fk) => ({ ...fk, onDelete: ACTIONS[fk.onDelete] ?? fk.onDelete, onUpdate: ACTIONS[fk.onUpdate] ?? fk.onUpdate }));

  enums = new Map(
    (
      await client.query<{ name: string; labels: string[] }>(
        `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS labels
           FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
          WHERE n.nspname = current_schema() AND ${notFromExtension('t.oid', 'pg_type')}
          GROUP BY t.typname`,
      )
    ).rows.map((r) => [r.name, r.labels]),
  );
});

afterAll(async () => {
  await client?.end();
  await database?.drop();
});

describe('the migrated database matches prisma/schema.prisma', () => {
  it('reads a non-trivial data model from the schema (guards the comparison itself)', () => {
    expect(datamodel.models.length).toBeGreaterThan(20);
    expect(datamodel.enums.length).toBeGreaterThan(10);
    expect(unsupported.get('Service')?.get('searchVector')?.type).toBe('tsvector');
    expect(tables.length).toBeGreaterThan(20);
  });

  it('has every enum with exactly the schema values, and no other enum', () => {
    const problems: string[] = [];
    for (const e of datamodel.enums) {
      const name = e.dbName ?? e.name;
      const labels = enums.get(name);
      const want = e.values.map((v) => v.dbName ?? v.name);
      if (!labels) problems.push(`enum ${name} is missing`);
      else if ([...labels].sort().join(',') !== [...want].sort().join(',')) {
        problems.push(`enum ${name} has [${labels.join(', ')}], the schema says [${want.join(', ')}]`);
      }
    }
    const known = new Set(enumDbName.values());
    for (const name of enums.keys()) if (!known.has(name)) problems.push(`enum ${name} is not in the schema`);
    expect(problems).toEqual([]);
  });

  it('has a table for every model and no table the schema does not know', () => {
    const problems: string[] = [];
    const want = new Set(datamodel.models.map(tableOf));
    for (const t of want) if (!tables.includes(t)) problems.push(`table ${t} is missing`);
    for (const t of tables) if (!want.has(t) && t !== '_prisma_migrations') problems.push(`table ${t} is not in the schema`);
    expect(problems).toEqual([]);
  });

  it('has every scalar field as a column of the right type, nullability and default', () => {
    const problems: string[] = [];
    for (const model of datamodel.models) {
      const table = tableOf(model);
      for (const f of scalarFields(model)) {
        const name = f.dbName ?? f.name;
        const col = columns.find((c) => c.table === table && c.name === name);
        if (!col) {
          problems.push(`${table}.${name} is missing`);
          continue;
        }
        if (f.kind === 'enum') {
          const enumName = enumDbName.get(f.type);
          if (col.baseType !== enumName || col.baseTypeKind !== 'e' || col.isArray !== f.isList) {
            problems.push(`${table}.${name} is ${col.formatType}, the schema says ${f.type}${f.isList ? '[]' : ''}`);
          }
        } else if (col.formatType !== expectedType(f)) {
          problems.push(`${table}.${name} is ${col.formatType}, expected ${expectedType(f)}`);
        }
        // Lists are NOT NULL too: the client types them string[], never null.
        const notNull = f.isRequired || f.isList;
        if (col.notNull !== notNull)
          problems.push(
            `${table}.${name} is ${col.notNull ? 'NOT NULL' : 'nullable'}, expected ${notNull ? 'NOT NULL' : 'nullable'}`,
          );
        const defaults = f.isUpdatedAt ? [null] : expectedDefaults(f, col);
        if (!defaults.includes(col.default)) {
          problems.push(
            `${table}.${name} has default ${col.default ?? '(none)'}, expected ${defaults.map((d) => d ?? '(none)').join(' or ')}`,
          );
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('has no column the schema does not know (Unsupported fields included, with their type)', () => {
    const problems: string[] = [];
    for (const model of datamodel.models) {
      const table = tableOf(model);
      const known = new Set(scalarFields(model).map((f) => f.dbName ?? f.name));
      const extra = unsupported.get(model.name) ?? new Map();
      for (const col of columns.filter((c) => c.table === table)) {
        if (known.has(col.name)) continue;
        const u = extra.get(col.name);
        if (!u) problems.push(`${table}.${col.name} is not in the schema`);
        else if (col.formatType !== u.type)
          problems.push(`${table}.${col.name} is ${col.formatType}, the schema says Unsupported("${u.type}")`);
        else if (col.notNull === u.optional) problems.push(`${table}.${col.name} nullability differs from the schema`);
      }
      for (const name of extra.keys()) {
        if (!columns.some((c) => c.table === table && c.name === name))
          problems.push(`${table}.${name} (Unsupported) is missing`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has the primary keys, unique indexes and indexes the schema declares, named as Prisma names them', () => {
    const problems: string[] = [];
    for (const model of datamodel.models) {
      const table = tableOf(model);
      const pkFields = model.primaryKey?.fields ?? model.fields.filter((f) => f.isId).map((f) => f.name);
      const pkName = model.primaryKey?.name ?? `${table}_pkey`;
      const pk = indexes.find((i) => i.table === table && i.primary);
      const pkColumns = pkFields.map((f) => columnOf(model, f));
      if (!pk) problems.push(`${table} has no primary key`);
      else if (pk.name !== pkName || pk.columns.join(',') !== pkColumns.join(',')) {
        problems.push(
          `${table} primary key is ${pk.name}(${pk.columns.join(', ')}), expected ${pkName}(${pkColumns.join(', ')})`,
        );
      }
    }
    for (const idx of datamodel.indexes) {
      if (idx.type === 'id') continue;
      if (idx.type === 'fulltext') throw new Error('fulltext indexes are MySQL-only');
      const model = modelByName.get(idx.model)!;
      const table = tableOf(model);
      const cols = idx.fields.map((f) => columnOf(model, f.name));
      const name = idx.dbName ?? `${table}_${cols.join('_')}_${idx.type === 'unique' ? 'key' : 'idx'}`;
      const found = indexes.find((i) => i.table === table && i.name === name);
      if (!found) problems.push(`index ${name} on ${table}(${cols.join(', ')}) is missing`);
      else if (found.columns.join(',') !== cols.join(',') || !found.plain || found.method !== 'btree') {
        problems.push(
          `index ${name} is ${found.method} on (${found.columns.join(', ')}), expected btree on (${cols.join(', ')})`,
        );
      } else if (found.unique !== (idx.type === 'unique')) {
        problems.push(`index ${name} is ${found.unique ? '' : 'not '}unique, the schema says ${idx.type}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has no uniqueness the schema does not declare', () => {
    const problems: string[] = [];
    const declared = new Set<string>();
    for (const idx of datamodel.indexes) {
      if (idx.type !== 'unique') continue;
      const model = modelByName.get(idx.model)!;
      const cols = idx.fields.map((f) => columnOf(model, f.name));
      declared.add(idx.dbName ?? `${tableOf(model)}_${cols.join('_')}_key`);
    }
    for (const i of indexes) {
      if (i.table === '_prisma_migrations' || i.primary || !i.unique) continue;
      if (!declared.has(i.name))
        problems.push(`unique index ${i.name} on ${i.table}(${i.columns.join(', ')}) is not in the schema`);
    }
    expect(problems).toEqual([]);
  });

  it('has a foreign key for every relation, with its referential actions, and no other', () => {
    const problems: string[] = [];
    const expected = new Set<string>();
    for (const model of datamodel.models) {
      const table = tableOf(model);
      for (const f of model.fields) {
        if (f.kind !== 'object' || !f.relationFromFields?.length) continue;
        const target = modelByName.get(f.type)!;
        const cols = f.relationFromFields.map((n) => columnOf(model, n));
        const refCols = (f.relationToFields ?? []).map((n) => columnOf(target, n));
        const name = `${table}_${cols.join('_')}_fkey`;
        expected.add(name);
        const required = f.relationFromFields.every((n) => model.fields.find((x) => x.name === n)?.isRequired);
        const onDelete = f.relationOnDelete ?? (required ? 'Restrict' : 'SetNull');
        const onUpdate = f.relationOnUpdate ?? 'Cascade';
        const fk = foreignKeys.find((k) => k.name === name);
        if (!fk) {
          problems.push(`foreign key ${name} (${model.name}.${f.name}) is missing`);
          continue;
        }
        const got = `${fk.table}(${fk.columns}) -> ${fk.refTable}(${fk.refColumns}) ON DELETE ${fk.onDelete} ON UPDATE ${fk.onUpdate}`;
        const want = `${table}(${cols}) -> ${tableOf(target)}(${refCols}) ON DELETE ${onDelete} ON UPDATE ${onUpdate}`;
        if (got !== want) problems.push(`foreign key ${name} is ${got}, expected ${want}`);
      }
    }
    for (const fk of foreignKeys)
      if (!expected.has(fk.name)) problems.push(`foreign key ${fk.name} on ${fk.table} is not in the schema`);
    expect(problems).toEqual([]);
  });

  it('records every migration folder as applied', async () => {
    const { rows } = await client.query<{ migration_name: string }>(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY 1',
    );
    const { readMigrations } = await import('../../lib/db/migrate');
    expect(rows.map((r) => r.migration_name)).toEqual((await readMigrations()).map((m) => m.name));
  });
});
