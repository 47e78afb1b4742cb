// Navigation benchmark: what it costs the server and the browser when a link worker views a case
// page, and when they click from their caseload to a case, measured in Debian's Chromium against
// a production build on the demo seed. Run it on two commits to compare how links work
// (docs/decisions/0009 has the figures).
//
// Two scenarios, each run --runs times on different cases of the demo link worker's caseload:
//   - view:  the case page opened by its address (a full page load), with the browser cache warm
//            (as for staff who keep the service open all day) and, once per run, cold;
//   - click: the caseload is open; click a case's link and wait for the case page.
// After each, the page is left for a moment and the pointer passes over every link on it, so any
// prefetching (in view or on hover) is counted too.
//
// For each it prints the requests sent to the server (not served from the browser cache) by kind
// (document, RSC payload, prefetch, script, style, other), the bytes transferred, the server's
// response time for the document or RSC payload, and the time until the new page is usable: the
// case page's heading is shown and React has hydrated the whole page (every element down to the
// footer's last link belongs to React), measured from the click or from the start of the load.
//
//   npm run bench:navigation -- [options]
//   --url URL          measure a running production server (with the demo seed) instead of
//                      starting one; otherwise: a fresh database cc_bench_navigation beside
//                      DATABASE_URL (or on the embedded PostgreSQL), the demo seed, a production
//                      build if the code changed, and `next start` on --port
//   --port 3199        port for the server this script starts
//   --runs 5           cases measured per scenario
//   --cpu-slowdown 1   Chromium's CPU throttling (4 is roughly a slow office laptop)
//   --settle 1500      milliseconds left for prefetching after the page is usable, and again
//                      after the pointer has passed over the links
//   --verbose          list every request of every run
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { createDb } from '../../lib/db/client';
import { resolveDatabase, type ResolvedDatabase } from '../../lib/db/resolve';
import { migrate } from '../../lib/db/migrate';
import { demoAccounts } from '../../lib/demo/accounts';
import { seedDemo } from '../../prisma/seed/demo';
import { buildIfNeeded, startNext, stopNext, waitForHealthy } from '../../scripts/lib';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] && !process.argv[i + 1].startsWith('--') ? process.argv[i + 1] : fallback;
}
function positive(name: string, fallback: number): number {
  const n = Number(arg(name, String(fallback)));
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} takes a positive number`);
  return n;
}

const options = {
  url: arg('url', '').replace(/\/$/, ''),
  port: Math.round(positive('port', 3199)),
  runs: Math.round(positive('runs', 5)),
  cpuSlowdown: positive('cpu-slowdown', 1),
  settleMs: positive('settle', 1500),
  verbose: process.argv.includes('--verbose'),
};
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const linkWorker = demoAccounts.find((a) => a.email === 'linkworker@demo.example')!;
const log = (m: string) => console.error(`[bench] ${m}`);

// ---- the network, as Chromium's DevTools protocol reports it ----

type Kind = 'document' | 'rsc' | 'prefetch' | 'script' | 'style' | 'other';
const KINDS: Kind[] = ['document', 'rsc', 'prefetch', 'script', 'style', 'other'];

type Request = {
  url: string;
  kind: Kind;
  fromCache: boolean;
  bytes: number;
  /** Request sent to response headers received: the server's time plus the loopback. */
  responseMs: number | null;
};

function kindOf(type: string | undefined, url: string, headers: Record<string, string>): Kind {
  const h = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  if (h['next-router-prefetch'] || h['next-router-segment-prefetch']) return 'prefetch';
  if (h.rsc === '1') return 'rsc';
  if (type === 'Document') return 'document';
  if (type === 'Script' || /\.js(\?|$)/.test(url)) return 'script';
  if (type === 'Stylesheet' || /\.css(\?|$)/.test(url)) return 'style';
  return 'other';
}

/** Records every request the page makes between start() and stop(). */
class NetworkLog {
  private requests = new Map<string, Request>();
  private recording = false;

  constructor(cdp: CDPSession) {
    cdp.on('Network.requestWillBeSent', (e) => {
      if (!this.recording || e.request.url.startsWith('data:')) return;
      // A redirect reuses the id: keep the hop that was redirected as a request of its own.
      const hop = e.redirectResponse ? this.requests.get(e.requestId) : undefined;
      if (hop) this.requests.set(`${e.requestId}#${this.requests.size}`, hop);
      this.requests.set(e.requestId, {
        url: e.request.url,
        kind: kindOf(e.type, e.request.url, e.request.headers),
        fromCache: false,
        bytes: 0,
        responseMs: null,
      });
    });
    cdp.on('Network.requestServedFromCache', (e) => {
      const r = this.requests.get(e.requestId);
      if (r) r.fromCache = true;
    });
    cdp.on('Network.responseReceived', (e) => {
      const r = this.requests.get(e.requestId);
      if (!r) return;
      if (e.response.fromDiskCache || e.response.fromPrefetchCache || e.response.fromServiceWorker) r.fromCache = true;
      const t = e.response.timing;
      if (t && t.sendEnd >= 0 && t.receiveHeadersEnd >= 0) r.responseMs = t.receiveHeadersEnd - t.sendEnd;
    });
    // Bytes on the wire, headers included. A streamed response may still be arriving when the
    // recording stops, so its chunks are counted as they come.
    cdp.on('Network.dataReceived', (e) => {
      const r = this.requests.get(e.requestId);
      if (r) r.bytes += e.encodedDataLength;
    });
    cdp.on('Network.loadingFinished', (e) => {
      const r = this.requests.get(e.requestId);
      if (r) r.bytes = Math.max(r.bytes, e.encodedDataLength);
    });
  }

  start() {
    this.requests.clear();
    this.recording = true;
  }

  stop(): Request[] {
    this.recording = false;
    return [...this.requests.values()];
  }
}

