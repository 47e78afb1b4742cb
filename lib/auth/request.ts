type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function read(h: HeaderSource, name: string): string | undefined {
  if (h instanceof Headers) return h.get(name) ?? undefined;
  const v = h[name] ?? h[name.toLowerCase()];
  return Array.isArray(v) ? v.join(',') : v;
}

/**
 * The client's address for rate limits. The right-most X-Forwarded-For entry is the one our own
 * reverse proxy appended, so a client cannot choose it by sending the header itself; Next.js sets
 * the header from the socket when nothing in front did.
 */
export function clientIp(h: HeaderSource): string {
  const forwarded = read(h, 'x-forwarded-for');
  const last = forwarded
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .pop();
  return (last || read(h, 'x-real-ip')?.trim() || 'unknown').slice(0, 64);
}

/** The path and query of the page being rendered, as the proxy recorded it. */
export const REQUEST_PATH_HEADER = 'x-request-path';
