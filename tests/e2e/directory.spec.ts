import type { Browser, Page } from '@playwright/test';
import { buildGeography } from '../../prisma/seed/build/geography';
import { expect, expectAccessible, test, visit } from './axe';

// A postcode of the demo borough, near its centre, so a 2-mile search finds groups.
function centralPostcode(): string {
  const { postcodeInfo } = buildGeography();
  const lat = postcodeInfo.reduce((s, p) => s + p.lat, 0) / postcodeInfo.length;
  const lng = postcodeInfo.reduce((s, p) => s + p.lng, 0) / postcodeInfo.length;
  const d = (p: { lat: number; lng: number }) => (p.lat - lat) ** 2 + ((p.lng - lng) * 0.62) ** 2;
  return [...postcodeInfo].sort((a, b) => d(a) - d(b))[0].postcode;
}

const postcode = centralPostcode();

/** Every marker on the map must stay a whole target: none may cover part of another. */
async function expectNoOverlap(page: Page) {
  const boxes = await page.locator('.leaflet-marker-icon').evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, name: el.getAttribute('title') };
    }),
  );
  const overlaps = boxes.flatMap((a, i) =>
    boxes
      .slice(i + 1)
      .filter((b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom)
      .map((b) => `${a.name} / ${b.name}`),
  );
  expect(overlaps).toEqual([]);
}

async function searchLonelyNearby(page: Page) {
  await visit(page, '/');
  await page.getByLabel('What are you looking for?').fill('lonely');
  await page.getByLabel('Postcode (optional)').fill(postcode);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/\/services\?/);
  await page.getByLabel('Distance').selectOption('2');
  await page.getByRole('button', { name: 'Search' }).click();
  await expectAccessible(page);
}

test.describe('finding help', () => {
  test('a resident searches near a postcode, filters, opens a service, shortlists and prints it', async ({ page }) => {
    await searchLonelyNearby(page);
    await expect(page.getByLabel('Postcode or area')).toHaveValue(postcode);

    await page.getByRole('group', { name: 'Cost' }).getByLabel('Free only').check();
    await page.getByRole('group', { name: 'Day' }).getByLabel('Tuesday').check();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/free=1/);
    await expect(page).toHaveURL(/day=tuesday/);
    await expectAccessible(page);

    const results = page
      .getByRole('list', { name: 'Results' })
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading') });
    await expect(results.first()).toBeVisible();
    // Nearest first, each with its distance; activities with no premises (online, phone) come last.
    const found = await results.evaluateAll((items) =>
      items.map((li) => (li.textContent ?? '').match(/([\d.]+) miles? from/)?.[1] ?? null),
    );
    const withPlace = found.filter((x) => x !== null).map(Number);
    expect(withPlace.length).toBeGreaterThan(0);
    expect(found.slice(0, withPlace.length).every((x) => x !== null)).toBe(true);
    expect(withPlace.every((x) => x <= 2)).toBe(true);
    expect([...withPlace].sort((a, b) => a - b)).toEqual(withPlace);
    await expect(results.first()).toContainText(/Free/);
    await expect(results.first()).toContainText(/Last checked/i);

    // The map shows markers even though no tiles can load here.
    await expect(page.locator('.leaflet-container')).toBeVisible();
    await expect(page.locator('.map-marker, .map-cluster').first()).toBeVisible();

    const first = results.first().getByRole('heading').getByRole('link');
    const name = (await first.textContent())!.trim();
    await first.click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
    await expectAccessible(page);

    await page.getByRole('button', { name: /Add to shortlist/ }).click();
    await expect(page.getByRole('button', { name: /Remove from shortlist/ })).toBeVisible();
    // A bare /shortlist puts the stored list into the address, so it can be shared.
    await page.goto('/shortlist');
    await expect(page).toHaveURL(/\/shortlist\?ids=/);
    await expect(page.getByRole('heading', { name })).toBeVisible();
    await expectAccessible(page);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('button', { name: 'Print this list' })).toBeHidden();
    await expect(page.getByText(/Printed/).first()).toBeVisible();
  });

  test('the same search works without JavaScript', async ({ browser }: { browser: Browser }) => {
    const url = `/services?q=lonely&place=${encodeURIComponent(postcode)}&radius=2&free=1&day=tuesday`;
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const response = await page.goto(url);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 2, name: /result/ }).first()).toBeVisible();
    await expect(page.getByRole('list', { name: 'Results' }).getByRole('listitem').first()).toBeVisible();
    await context.close();
    // axe needs JavaScript in the page; check the same server-rendered markup with it on.
    const checked = await browser.newContext();
    const checkedPage = await checked.newPage();
    await visit(checkedPage, url);
    await checked.close();
  });

  test('on the map, crowded places join into one marker that lists them, and no two markers overlap', async ({ page }) => {
    await visit(page, `/services?place=${encodeURIComponent(postcode)}&radius=10`);
    const markers = page.locator('.leaflet-marker-icon');
    await expect(markers.first()).toBeVisible();
    await expectNoOverlap(page);

    const cluster = page.locator('.map-cluster').first();
    await expect(cluster).toBeVisible();
    const count = Number(await cluster.textContent());
    await cluster.click();
    const popup = page.locator('.leaflet-popup');
    await expect(popup.getByText(`${count} places here`)).toBeVisible();
    await expect(popup.getByRole('link')).toHaveCount(count);
    // The popup fades in; contrast is measured once it is fully shown.
    await expect(popup).toHaveCSS('opacity', '1');
    await expectAccessible(page);

    const zoom = popup.getByRole('button', { name: 'Zoom in to see them' });
    if (await zoom.isVisible()) {
      await zoom.click();
      await expect(popup).toBeHidden();
      await page.waitForFunction(() => !document.querySelector('.leaflet-zoom-anim'));
      await expectNoOverlap(page);
      await expectAccessible(page);
    }
  });

  test('keyboard only: search and open a result', async ({ page }) => {
    await visit(page, '/services');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
    await page.getByLabel('What are you looking for?').focus();
    await page.keyboard.type('walking');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/q=walking/);
    const link = page.getByRole('list', { name: 'Results' }).getByRole('heading').getByRole('link').first();
    await link.focus();
    await expect(link).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/services\/[0-9a-f-]{36}$/);
    await expectAccessible(page);
  });
});