// ---- the page ----

/** Waits until the case page is shown and hydrated; returns that moment (ms since the epoch). */
async function caseUsable(page: Page): Promise<number> {
  await page.waitForURL(/\/cases\/[0-9a-f-]{36}/, { waitUntil: 'commit', timeout: 60_000 });
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await page.waitForFunction(
        () => {
          const h1 = document.querySelector('main h1');
          const footerLinks = document.querySelectorAll('footer a');
          const last = footerLinks[footerLinks.length - 1];
          const hydrated = Boolean(last) && Object.keys(last).some((k) => k.startsWith('__reactFiber$'));
          return /^\/cases\/[0-9a-f-]{36}$/.test(location.pathname) && h1 && /Case\s/.test(h1.textContent ?? '') && hydrated
            ? performance.timeOrigin + performance.now()
            : false;
        },
        undefined,
        { polling: 'raf', timeout: 60_000 },
      );
      return (await handle.jsonValue()) as number;
    } catch (error) {
      // A full page load replaces the document the first wait ran in.
      if (attempt < 3 && /context was destroyed|navigat/i.test(String(error))) continue;
      throw error;
    }
  }
}

/** Leaves the page, passes the pointer over every link on it, leaves it again. */
async function linger(page: Page) {
  await page.waitForTimeout(options.settleMs);
  const links = await page.locator('a[href]').all();
  for (const link of links) {
    const box = await link.boundingBox().catch(() => null);
    if (!box) continue;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  }
  await page.waitForTimeout(options.settleMs);
}

async function signIn(context: BrowserContext, baseUrl: string) {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Email address').fill(linkWorker.email);
  await page.getByLabel('Password', { exact: true }).fill(linkWorker.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  await page.close();
}

type Measured = { requests: Request[]; usableMs: number };

async function instrumented(context: BrowserContext): Promise<{ page: Page; network: NetworkLog }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  if (options.cpuSlowdown > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: options.cpuSlowdown });
  return { page, network: new NetworkLog(cdp) };
}

