// The security test, kept running: headers on every page, the demo outbox's sign-in, a form posted
// from another site, and a corpus of bad input (NUL and other control characters, direction
// overrides, 100 kB strings, wrong types) sent to every public form and every query parameter of
// the public pages and APIs. Nothing may answer 5xx: a clear 4xx, or the page with a field error.
import type { APIRequestContext, Page } from '@playwright/test';
import { demoAccounts } from '../../lib/demo/accounts';
import { CONTROL_CHARACTER_MESSAGE, DIRECTION_CHARACTER_MESSAGE } from '../../lib/forms/characters';
import { expect, expectAccessible, test, visit } from './axe';

const BAD_VALUES: Record<string, string> = {
  nul: '\u0000',
  'nul inside': 'tea\u0000cake',
  controls: '\u0001\u0007\u001b[31m\u007f',
  'line breaks': 'one\r\ntwo\nthree',
  'direction override': 'abc\u202Edcba',
  'direction isolate': '\u2066x\u2069',
  '100 kB': 'a'.repeat(100_000),
  'not a number': 'NaN',
  'huge number': '99999999999999999999999999',
  negative: '-1',
  markup: '<script>alert(1)</script>',
};

const QUERY_VALUES = ['nul', 'nul inside', 'controls', 'direction override', '100 kB', 'huge number', 'markup'].map(
  (k) => BAD_VALUES[k]!,
);

/** Query strings that are not a plain value: lists, object notation, encodings the server must survive. */
const ODD_QUERIES = ['%00', '%C0%80', '%E2%80%AE', '%ZZ', '[]=1', '[a]=1', '[a][b]=1'];

const PUBLIC_PAGES: Record<string, string[]> = {
  '/': [],
  '/services': [
    'q',
    'need',
    'place',
    'radius',
    'age',
    'free',
    'day',
    'time',
    'access',
    'mode',
    'self',
    'space',
    'today',
    'sort',
    'page',
  ],
  '/shortlist': ['ids'],
  '/sign-in': ['callbackUrl', 'error', 'verified'],
  '/refer': ['for'],
  '/refer/professional': [],
  '/refer/sent': ['reference', 'key'],
  '/listing-check/done': ['status', 'listing'],
  '/r/answered': ['status'],
  '/groups/join': [],
  '/accessibility': [],
  '/privacy': [],
};

const account = (role: string) => demoAccounts.find((a) => a.role === role)!;

async function signIn(page: Page, role: string) {
  const { email, password } = account(role);
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/** A listing's page address, from a search. */
async function aListing(request: APIRequestContext): Promise<string> {
  const html = await (await request.get('/services')).text();
  const id = /href="\/services\/([0-9a-f-]{36})"/.exec(html)?.[1];
  if (!id) throw new Error('No listing found on /services');
  return `/services/${id}`;
}

/** Records every 5xx answer and every Content-Security-Policy complaint a page meets. */
function watch(page: Page) {
  const serverErrors: string[] = [];
  const policy: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 500) serverErrors.push(`${r.status()} ${r.request().method()} ${r.url()}`);
  });
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) policy.push(m.text());
  });
  return { serverErrors, policy };
}

test.describe('security headers', () => {
  test('every page has a nonce policy that its own scripts carry, and the fixed headers', async ({ request }) => {
    for (const path of ['/', '/services', '/refer', '/sign-in']) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(200);
      const h = res.headers();
      const csp = h['content-security-policy'] ?? '';
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      expect(nonce, `${path} nonce`).toBeTruthy();
      expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toMatch(/img-src [^;]*https:\/\/tile\.openstreetmap\.org/);
      expect(h['x-content-type-options']).toBe('nosniff');
      expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(h['permissions-policy']).toContain('camera=()');
      // The test server is on http: no HSTS (it is sent when APP_BASE_URL is https).
      expect(h['strict-transport-security']).toBeUndefined();
      const html = await res.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, `${path}: ${tag}`).toContain(`nonce="${nonce}"`);
      // A fresh nonce each time.
      const again = /'nonce-([^']+)'/.exec((await request.get(path)).headers()['content-security-policy'] ?? '')?.[1];
      expect(again).not.toBe(nonce);
    }
  });

  test('the map, the charts and the forms run under the policy without a complaint', async ({ page, browser }) => {
    const seen = watch(page);
    await visit(page, '/services?place=EB1+1AL&radius=2');
    await expect(page.locator('.leaflet-container')).toBeVisible();
    await expect(page.locator('.map-marker, .map-cluster').first()).toBeVisible();
    await visit(page, await aListing(page.request));
    await visit(page, '/refer');
    // Hydrated: the error summary takes focus after a client-side submit.
    await page.getByRole('button', { name: 'Send request' }).click();
    await expect(page.locator('.error-summary')).toBeFocused();

    const staff = await (await browser.newContext()).newPage();
    const staffSeen = watch(staff);
    await signIn(staff, 'commissioner');
    await visit(staff, '/reports/demand');
    await expect(staff.locator('.recharts-surface').first()).toBeVisible();
    await staff.context().close();

    expect([...seen.policy, ...staffSeen.policy]).toEqual([]);
    expect([...seen.serverErrors, ...staffSeen.serverErrors]).toEqual([]);
  });
});

