import { env } from '@/lib/config/env';
import { isTrusted, normaliseAddress, type TrustedProxies } from '@/lib/config/proxies';

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function read(h: HeaderSource, name: string): string | undefined {
  if (h instanceof Headers) return h.get(name) ?? undefined;
  const v = h[name] ?? h[name.toLowerCase()];
  return Array.isArray(v) ? v.join(',') : v;
}

/**
 * The client's address for rate limits. The server (scripts/server.mjs) appends the socket's peer
 * to X-Forwarded-For on every request, so the right-most entry is always the socket address and
 * every entry left of it was written by someone else. Only the hops TRUSTED_PROXIES names are
 * believed: with none (the default) the client is the socket's peer, whatever headers it sent.
 */
export function clientIp(h: HeaderSource, trust: TrustedProxies = env().TRUSTED_PROXIES ?? { kind: 'none' }): string {
  const chain = (read(h, 'x-forwarded-for') ?? '').split(',').map(normaliseAddress).filter(Boolean);
  if (chain.length === 0) return 'unknown';
  let at = chain.length - 1;
  if (trust.kind === 'hops') at = Math.max(0, at - trust.hops);
  else if (trust.kind === 'cidrs') while (at > 0 && isTrusted(trust, chain[at]!)) at--;
  return chain[at]!.slice(0, 64);
}

/** The path and query of the page being rendered, as the proxy recorded it. */
export const REQUEST_PATH_HEADER = 'x-request-path';
