// The standard's API description with this server's address filled in.
import { orukOptions, orukResponse } from '@/lib/oruk/publish/api';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return orukResponse(request, { kind: 'openapi' });
}

export const OPTIONS = orukOptions;