test.describe('the demo outbox', () => {
  test('is for a signed-in admin only', async ({ browser }) => {
    const visitor = await (await browser.newContext()).newPage();
    await visitor.goto('/dev/outbox');
    await expect(visitor).toHaveURL(/\/sign-in\?callbackUrl=%2Fdev%2Foutbox/);

    const worker = await (await browser.newContext()).newPage();
    await signIn(worker, 'link_worker');
    expect((await worker.goto('/dev/outbox'))?.status()).toBe(403);

    const admin = await (await browser.newContext()).newPage();
    await signIn(admin, 'admin');
    const res = await admin.goto('/dev/outbox');
    expect(res?.status()).toBe(200);
    await expect(admin.getByRole('heading', { level: 1, name: 'Outbox' })).toBeVisible();
    await expectAccessible(admin);
    for (const p of [visitor, worker, admin]) await p.context().close();
  });
});

test.describe('a form posted from another site', () => {
  test('is refused with a 403 page, not a server error', async ({ request }) => {
    for (const path of ['/refer', '/sign-in', '/groups/join']) {
      const res = await request.post(path, {
        headers: {
          origin: 'https://attacker.example',
          'next-action': '0'.repeat(42),
          'content-type': 'text/plain;charset=UTF-8',
        },
        data: '[]',
      });
      expect(res.status(), path).toBe(403);
      expect(await res.text()).toContain('We did not accept that form');
    }
  });
});

test.describe('bad input in addresses', () => {
  test('every query parameter of the public pages and APIs survives the corpus', async ({ request }) => {
    test.setTimeout(300_000);
    const listing = await aListing(request);
    const pages: Record<string, string[]> = {
      ...PUBLIC_PAGES,
      [listing]: [],
      [`${listing}/report`]: [],
      [`${listing}/calendar.ics`]: [],
      '/groups/invite/not-a-token': ['error'],
      '/api/health': [],
      '/api/reports/overview/figures': ['from', 'to', 'ward', 'period'],
      '/dev/outbox': ['to', 'page'],
    };
    const failures: string[] = [];
    const check = async (url: string) => {
      const res = await request.get(url, { maxRedirects: 0, failOnStatusCode: false });
      if (res.status() >= 500) failures.push(`${res.status()} ${url.slice(0, 120)}`);
    };
    for (const [path, params] of Object.entries(pages)) {
      // Parameters the page does not know, and odd encodings, on every path.
      for (const odd of ODD_QUERIES) await check(`${path}?x${odd}&${odd}`);
      for (const name of [...params, 'unknown']) {
        for (const value of QUERY_VALUES) {
          // Long values travel once only: a 100 kB address is refused by the server as too long (4xx).
          await check(`${path}?${new URLSearchParams({ [name]: value })}`);
        }
        await check(`${path}?${name}=a&${name}=b&${name}[]=c&${name}[k]=d`);
        await check(`${path}?${name}=%00&${name}=%E2%80%AE`);
      }
    }
    expect(failures).toEqual([]);
  });
});

type PublicForm = { name: string; path: (request: APIRequestContext) => Promise<string>; button: string };

