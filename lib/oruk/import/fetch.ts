// Walking a feed over HTTP: the root document and the first page say which version it is (v3:
// `contents`, `total_items`, `page_number`; v1, Spring-style: `content`, `totalElements`,
// `totalPages`, `number`), every page of /services is read, then each /services/{id} in full with a
// bounded number at once. Every request has a timeout and is retried with growing waits.
import type { OrukVersion, RawRecord } from './types';

export type FetchOptions = {
  /** How many /services/{id} requests at once. */
  concurrency?: number;
  /** Tries per request (the first and the retries). */
  attempts?: number;
  /** The first retry's wait; each next one doubles it. */
  backoffMs?: number;
  timeoutMs?: number;
  /** Stop after this many services (the rest of the feed is not read, and nothing is marked as gone). */
  limit?: number;
  perPage?: number;
  fetch?: typeof fetch;
};

export class FeedUnreadable extends Error {}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function getJson(url: string, o: Required<Omit<FetchOptions, 'limit'>>): Promise<unknown> {
  let last = '';
  for (let attempt = 1; attempt <= o.attempts; attempt++) {
    try {
      const res = await o.fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(o.timeoutMs) });
      if (res.ok) return await res.json();
      last = `HTTP ${res.status}`;
      // A request the server will never answer differently is not retried.
      if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) break;
    } catch (error) {
      last =
        error instanceof Error && error.name === 'TimeoutError'
          ? `no answer within ${o.timeoutMs / 1000} s`
          : String((error as Error)?.message ?? error);
    }
    if (attempt < o.attempts) await sleep(o.backoffMs * 2 ** (attempt - 1));
  }
  throw new FeedUnreadable(`${url}: ${last}`);
}

type Page = {
  version: OrukVersion;
  ids: string[];
  items: unknown[];
  totalPages: number;
  last: boolean;
  number: number;
  first: boolean | null;
};

function readPage(body: unknown): Page | null {
  if (typeof body !== 'object' || body === null) return null;
  const b = body as Record<string, unknown>;
  if (Array.isArray(b.contents)) {
    const items = b.contents;
    return {
      version: 'v3',
      items,
      ids: items.map((i) => String((i as { id?: unknown })?.id ?? '')),
      totalPages: Number(b.total_pages) || 1,
      last: b.last_page === true,
      number: Number(b.page_number) || 1,
      first: typeof b.first_page === 'boolean' ? b.first_page : null,
    };
  }
  if (Array.isArray(b.content)) {
    const items = b.content;
    return {
      version: 'v1',
      items,
      ids: items.map((i) => String((i as { id?: unknown })?.id ?? '')),
      totalPages: Number(b.totalPages) || 1,
      last: b.last === true,
      number: Number(b.number) || 0,
      first: typeof b.first === 'boolean' ? b.first : null,
    };
  }
  return null;
}

export type FeedWalk = { version: OrukVersion; complete: boolean; records: AsyncGenerator<RawRecord> };

/** The feed's version and its services, one at a time (fetched ahead, `concurrency` at once). */
export async function walkFeed(baseUrl: string, options: FetchOptions = {}): Promise<FeedWalk> {
  const o = {
    concurrency: options.concurrency ?? 8,
    attempts: options.attempts ?? 4,
    backoffMs: options.backoffMs ?? 500,
    timeoutMs: options.timeoutMs ?? 30_000,
    perPage: options.perPage ?? 100,
    fetch: options.fetch ?? fetch,
  };
  const base = baseUrl.replace(/\/+$/, '');
  const pageUrl = (n: number) => `${base}/services?page=${n}&per_page=${o.perPage}`;

  // The root says "HSDS-UK-3.0" on a v3 feed; a v1 feed often has no root document, so the page decides.
  let rootVersion: OrukVersion | null = null;
  try {
    const root = (await getJson(`${base}/`, { ...o, attempts: 1 })) as { version?: unknown };
    if (typeof root?.version === 'string')
      rootVersion = /^HSDS-UK-3|^3/.test(root.version) ? 'v3' : /^1|UK-1/.test(root.version) ? 'v1' : null;
  } catch {
    // no root document: fine
  }
  const first = readPage(await getJson(pageUrl(1), o));
  if (!first) throw new FeedUnreadable(`${pageUrl(1)}: not a page of services (no "contents" or "content" list)`);
  const version = rootVersion ?? first.version;
  const limit = options.limit ?? Infinity;

  async function* ids(): AsyncGenerator<string> {
    let seen = 0;
    let page: Page = first!;
    let requested = 1;
    // A zero-based v1 server answers page=1 with its second page: start again from page 0.
    if (page.version === 'v1' && page.number === 1 && page.first === false) {
      requested = 0;
      page = readPage(await getJson(`${base}/services?page=0&per_page=${o.perPage}`, o)) ?? page;
    }
    for (let read = 1; ; read++) {
      for (const id of page.ids) {
        if (seen >= limit) return;
        seen++;
        yield id;
      }
      if (page.last || page.items.length === 0 || read >= page.totalPages) return;
      requested++;
      const next = readPage(await getJson(pageUrl(requested), o));
      if (!next) throw new FeedUnreadable(`${pageUrl(requested)}: not a page of services`);
      page = next;
    }
  }

  async function* records(): AsyncGenerator<RawRecord> {
    const inFlight: Array<Promise<RawRecord>> = [];
    const fetchOne = async (id: string): Promise<RawRecord> => {
      if (!id) return { id: '(no id)', error: 'a service on the list has no id' };
      try {
        return { id, value: await getJson(`${base}/services/${encodeURIComponent(id)}`, o) };
      } catch (error) {
        return { id, error: `could not be read: ${(error as Error).message}` };
      }
    };
    for await (const id of ids()) {
      inFlight.push(fetchOne(id));
      if (inFlight.length >= o.concurrency) yield await inFlight.shift()!;
    }
    while (inFlight.length) yield await inFlight.shift()!;
  }

  return { version, complete: options.limit === undefined, records: records() };
}
