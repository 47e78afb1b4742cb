import { db } from '@/lib/db/client';
import { checkHealth } from '@/lib/ops/health';

// Always ask the database at request time; a cached answer would hide an outage.
export const dynamic = 'force-dynamic';

export async function GET() {
  const health = await checkHealth(db);
  return Response.json(health, {
    status: health.status === 'ok' ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  });
}
