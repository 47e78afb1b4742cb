// The whole directory as CSV, in the import's shape, streamed a page at a time.
import { getSessionUser } from '@/lib/auth/session';
import { recordAudit } from '@/lib/audit/record';
import { db } from '@/lib/db/client';
import { exportCsv } from '@/lib/import';

export const dynamic = 'force-dynamic';

export async function GET() {
  const user = await getSessionUser();
  if (!user) return Response.json({ message: 'Sign in as an administrator to export' }, { status: 401 });
  if (user.role !== 'admin') return Response.json({ message: 'Only administrators can export' }, { status: 403 });
  await recordAudit(db(), { actor: user, action: 'directory.exported', entityType: 'import' });
  const lines = exportCsv(db());
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="directory-${day}.csv"`,
      'cache-control': 'no-store',
    },
  });
}
