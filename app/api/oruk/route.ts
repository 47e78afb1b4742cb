// The Open Referral UK v3 API's root (lib/oruk/publish/api.ts does the work).
import { orukOptions, orukResponse } from '@/lib/oruk/publish/api';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return orukResponse(request, { kind: 'root' });
}

export const OPTIONS = orukOptions;
