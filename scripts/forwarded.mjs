// Kept in plain JavaScript so scripts/server.mjs runs without a compiler.

/**
 * Appends the socket's peer to the request's X-Forwarded-For (a list's copies joined first), so its
 * right-most entry is always the address that connected, whatever the client sent.
 * @param {{ headers: Record<string, string | string[] | undefined>, socket?: { remoteAddress?: string } }} req
 */
export function appendSocketAddress(req) {
  const sent = req.headers['x-forwarded-for'];
  const prior = (Array.isArray(sent) ? sent.join(', ') : (sent ?? '')).trim();
  const peer = req.socket?.remoteAddress || 'unknown';
  req.headers['x-forwarded-for'] = prior ? `${prior}, ${peer}` : peer;
  // Another header a client could use to pose as someone else: nothing here reads it, nor may anything.
  delete req.headers['x-real-ip'];
}
