import { orukOptions, orukResponse } from '@/lib/oruk/publish/api';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return orukResponse(request, { kind: 'taxonomies' });
}

export const OPTIONS = orukOptions;
