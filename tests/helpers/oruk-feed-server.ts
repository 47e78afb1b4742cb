// A tiny Open Referral UK API for tests and the benchmark: GET /, GET /services (paged, v3 or
// v1 Spring-style pages) and GET /services/{id}. Chosen requests fail once, to exercise retries.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FeedServer = {
  url: string;
  /** Every request path served, in order (including failed ones). */
  requests: string[];
  /** Replaces what the feed lists. */
  setServices(services: Array<Record<string, unknown>>): void;
  close(): Promise<void>;
};

export async function startFeedServer(options: {
  services: Array<Record<string, unknown>>;
  version?: 'v1' | 'v3';
  pageSize?: number;
  /** Paths ("/services?page=2") answered with HTTP 500 the first time they are asked for. */
  failOnce?: string[];
}): Promise<FeedServer> {
  let services = options.services;
  let byId = new Map(services.map((s) => [String(s.id), s]));
  const version = options.version ?? 'v3';
  const size = options.pageSize ?? 2;
  const failing = new Set(options.failOnce ?? []);
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://feed.test');
    const key = url.pathname === '/services' ? `/services?page=${url.searchParams.get('page')}` : url.pathname;
    requests.push(key);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (failing.delete(key)) return send(500, { error: 'try again' });
    if (url.pathname === '/' && version === 'v3') return send(200, { version: 'HSDS-UK-3.0', profile: 'UK', openapi_url: '' });
    if (url.pathname === '/services') {
      const page = Math.max(1, Number(url.searchParams.get('page') ?? 1));
      const totalPages = Math.max(1, Math.ceil(services.length / size));
      const items = services.slice((page - 1) * size, page * size);
      if (version === 'v1')
        return send(200, {
          totalElements: services.length,
          totalPages,
          number: page,
          size,
          first: page === 1,
          last: page >= totalPages,
          content: items,
        });
      return send(200, {
        total_items: services.length,
        total_pages: totalPages,
        page_number: page,
        size,
        first_page: page === 1,
        last_page: page >= totalPages,
        empty: items.length === 0,
        contents: items.map((s) => ({ id: s.id, name: s.name, status: s.status })),
      });
    }
    const m = /^\/services\/([^/]+)$/.exec(url.pathname);
    const found = m ? byId.get(decodeURIComponent(m[1])) : undefined;
    if (found) return send(200, found);
    send(404, { error: 'not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setServices(next) {
      services = next;
      byId = new Map(services.map((s) => [String(s.id), s]));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
