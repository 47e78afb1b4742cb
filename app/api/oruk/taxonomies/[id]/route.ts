import { orukOptions, orukResponse } from '@/lib/oruk/publish/api';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return orukResponse(request, { kind: 'taxonomy', id });
}

export const OPTIONS = orukOptions;
