import { getSessionUser } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { exportPerson } from '@/lib/people/subject-access';

// A subject access export: everything held about one person, as JSON. Admins only; audited.
export const dynamic = 'force-dynamic';

const headers = { 'Cache-Control': 'no-store' };

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getSessionUser();
  if (!user) return Response.json({ error: 'Sign in to export a person’s record.' }, { status: 401, headers });
  const { id } = await params;
  const result = await db().$transaction((tx) => exportPerson(tx, user, id));
  if (!result.ok) {
    return result.reason === 'forbidden'
      ? Response.json({ error: 'Only an administrator can export a person’s record.' }, { status: 403, headers })
      : Response.json({ error: 'No person has that id.' }, { status: 404, headers });
  }
  const day = new Date().toISOString().slice(0, 10);
  return new Response(JSON.stringify(result.data, null, 2), {
    status: 200,
    headers: {
      ...headers,
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="subject-access-${id}-${day}.json"`,
    },
  });
}