const PUBLIC_FORMS: PublicForm[] = [
  { name: 'self-referral', path: async () => '/refer', button: 'Send request' },
  { name: 'referral by a professional', path: async () => '/refer/professional', button: 'Send referral' },
  { name: 'report a problem', path: async (r) => `${await aListing(r)}/report`, button: 'Send report' },
  { name: 'group sign-up', path: async () => '/groups/join', button: 'Register the group' },
  { name: 'sign-in', path: async () => '/sign-in', button: 'Sign in' },
];

/** Sets every text box of the button's form to `value`; `list` adds a second copy of each (a list where one is expected). */
async function fillEveryBox(page: Page, button: string, value: string, list = false) {
  await page.getByRole('button', { name: button }).evaluate(
    (el, [v, asList]) => {
      const form = (el as HTMLButtonElement).form!;
      const boxes = form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(
        'input:not([type]), input[type=text], input[type=email], input[type=tel], input[type=password], input[type=number], textarea',
      );
      // A long value goes in the first few boxes only, keeping the whole post under Next's 1 MB for an action.
      const filled = (v as string).length > 10_000 ? [...boxes].slice(0, 5) : [...boxes];
      for (const box of boxes) box.value = '';
      for (const box of filled) {
        box.value = v as string;
        if (asList && box.name) {
          const extra = document.createElement('input');
          extra.type = 'hidden';
          extra.name = box.name;
          extra.value = 'second';
          form.appendChild(extra);
        }
      }
    },
    [value, list] as const,
  );
}

test.describe('bad input in public forms', () => {
  for (const form of PUBLIC_FORMS) {
    test(`the ${form.name} form answers every bad value with a message, never a server error`, async ({ page }) => {
      test.setTimeout(180_000);
      const seen = watch(page);
      const path = await form.path(page.request);
      const problem = page.getByRole('alert').filter({ hasText: /there is a problem/i });
      const cases: Array<[string, string, boolean]> = [
        ...Object.entries(BAD_VALUES).map(([k, v]): [string, string, boolean] => [k, v, false]),
        ['a list where one value is expected', 'first', true],
      ];
      for (const [label, value, list] of cases) {
        await visit(page, path);
        await fillEveryBox(page, form.button, value, list);
        await page.getByRole('button', { name: form.button }).click();
        // Either the page with its problems, or (sign-in) the page again; never an error page.
        await expect(page.getByRole('heading', { level: 1 }), label).not.toHaveText(
          /something went wrong|problem with the service/i,
        );
        if (form.name !== 'sign-in') await expect(problem, label).toBeVisible();
        if (label.startsWith('nul') || label === 'controls')
          await expect(page.getByText(CONTROL_CHARACTER_MESSAGE).first(), label).toBeVisible();
        if (label.startsWith('direction')) await expect(page.getByText(DIRECTION_CHARACTER_MESSAGE).first(), label).toBeVisible();
      }
      expect(seen.serverErrors).toEqual([]);
    });
  }

  test('a referral refused for a NUL goes through once it is corrected', async ({ page }) => {
    await visit(page, '/refer');
    await page.getByLabel('Myself').check();
    await page.getByLabel('Full name').fill('Dorothy Fairweather');
    await fillEveryBox(page, 'Send request', '');
    await page.getByLabel('Full name').evaluate((el) => ((el as HTMLInputElement).value = 'Dorothy\u0000 Fairweather'));
    await page.getByLabel('Age range (if you do not know the date of birth)').selectOption('75-84');
    await page.getByLabel('Phone call').check();
    await page.getByLabel('Phone number', { exact: true }).fill('01632 960 321');
    await page.getByLabel('What matters to you, and what would you like help with?').fill('Some company,\nplease.');
    await page.getByLabel('A link worker can get in touch about this, using the details above').check();
    await page.getByRole('button', { name: 'Send request' }).click();
    await expect(page.getByRole('alert').filter({ hasText: CONTROL_CHARACTER_MESSAGE })).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel('Full name').fill('Dorothy Fairweather');
    await page.getByLabel('Age range (if you do not know the date of birth)').selectOption('75-84');
    await page.getByLabel('Phone call').check();
    await page.getByLabel('A link worker can get in touch about this, using the details above').check();
    await page.getByRole('button', { name: 'Send request' }).click();
    await expect(page).toHaveURL(/\/refer\/sent\?/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Request sent');
  });
});
