import { db } from '@/lib/db/client';
import { importTemplate } from '@/lib/import';

export const dynamic = 'force-dynamic';

/** The import template: the columns and one example row using this borough's own needs codes. */
export async function GET() {
  return new Response(await importTemplate(db()), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="directory-import-template.csv"',
    },
  });
}
