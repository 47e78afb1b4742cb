// Bulk inserts for the seed: each batch goes to PostgreSQL as one JSON parameter, expanded with
// json_populate_recordset and inserted with ON CONFLICT DO NOTHING (so a second run adds nothing).
// Much faster than createMany for tens of thousands of rows; types come from the table itself.
import type { PrismaClient } from '../../lib/db/generated/client';

type Row = Record<string, unknown>;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Inserts rows into a table (named as in schema.prisma); returns how many were new. */
export async function insertRows(db: PrismaClient, table: string, rows: readonly Row[], batchSize = 2000): Promise<number> {
  // Rows with the same set of fields share one statement, so omitted fields take their defaults.
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const clean: Row = {};
    for (const [k, v] of Object.entries(row)) if (v !== undefined) clean[k] = v;
    const key = Object.keys(clean).sort().join(',');
    const list = groups.get(key);
    if (list) list.push(clean);
    else groups.set(key, [clean]);
  }
  let inserted = 0;
  for (const [key, list] of groups) {
    const columns = key.split(',').map(quote).join(', ');
    const select = key
      .split(',')
      .map((c) => `x.${quote(c)}`)
      .join(', ');
    const sql = `INSERT INTO ${quote(table)} (${columns}) SELECT ${select} FROM json_populate_recordset(NULL::${quote(table)}, $1::json) AS x ON CONFLICT DO NOTHING`;
    for (let i = 0; i < list.length; i += batchSize) {
      inserted += await db.$executeRawUnsafe(sql, JSON.stringify(list.slice(i, i + batchSize)));
    }
  }
  return inserted;
}
