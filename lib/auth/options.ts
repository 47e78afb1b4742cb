// next-auth 4 configuration: e-mail and password (Credentials) with JWT sessions. The token holds
// only the user's id, role and sessionVersion; everything else is loaded fresh on each request.
import 'server-only';
import type { AuthOptions } from 'next-auth';
import type { JWT } from 'next-auth/jwt';
import CredentialsProvider from 'next-auth/providers/credentials';
import { config } from '@/lib/config';
import { db } from '@/lib/db/client';
import { authenticate, type AuthenticatedUser } from './authenticate';
import { loadSessionUser } from './load-user';
import { clientIp } from './request';
import { safeCallbackUrl } from './roles';
import { resolveAuthSecret } from './secret';
import { SIGN_IN_ERRORS } from './sign-in-form';
import type { Role, SessionUser } from './types';
import { roles } from './types';

export function useSecureCookies(): boolean {
  return config.baseUrl.startsWith('https://');
}

/** The session cookie, shared by next-auth and the sign-in server action so both agree. */
export function sessionCookie() {
  const secure = useSecureCookies();
  return {
    name: `${secure ? '__Secure-' : ''}next-auth.session-token`,
    options: { httpOnly: true, sameSite: 'lax' as const, path: '/', secure },
  };
}

export function sessionMaxAgeSeconds(): number {
  return config.auth.sessionMaxAgeSeconds;
}

export type TokenClaims = { sub: string; name: string; email: string; role: Role; sv: number };

export function claimsFor(user: AuthenticatedUser): TokenClaims {
  return { sub: user.id, name: user.name, email: user.email, role: user.role, sv: user.sessionVersion };
}

export function readClaims(token: JWT | null | undefined): { id: string; sessionVersion: number } | null {
  if (!token || typeof token.sub !== 'string' || typeof token.sv !== 'number') return null;
  if (typeof token.role !== 'string' || !(roles as readonly string[]).includes(token.role)) return null;
  return { id: token.sub, sessionVersion: token.sv };
}

export type AppSession = { expires: string; user?: SessionUser };

let secret: Promise<string> | undefined;

export function authSecret(): Promise<string> {
  secret ??= resolveAuthSecret(db()).catch((error: unknown) => {
    secret = undefined;
    throw error;
  });
  return secret;
}

export async function getAuthOptions(): Promise<AuthOptions> {
  // next-auth 4 reads its own address from the environment.
  process.env.NEXTAUTH_URL ??= config.baseUrl;
  const maxAge = sessionMaxAgeSeconds();
  return {
    secret: await authSecret(),
    useSecureCookies: useSecureCookies(),
    cookies: { sessionToken: sessionCookie() },
    session: { strategy: 'jwt', maxAge },
    jwt: { maxAge },
    pages: { signIn: '/sign-in', error: '/sign-in', signOut: '/sign-in' },
    providers: [
      CredentialsProvider({
        id: 'credentials',
        name: 'Email and password',
        credentials: {
          email: { label: 'Email address', type: 'email' },
          password: { label: 'Password', type: 'password' },
        },
        async authorize(credentials, req) {
          const result = await authenticate(db(), {
            email: String(credentials?.email ?? ''),
            password: String(credentials?.password ?? ''),
            ip: clientIp(req.headers ?? {}),
          });
          if (result.ok) return result.user;
          if (result.reason === 'locked') throw new Error(SIGN_IN_ERRORS.locked);
          if (result.reason === 'rate_limited') throw new Error(SIGN_IN_ERRORS.rateLimited);
          return null;
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) return { ...token, ...claimsFor(user as unknown as AuthenticatedUser) };
        return token;
      },
      // Runs on every session read: the account must still be active, unlocked and on the same
      // sessionVersion, and role, team and organisations come from the database, not the token.
      async session({ session, token }): Promise<AppSession> {
        const claims = readClaims(token);
        const user = claims ? await loadSessionUser(db(), claims.id, claims.sessionVersion) : null;
        return user ? { expires: session.expires, user } : { expires: session.expires };
      },
      async redirect({ url, baseUrl }) {
        const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) || '/' : url;
        return `${baseUrl}${safeCallbackUrl(path) ?? '/home'}`;
      },
    },
  };
}
