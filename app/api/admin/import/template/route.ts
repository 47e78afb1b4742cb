import { db } from '@/lib/db/client';
import { templateCsv } from '@/lib/import';

export const dynamic = 'force-dynamic';

/** The import template: the columns and one example row using this borough's own needs codes. */
export async function GET() {
  const needs = await db().taxonomyTerm.findMany({ where: { parentId: null }, orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }], take: 2, select: { code: true } });
  return new Response(templateCsv(needs.map((n) => n.code)), {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="directory-import-template.csv"' },
  });
}
