// A fast path only: signed-out visitors to staff pages go straight to sign-in, and every page
// learns its own path (for the sign-in callback). The real checks are in lib/auth/session.ts,
// which every staff page and action calls; this file never decides who may see what.
import { NextResponse, type NextRequest } from 'next/server';
import { SESSION_COOKIE_NAMES } from '@/lib/auth/cookies';
import { REQUEST_PATH_HEADER } from '@/lib/auth/request';
import { staffPathPrefixes } from '@/lib/auth/roles';

function isStaffPath(pathname: string): boolean {
  return staffPathPrefixes.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

function hasSessionCookie(request: NextRequest): boolean {
  return SESSION_COOKIE_NAMES.some((name) => request.cookies.has(name));
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const here = `${pathname}${search}`;

  // Only page loads: a form post or server action without a session is answered by the action
  // itself, which keeps what was typed (lib/auth/session.ts), rather than redirected away.
  const pageLoad = request.method === 'GET' || request.method === 'HEAD';
  if (pageLoad && isStaffPath(pathname) && !hasSessionCookie(request)) {
    const signIn = new URL('/sign-in', request.url);
    signIn.searchParams.set('callbackUrl', here);
    return NextResponse.redirect(signIn);
  }

  const headers = new Headers(request.headers);
  headers.set(REQUEST_PATH_HEADER, here);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Pages only: not API routes, Next's own files or static assets.
  matcher: [
    '/((?!api/|_next/static|_next/image|favicon\\.ico|robots\\.txt|.*\\.(?:png|jpg|jpeg|gif|svg|ico|webp|css|js|map|txt|xml|json|woff2?)$).*)',
  ],
};
