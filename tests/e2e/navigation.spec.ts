import type { Browser, Page, Request } from '@playwright/test';
import { demoAccounts } from '../../lib/demo/accounts';
import { expect, expectAccessible, test, visit } from './axe';

// Links navigate in place, never prefetch, and leave the new page as a full page load would:
// its title, an announcement for screen readers, focus starting again from the top
// (docs/decisions/0009).

async function signedInLinkWorker(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  const account = demoAccounts.find((a) => a.email === 'linkworker@demo.example')!;
  await visit(page, '/sign-in');
  await page.getByLabel('Email address').fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/caseload$/);
  return page;
}

/** Every request the page sends from now on. */
function recordRequests(page: Page): Request[] {
  const sent: Request[] = [];
  page.on('request', (r) => sent.push(r));
  return sent;
}

const isPrefetch = async (r: Request) => {
  const headers = await r.allHeaders();
  return Boolean(headers['next-router-prefetch'] || headers['next-router-segment-prefetch']);
};

/** Passes the pointer over the header's links and the first of the page's: what would start a prefetch. */
async function hoverLinks(page: Page) {
  const links = [
    ...(await page.locator('header a[href^="/"]').all()),
    ...(await page.locator('main a[href^="/"]').all()).slice(0, 6),
  ];
  for (const link of links) await link.hover();
  await page.waitForTimeout(500);
}

test('a link from the caseload opens the case in place, with no prefetching before or after', async ({ browser }) => {
  const page = await signedInLinkWorker(browser);
  await expectAccessible(page);
  const requests = recordRequests(page);
  await hoverLinks(page);

  const caseLink = page.locator('main a[href^="/cases/"]').first();
  const name = (await caseLink.textContent())!.trim();
  await caseLink.click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  await expect(page).toHaveTitle(/^Case - /);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
  await expectAccessible(page);
  await hoverLinks(page);

  // One request for the case page's payload, no new document: the page did not reload.
  expect(requests.filter((r) => r.resourceType() === 'document')).toEqual([]);
  expect(requests.filter((r) => new URL(r.url()).pathname.startsWith('/cases/')).length).toBe(1);
  const prefetches = [];
  for (const r of requests) if (await isPrefetch(r)) prefetches.push(r.url());
  expect(prefetches).toEqual([]);

  // The header's current section and the back button follow.
  await expect(page.getByRole('link', { name: 'My caseload' })).not.toHaveAttribute('aria-current', 'page');
  await page.evaluate(() => history.back());
  await expect(page).toHaveURL(/\/caseload$/);
  await expect(page.getByRole('link', { name: 'My caseload' })).toHaveAttribute('aria-current', 'page');
  await expectAccessible(page);
});

test('after following a link with the keyboard, the new page is announced and Tab starts from the top', async ({ browser }) => {
  const page = await signedInLinkWorker(browser);
  await page.locator('main a[href^="/cases/"]').first().focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
  await expect(page).toHaveTitle(/^Case - /);
  // Next's route announcer: a live region that reads the new page's title (or its heading).
  await expect(page.locator('next-route-announcer #__next-route-announcer__')).toHaveText(/Case/);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await expectAccessible(page);

  // From the header, which stays on the page, too.
  await page.getByRole('link', { name: 'Find help' }).first().focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/services$/);
  await expect(page).toHaveTitle(/^Find help/);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await expectAccessible(page);
});
