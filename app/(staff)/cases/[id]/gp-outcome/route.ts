import { getSessionUser } from '@/lib/auth/session';
import { gpOutcomeDocument } from '@/lib/cases/fhir';
import { db } from '@/lib/db/client';

// The outcome for the GP record as a FHIR R4 Bundle (Task + Communication), for staff who may see
// the case; audited. docs/decisions/0019-gp-outcome-and-fhir.md
export const dynamic = 'force-dynamic';

const headers = { 'Cache-Control': 'no-store' };

const refusals = {
  not_found: { status: 404, error: 'There is no case with that id.' },
  forbidden: { status: 403, error: 'You cannot see this case.' },
  open: { status: 409, error: 'The case is still open: the outcome is ready when it closes.' },
  not_agreed: {
    status: 409,
    error: 'The person has not agreed (or no longer agrees) to their GP practice being told, or no practice is recorded.',
  },
} as const;

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getSessionUser();
  if (!user) return Response.json({ error: 'Sign in to download the outcome.' }, { status: 401, headers });
  const { id } = await params;
  const result = await db().$transaction((tx) => gpOutcomeDocument(tx, user, id));
  if (!result.ok) {
    const r = refusals[result.reason];
    return Response.json({ error: r.error }, { status: r.status, headers });
  }
  return new Response(JSON.stringify(result.bundle, null, 2), {
    status: 200,
    headers: {
      ...headers,
      'Content-Type': 'application/fhir+json; charset=utf-8',
      'Content-Disposition': `attachment; filename="gp-outcome-${result.reference}.json"`,
    },
  });
}