async function caseLinks(context: BrowserContext, baseUrl: string): Promise<string[]> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/caseload`);
  const hrefs = await page.locator('main a[href^="/cases/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  await page.close();
  return [...new Set(hrefs.filter((h) => /^\/cases\/[0-9a-f-]{36}$/.test(h)))];
}

/** The case page opened by its address. */
async function view(context: BrowserContext, baseUrl: string, path: string): Promise<Measured> {
  const { page, network } = await instrumented(context);
  await page.goto('about:blank'); // the tab's own start-up is not the page's
  network.start();
  const started = Date.now();
  await page.goto(`${baseUrl}${path}`, { waitUntil: 'commit' });
  const usable = await caseUsable(page);
  await linger(page);
  const requests = network.stop();
  await page.close();
  return { requests, usableMs: usable - started };
}

/** From the caseload, a click on the case's link. */
async function click(context: BrowserContext, baseUrl: string, path: string): Promise<Measured> {
  const { page, network } = await instrumented(context);
  await page.goto(`${baseUrl}/caseload`, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  const link = page.locator(`main a[href="${path}"]`).first();
  await link.scrollIntoViewIfNeeded();
  await page.waitForTimeout(options.settleMs); // anything the caseload itself prefetches is not counted
  const box = await link.boundingBox();
  if (!box) throw new Error(`no link to ${path} on the caseload`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  network.start();
  const started = Date.now();
  await page.mouse.down();
  await page.mouse.up();
  const usable = await caseUsable(page);
  await linger(page);
  const requests = network.stop();
  await page.close();
  return { requests, usableMs: usable - started };
}

// ---- figures ----

const median = (xs: number[]) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function summarise(label: string, runs: Measured[]) {
  if (options.verbose) {
    runs.forEach((r, i) => {
      log(`${label}, run ${i + 1}: usable after ${Math.round(r.usableMs)} ms`);
      for (const q of r.requests) {
        const ms = q.responseMs === null ? '' : ` ${Math.round(q.responseMs)} ms`;
        log(`  ${q.kind.padEnd(8)} ${q.fromCache ? 'cache' : `${q.bytes} B${ms}`}  ${q.url}`);
      }
    });
  }
  const sent = runs.map((r) => r.requests.filter((q) => !q.fromCache));
  const byKind = Object.fromEntries(KINDS.map((k) => [k, median(sent.map((s) => s.filter((q) => q.kind === k).length))]));
  const responses = sent.flatMap((s) =>
    s.filter((q) => (q.kind === 'document' || q.kind === 'rsc') && q.responseMs !== null).map((q) => q.responseMs!),
  );
  const usable = runs.map((r) => r.usableMs);
  return {
    scenario: label,
    runs: runs.length,
    'sent (median)': median(sent.map((s) => s.length)),
    ...byKind,
    'from cache': median(runs.map((r) => r.requests.filter((q) => q.fromCache).length)),
    'KB sent to browser': Math.round(median(sent.map((s) => s.reduce((n, q) => n + q.bytes, 0))) / 102.4) / 10,
    'server ms (doc/RSC, median)': Math.round(median(responses)),
    'usable ms (median)': Math.round(median(usable)),
    'usable ms (min-max)': `${Math.round(Math.min(...usable))}-${Math.round(Math.max(...usable))}`,
  };
}

// ---- a server with the demo seed, unless one is given ----

async function freshDatabase(database: ResolvedDatabase): Promise<string> {
  const name = 'cc_bench_navigation';
  const admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(database.url);
  url.pathname = `/${name}`;
  await migrate(url.toString());
  const client = createDb(url.toString());
  try {
    await seedDemo(client);
  } finally {
    await client.$disconnect();
  }
  return url.toString();
}

async function withServer<T>(fn: (baseUrl: string) => Promise<T>): Promise<T> {
  if (options.url) return fn(options.url);
  process.env.EMBEDDED_PG_DIR ??= '.data/postgres-bench';
  const database = await resolveDatabase('postgres', { log });
  try {
    log('Fresh database with the demo seed');
    const url = await freshDatabase(database);
    await buildIfNeeded(log);
    const baseUrl = `http://localhost:${options.port}`;
    const server = startNext(options.port, {
      DATABASE_URL: url,
      PORT: String(options.port),
      DEMO_MODE: 'true',
      APP_BASE_URL: baseUrl,
      SIGN_IN_ADDRESS_FREE_FAILURES: '1000',
      LOG_LEVEL: 'warn',
    });
    try {
      await waitForHealthy(baseUrl);
      return await fn(baseUrl);
    } finally {
      await stopNext(server);
    }
  } finally {
    await database.stop();
  }
}

async function main() {
  const started = performance.now();
  const figures = await withServer(async (baseUrl) => {
    const browser: Browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    });
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await signIn(context, baseUrl);
      const cases = await caseLinks(context, baseUrl);
      if (cases.length < options.runs)
        throw new Error(`the caseload links to ${cases.length} cases; --runs ${options.runs} needs as many`);
      // Warm the server and the browser cache once, unmeasured.
      await view(context, baseUrl, cases[0]);
      await click(context, baseUrl, cases[0]);

      const cold: Measured[] = [];
      const warm: Measured[] = [];
      const clicks: Measured[] = [];
      for (let i = 0; i < options.runs; i++) {
        const path = cases[i];
        const fresh = await browser.newContext({
          viewport: { width: 1280, height: 900 },
          storageState: await context.storageState(),
        });
        cold.push(await view(fresh, baseUrl, path));
        await fresh.close();
        warm.push(await view(context, baseUrl, path));
        clicks.push(await click(context, baseUrl, path));
        log(`run ${i + 1}/${options.runs}: view ${Math.round(warm[i].usableMs)} ms, click ${Math.round(clicks[i].usableMs)} ms`);
      }
      return [summarise('view, cold cache', cold), summarise('view, warm cache', warm), summarise('click from caseload', clicks)];
    } finally {
      await browser.close();
    }
  });
  console.log(`Navigation: case pages of the demo link worker, Chromium, CPU slowdown ${options.cpuSlowdown}x`);
  console.log('Requests sent to the server per view or click, by kind (medians over runs):');
  console.table(figures);
  console.log(`(${Math.round((performance.now() - started) / 1000)} s)`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
