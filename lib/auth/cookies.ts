// The session and device cookies' names and attributes, in one place for the actions, the session
// check and the proxy. Over https both take the __Host- prefix: Secure, path /, no Domain, so no
// other site or subdomain can set or read them.
import { config } from '@/lib/config';

export const SESSION_COOKIE_NAMES = ['cc_session', '__Host-cc_session'] as const;
const DEVICE_COOKIE_NAMES = ['cc_device', '__Host-cc_device'] as const;

export function useSecureCookies(): boolean {
  return config.baseUrl.startsWith('https://');
}

const options = (secure: boolean) => ({ httpOnly: true, sameSite: 'lax' as const, path: '/', secure });

/** The session cookie: its token opens one UserSession row (./load-user.ts). */
export function sessionCookie() {
  const secure = useSecureCookies();
  return { name: SESSION_COOKIE_NAMES[secure ? 1 : 0], options: options(secure) };
}

/** "This account signed in from this browser before" (./device.ts); kept for a year. */
export function deviceCookie() {
  const secure = useSecureCookies();
  return { name: DEVICE_COOKIE_NAMES[secure ? 1 : 0], options: { ...options(secure), maxAge: 365 * 24 * 60 * 60 } };
}
