import type { Browser, Page } from '@playwright/test';
import { demoAccounts, type DemoRole } from '../../lib/demo/accounts';
import { expect, test, visit } from './axe';

// Link workers and volunteers work from phones: every staff table fits a 390px screen (its rows
// stacked), the public search shows its first result on the first screen with the filters and the
// map a tap away, the caseload's filters fold away, and phone numbers and addresses are links.

const PHONE = { width: 390, height: 844 };

test.use({ viewport: PHONE });

async function signedIn(browser: Browser, role: DemoRole, viewport = PHONE): Promise<Page> {
  const account = demoAccounts.find((a) => a.role === role && a.email !== 'pcn.linkworker@demo.example')!;
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await visit(page, '/sign-in');
  await page.getByLabel('Email address').fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  return page;
}

/** What is wider than the screen: the page itself, and any table (or the box it scrolls in). */
async function tooWide(page: Page): Promise<string[]> {
  return page.evaluate((width) => {
    const problems: string[] = [];
    const page = document.documentElement.scrollWidth;
    if (page > width) problems.push(`the page is ${page}px wide`);
    document.querySelectorAll('table').forEach((table, i) => {
      const box = table.getBoundingClientRect();
      const name = table.querySelector('caption')?.textContent?.trim() || `table ${i + 1}`;
      if (box.width > width || box.right > width + 0.5) problems.push(`“${name}” is ${Math.round(box.width)}px wide`);
      const wrapper = table.closest('.table-wrapper');
      if (wrapper && wrapper.scrollWidth > wrapper.clientWidth + 1) problems.push(`“${name}” scrolls sideways`);
    });
    return problems;
  }, PHONE.width);
}

/** Visits a page with axe, then checks it fits the screen and holds at least one table. */
async function fits(page: Page, path: string) {
  await visit(page, path);
  await expect(page.locator('table').first(), `a table on ${path}`).toBeAttached();
  expect(await tooWide(page), path).toEqual([]);
}

test.describe('staff tables on a 390px phone', () => {
  test('the link worker’s caseload, a case, and refer-from-service', async ({ browser }) => {
    const page = await signedIn(browser, 'link_worker');
    await fits(page, '/caseload');
    // Rows are stacked, each cell headed by its column.
    const cell = page.locator('td[data-label="Reference"]').first();
    await expect(cell).toBeVisible();
    const row = cell.locator('xpath=..');
    expect(await row.evaluate((tr) => getComputedStyle(tr).display)).toBe('block');
    // Short dates on a phone: "3 Dec 2026", not "3 December 2026".
    await expect(page.locator('.date-short').first()).toBeVisible();
    await expect(page.locator('.date-long').first()).toBeHidden();

    // The person's phone number and e-mail address on their case are links.
    await page.locator('tbody a[href^="/cases/"]').first().click();
    await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
    expect(await tooWide(page)).toEqual([]);
    await expect(page.locator('main a[href^="tel:"], main a[href^="mailto:"]').first()).toBeVisible();

    await fits(page, '/caseload?show=waiting');
    await page.context().close();
  });

  test('the coordinator’s triage queue, moderation and freshness lists', async ({ browser }) => {
    const page = await signedIn(browser, 'coordinator');
    for (const path of ['/triage', '/caseload?scope=team', '/moderation', '/moderation/freshness']) await fits(page, path);
    // A referral in the queue: the referrer's and the person's contact details are links.
    await visit(page, '/triage');
    await page.locator('tbody a[href^="/triage/"]').first().click();
    await expect(page).toHaveURL(/\/triage\/[0-9a-f-]{36}$/);
    expect(await tooWide(page)).toEqual([]);
    await page.context().close();
  });

  test('the provider’s inbox, a referral, their home page and figures', async ({ browser }) => {
    const page = await signedIn(browser, 'provider');
    for (const path of ['/provider/referrals', '/provider', '/provider/figures']) await fits(page, path);
    await visit(page, '/provider/referrals?show=all');
    await page.locator('tbody a[href^="/provider/referrals/"]').first().click();
    await expect(page).toHaveURL(/\/provider\/referrals\/[0-9a-f-]{36}$/);
    expect(await tooWide(page)).toEqual([]);
    // How to reach the link worker who sent it: an e-mail link, and the team's phone line.
    const contact = page.getByRole('region', { name: 'Questions about this referral' });
    await expect(contact.getByRole('link', { name: /@/ }).first()).toHaveAttribute('href', /^mailto:/);
    await expect(contact.getByRole('link', { name: /^01632/ })).toHaveAttribute('href', /^tel:01632\d+$/);
    // The history says who made each change.
    await expect(page.getByRole('columnheader', { name: 'By' })).toBeAttached();
    await page.context().close();
  });

  test('the admin’s lists', async ({ browser }) => {
    const page = await signedIn(browser, 'admin');
    for (const path of ['/admin', '/admin/import', '/admin/staff']) await fits(page, path);
    // Staff e-mail addresses are links.
    await expect(page.locator('main a[href^="mailto:"]').first()).toBeVisible();
    await page.context().close();
  });

  test('the commissioner’s report tables', async ({ browser }) => {
    test.setTimeout(180_000);
    const page = await signedIn(browser, 'commissioner');
    for (const section of ['unmet-need', 'demand', 'waiting', 'outcomes', 'supply', 'equity'])
      await fits(page, `/reports/${section}`);
    await page.context().close();
  });
});

