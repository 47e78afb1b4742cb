// A fast path only: signed-out visitors to staff pages go straight to sign-in, and every page
// learns its own path (for the sign-in callback). The real checks are in lib/auth/session.ts,
// which every staff page and action calls; this file never decides who may see what.
// It also sends every page its security headers (lib/security/headers.ts) with a fresh script
// nonce, and answers a form posted from another site with a 403 page rather than Next's 500.
import { NextResponse, type NextRequest } from 'next/server';
import { SESSION_COOKIE_NAMES } from '@/lib/auth/cookies';
import { REQUEST_PATH_HEADER } from '@/lib/auth/request';
import { staffPathPrefixes } from '@/lib/auth/roles';
import { config as settings } from '@/lib/config';
import {
  contentSecurityPolicy,
  crossOriginRefusalPage,
  isSameOriginPost,
  newNonce,
  strictTransportSecurity,
} from '@/lib/security/headers';

function isStaffPath(pathname: string): boolean {
  return staffPathPrefixes.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

function hasSessionCookie(request: NextRequest): boolean {
  return SESSION_COOKIE_NAMES.some((name) => request.cookies.has(name));
}

function withSecurityHeaders(response: NextResponse, policy: string): NextResponse {
  response.headers.set('Content-Security-Policy', policy);
  const hsts = strictTransportSecurity(settings.baseUrl);
  if (hsts) response.headers.set('Strict-Transport-Security', hsts);
  return response;
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const here = `${pathname}${search}`;
  const nonce = newNonce();
  const policy = contentSecurityPolicy({
    nonce,
    tileUrl: settings.map.tileUrl,
    development: process.env.NODE_ENV === 'development',
    https: settings.baseUrl.toLowerCase().startsWith('https://'),
  });

  // Server actions post to pages. Next refuses one from another origin with a 500; say it plainly.
  if (request.method === 'POST') {
    const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
    if (!isSameOriginPost(request.headers.get('origin'), host)) {
      const refused = new NextResponse(crossOriginRefusalPage(settings.borough.serviceName, settings.baseUrl), {
        status: 403,
        headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
      });
      return withSecurityHeaders(refused, policy);
    }
  }

  // Only page loads: a form post or server action without a session is answered by the action
  // itself, which keeps what was typed (lib/auth/session.ts), rather than redirected away.
  const pageLoad = request.method === 'GET' || request.method === 'HEAD';
  if (pageLoad && isStaffPath(pathname) && !hasSessionCookie(request)) {
    const signIn = new URL('/sign-in', request.url);
    signIn.searchParams.set('callbackUrl', here);
    return withSecurityHeaders(NextResponse.redirect(signIn), policy);
  }

  // Copies a client sent are replaced: Next reads the nonce for its own scripts from the request's policy.
  const headers = new Headers(request.headers);
  headers.set(REQUEST_PATH_HEADER, here);
  headers.set('x-nonce', nonce);
  headers.set('Content-Security-Policy', policy);
  return withSecurityHeaders(NextResponse.next({ request: { headers } }), policy);
}

export const config = {
  // Pages only: not API routes, Next's own files or static assets.
  matcher: [
    '/((?!api/|_next/static|_next/image|favicon\\.ico|robots\\.txt|.*\\.(?:png|jpg|jpeg|gif|svg|ico|webp|css|js|map|txt|xml|json|woff2?)$).*)',
  ],
};
