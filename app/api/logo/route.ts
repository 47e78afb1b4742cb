// The service's logo (lib/settings/logo.ts), under /api so the pages' proxy leaves its headers as
// they are. Its address carries its version (/api/logo?v=...), so a versioned request is cached for
// a year and a new logo has a new address.
import { db } from '@/lib/db/client';
import { readLogo } from '@/lib/settings';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  const logo = await readLogo(db());
  if (!logo) return new Response('No logo', { status: 404, headers: { 'Cache-Control': 'no-store' } });
  const etag = `"${logo.etag}"`;
  const versioned = new URL(request.url).searchParams.get('v') === logo.etag;
  const headers = new Headers({
    'Content-Type': logo.type,
    ETag: etag,
    'Cache-Control': versioned ? 'public, max-age=31536000, immutable' : 'public, max-age=0, must-revalidate',
    'X-Content-Type-Options': 'nosniff',
    // Opened on its own, an SVG may run nothing and reach nothing.
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    'Content-Disposition': 'inline; filename="logo"',
  });
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(logo.bytes), { status: 200, headers });
}