test.describe('the caseload’s filters on a phone', () => {
  test('fold away behind “Filter cases”, say how many are applied, and open with a tap', async ({ browser }) => {
    const page = await signedIn(browser, 'link_worker');
    await visit(page, '/caseload');
    const summary = page.getByText('Filter cases', { exact: true });
    await expect(summary).toBeVisible();
    await expect(page.getByLabel('Rating')).toBeHidden();
    await summary.click();
    await page.getByLabel('Rating').selectOption('green');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/rag=green/);
    await expect(page.locator('summary', { hasText: 'Filter cases' })).toHaveText('Filter cases (1 applied)');
    await page.locator('summary', { hasText: 'Filter cases' }).click();
    // "Clear filters" is a whole target (axe's WCAG 2.2 target-size check runs on every visit).
    await visit(page, '/caseload?rag=green');
    await page.locator('summary', { hasText: 'Filter cases' }).click();
    const clear = page.getByRole('link', { name: 'Clear filters' });
    const box = (await clear.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(24);
    await clear.click();
    // Clearing keeps whose cases are shown ("mine" or the team's): it is a view, not a filter.
    await expect(page).toHaveURL(/\/caseload\?scope=mine$/);
    await page.context().close();
  });
});

test.describe('public search on a phone', () => {
  test('shows the first result on the first screen, with the filters and the map a tap away', async ({ page }) => {
    await visit(page, '/services?q=walking');
    const first = page.locator('.directory-result').first();
    await expect(first.getByRole('heading', { level: 3 })).toBeInViewport({ ratio: 1 });
    expect(await tooWide(page)).toEqual([]);

    // The filters are behind "Filter"; ticking one and applying it says so, and the first result stays in sight.
    const filter = page.locator('summary', { hasText: /^Filter/ });
    await expect(filter).toHaveText('Filter');
    await expect(page.getByLabel('Free only')).toBeHidden();
    await filter.click();
    await page.getByLabel('Free only').check();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/free=1/);
    await expect(page.locator('summary', { hasText: /^Filter/ })).toHaveText('Filter (1 applied)');
    await expect(page.locator('.directory-result').first().getByRole('heading', { level: 3 })).toBeInViewport({ ratio: 1 });

    // "Show map" near the top opens the map above the first result; "Hide map" closes it.
    const toggle = page.getByRole('button', { name: 'Show map' });
    await expect(toggle).toBeInViewport();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await toggle.click();
    const hide = page.getByRole('button', { name: 'Hide map' });
    await expect(hide).toHaveAttribute('aria-expanded', 'true');
    const map = page.locator('#results-map-top .leaflet-container');
    await expect(map).toBeVisible();
    const mapBox = (await map.boundingBox())!;
    const resultBox = (await page.locator('.directory-result').first().boundingBox())!;
    expect(mapBox.y + mapBox.height).toBeLessThanOrEqual(resultBox.y);
    expect(await tooWide(page)).toEqual([]);
    await hide.click();
    await expect(map).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Show map' })).toHaveAttribute('aria-expanded', 'false');
  });

  test('without JavaScript the filters still open: the disclosure is a <details>', async ({ browser }) => {
    const context = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/services?q=walking');
    await expect(page.getByRole('button', { name: 'Show map' })).toBeHidden();
    await page.locator('summary', { hasText: /^Filter/ }).click();
    await page.getByLabel('Free only').check();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/free=1/);
    await expect(page.locator('.directory-result').first()).toBeVisible();
    await context.close();
  });

  test('on a wide screen the filters are simply shown, and the map sits beside the list', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await visit(page, '/services?q=walking');
    await expect(page.getByLabel('Free only')).toBeVisible();
    await expect(page.locator('summary', { hasText: /^Filter/ })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Show map' })).toBeHidden();
    await expect(page.locator('.directory-layout__map .leaflet-container')).toBeVisible();
    await context.close();
  });
});
