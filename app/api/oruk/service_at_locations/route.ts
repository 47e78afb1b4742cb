import { orukOptions, orukResponse } from '@/lib/oruk/publish/api';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return orukResponse(request, { kind: 'service_at_locations' });
}

export const OPTIONS = orukOptions;
