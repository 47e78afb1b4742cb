// Many rows in one INSERT: each column travels as one array parameter and unnest() turns them back
// into rows. Far fewer round trips and parameters than a row-per-value INSERT, for imports of
// tens of thousands of listings. Table and column names come from this code, never from input.
import type { Tx } from '@/lib/db/client';

export type ColumnType =
  | 'uuid'
  | 'text'
  | 'int'
  | 'float8'
  | 'bool'
  | 'timestamp'
  | 'date'
  | 'jsonb'
  | 'text[]'
  | { enum: string }
  | { enumArray: string };

export type BulkColumn = { name: string; type: ColumnType; values: unknown[] };

function paramType(t: ColumnType): string {
  if (typeof t === 'object') return 'text[]';
  switch (t) {
    case 'int':
      return 'int[]';
    case 'float8':
      return 'float8[]';
    case 'bool':
      return 'bool[]';
    default:
      return 'text[]';
  }
}

function selectExpr(t: ColumnType, ref: string): string {
  if (typeof t === 'object') {
    if ('enum' in t) return `${ref}::"${t.enum}"`;
    return `ARRAY(SELECT jsonb_array_elements_text(${ref}::jsonb))::"${t.enumArray}"[]`;
  }
  switch (t) {
    case 'uuid':
      return `${ref}::uuid`;
    case 'timestamp':
      return `${ref}::timestamp(3)`;
    case 'date':
      return `${ref}::date`;
    case 'jsonb':
      return `${ref}::jsonb`;
    case 'text[]':
      return `ARRAY(SELECT jsonb_array_elements_text(${ref}::jsonb))`;
    default:
      return ref;
  }
}

function paramValue(t: ColumnType, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (t === 'timestamp' && v instanceof Date) return v.toISOString();
  if (t === 'date' && v instanceof Date) return v.toISOString().slice(0, 10);
  if (t === 'jsonb' || t === 'text[]' || (typeof t === 'object' && 'enumArray' in t)) return JSON.stringify(v);
  return v;
}

/** Inserts rows given column by column (every column the same length), `chunk` rows per statement. */
export async function bulkInsert(tx: Tx, table: string, columns: readonly BulkColumn[], chunk = 5000): Promise<void> {
  const n = columns[0]?.values.length ?? 0;
  if (columns.some((c) => c.values.length !== n)) throw new Error(`bulkInsert ${table}: columns of different lengths`);
  const names = columns.map((c) => `"${c.name}"`).join(', ');
  const select = columns.map((c, i) => selectExpr(c.type, `u.c${i}`)).join(', ');
  const unnest = columns.map((c, i) => `$${i + 1}::${paramType(c.type)}`).join(', ');
  const alias = columns.map((_, i) => `c${i}`).join(', ');
  const sql = `INSERT INTO "${table}" (${names}) SELECT ${select} FROM unnest(${unnest}) AS u(${alias})`;
  for (let start = 0; start < n; start += chunk) {
    const params = columns.map((c) => c.values.slice(start, start + chunk).map((v) => paramValue(c.type, v)));
    await tx.$executeRawUnsafe(sql, ...params);
  }
}

/** Columns from row objects: `bulkInsert(tx, 'T', columnsOf(rows, { id: 'uuid', name: 'text' }))`. */
export function columnsOf<R extends Record<string, unknown>>(
  rows: readonly R[],
  types: { [K in keyof R]?: ColumnType },
): BulkColumn[] {
  return Object.entries(types).map(([name, type]) => ({ name, type: type as ColumnType, values: rows.map((r) => r[name]) }));
}
