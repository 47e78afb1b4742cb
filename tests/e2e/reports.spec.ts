import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { demoAccounts } from '../../lib/demo/accounts';
import { wards as demoWards } from '../../prisma/seed/data/geography';
import { expect, expectAccessible, test, visit } from './axe';
import { referralsByWard, seedAnchor, wholeMonthsBefore } from './demo-data';

const SECTIONS = [
  { path: '/reports/unmet-need', heading: 'Unmet need' },
  { path: '/reports/demand', heading: 'Demand and flow' },
  { path: '/reports/waiting', heading: 'Waiting' },
  { path: '/reports/outcomes', heading: 'Outcomes' },
  { path: '/reports/supply', heading: 'Supply' },
  { path: '/reports/equity', heading: 'Equity' },
];

async function signIn(page: Page, role: 'commissioner' | 'link_worker') {
  const account = demoAccounts.find((a) => a.role === role)!;
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

test.describe('reports for commissioners', () => {
  test('a commissioner reads every report, changes the period and ward, reads a chart\u2019s table and downloads a CSV', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await signIn(page, 'commissioner');
    await expect(page).toHaveURL(/\/reports$/);
    await expectAccessible(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Reports/);
    await expect(page.locator('#report-scope')).toContainText('Area: All wards');
    await expect(page.getByRole('term').filter({ hasText: 'Referrals received' })).toBeVisible();

    // Every section, each checked with axe, each with its figures and definitions.
    for (const s of SECTIONS) {
      await visit(page, s.path);
      await expect(page.getByRole('heading', { level: 1 })).toContainText(s.heading);
      await expect(page.getByText('Definition').first()).toBeVisible();
    }

    // The ward map: a circle per ward (every demo ward has postcodes), beside the table with the
    // same figures; a ward whose rate the table hides is a hatched circle, never a sized one.
    await visit(page, '/reports/unmet-need');
    const map = page.getByRole('img', { name: /^Map of unmet need per 1,000 people by ward/ });
    await expect(map).toBeVisible();
    await expect(map).toHaveAccessibleName(/The figures are in the table .Unmet need by ward, per 1,000 people. below/);
    const circles = map.locator('path.ward-map__circle');
    await expect(circles).toHaveCount(demoWards.length);
    await expectAccessible(page);
    const wardTable = page.getByRole('table', { name: 'Unmet need by ward, per 1,000 people (table)' });
    await expect(wardTable).toBeVisible();
    await expect(wardTable.getByRole('columnheader', { name: 'Per 1,000 people' })).toBeVisible();
    const rates = await wardTable
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => [r.querySelector('th')?.textContent ?? '', r.querySelector('td:last-child')?.textContent ?? '']),
      );
    const wardRates = rates.filter(([ward]) => ward !== 'All wards' && ward !== 'Place not known');
    expect(wardRates).toHaveLength(demoWards.length);
    await expect(map.locator('path.ward-map__circle--hidden')).toHaveCount(
      wardRates.filter(([, rate]) => !/^\d/.test(rate)).length,
    );
    await expect(map.locator('path.ward-map__circle--rate')).toHaveCount(
      wardRates.filter(([, rate]) => /^\d/.test(rate) && rate !== '0').length,
    );
    await expect(page.getByText('Definition: the map of unmet need by ward')).toBeVisible();
    await expect(page.getByText('Circle area is in proportion to unmet need per 1,000 people.')).toBeVisible();
    // Pointing at a circle shows its ward's figures.
    await map.locator('path.ward-map__circle--rate').first().dispatchEvent('mouseover');
    await expect(page.locator('.leaflet-tooltip')).toHaveText(
      /^[A-Z][A-Za-z ]+: [\d,]+ items recorded, [\d.]+ per 1,000 people \([\d,]+ people\)\.$/,
    );
    // On paper the map, its key and the table all print.
    await page.emulateMedia({ media: 'print' });
    await expect(map).toBeVisible();
    await expect(wardTable).toBeVisible();
    await page.emulateMedia({ media: 'screen' });

    // The period: a preset from the list, sent with the GET form (the URL holds it).
    await page.getByLabel('Period', { exact: true }).selectOption('6m');
    await page.getByRole('button', { name: 'Show figures' }).click();
    await expect(page).toHaveURL(/period=6m/);
    await expectAccessible(page);
    await expect(page.getByLabel('Period', { exact: true })).toHaveValue('6m');

    // Custom dates and one ward: the six whole months before the demo seed's clock, and the ward
    // whose busiest month holds the most referrals from one source (so its chart has something
    // to draw above the small-number threshold).
    const period = wholeMonthsBefore(await seedAnchor(), 6);
    const [ward] = await referralsByWard(period.fromKey, period.toKey);
    expect(ward.busiest, `referrals from one source in ${ward.name}'s busiest month, ${period.label}`).toBeGreaterThanOrEqual(5);
    const periodQuery = `period=custom&from=${period.fromKey}&to=${period.toKey}&ward=${ward.code}`;
    await page.getByLabel('Period', { exact: true }).selectOption('custom');
    await page.getByLabel('From', { exact: true }).fill(period.fromKey);
    await page.getByLabel('To', { exact: true }).fill(period.toKey);
    await page.getByLabel('Area', { exact: true }).selectOption({ label: ward.name });
    await page.getByRole('button', { name: 'Show figures' }).click();
    await expect(page).toHaveURL(new RegExp(`\\?${periodQuery}$`));
    await expectAccessible(page);
    await expect(page.locator('#report-scope')).toContainText(period.label);
    await expect(page.locator('#report-scope')).toContainText(`${ward.name} ward`);
    // The map follows the ward filter, as its table does.
    await expect(page.locator('path.ward-map__circle')).toHaveCount(1);
    await expect(
      page
        .getByRole('table', { name: 'Unmet need by ward, per 1,000 people (table)' })
        .getByRole('rowheader', { name: ward.name }),
    ).toBeVisible();
    await expectAccessible(page);

    // Moving to another report keeps the period and ward.
    await page.getByRole('navigation', { name: 'Reports' }).getByRole('link', { name: 'Demand and flow' }).click();
    await expect(page).toHaveURL(new RegExp(`/reports/demand\\?${periodQuery}$`));
    await expectAccessible(page);

    // A chart's data table: months down the side, sources across, totals at the end.
    const table = page.getByRole('table', { name: 'Referrals received by month and source (table)' });
    await expect(table).toBeVisible();
    await expect(table.getByRole('columnheader', { name: 'Self-referral' })).toBeVisible();
    await expect(table.locator('tbody th')).toHaveText([...period.months.map((m) => m.label), 'Total']);
    await expect(page.getByRole('img', { name: /Chart: Referrals received by month and source/ })).toBeAttached();

    // The CSV: period and ward in the file name, a header row, the period and area on every row.
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download this table as CSV (Referrals received by month and source)' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`^demand_by-source_${period.fromKey}-to-${period.toKey}_ward-${ward.code.toLowerCase()}-[a-z0-9-]+\\.csv$`),
    );
    const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
    const lines = csv.trim().split(/\r\n/);
    expect(lines[0]).toBe('Period,Area,Month,GP practice,Self-referral,Social care,Hospital,Voluntary sector,Other,Total');
    expect(lines).toHaveLength(1 + period.months.length + 1);
    expect(lines.slice(1).map((line) => line.split(',').slice(0, 3).join(','))).toEqual(
      [...period.months.map((m) => m.label), 'Total'].map((month) => `${period.label},${ward.name} ward,${month}`),
    );
  });

  test('a commissioner cannot open a person\u2019s case or the caseworkers\u2019 pages', async ({ page, browser }) => {
    // A link worker finds a real case first.
    const worker = await browser.newPage();
    await signIn(worker, 'link_worker');
    await worker.goto('/caseload');
    const href = await worker.locator('a[href^="/cases/"]').first().getAttribute('href');
    await worker.close();
    expect(href).toMatch(/^\/cases\/[0-9a-f-]{36}/);
    const caseId = href!.split('/')[2];

    await signIn(page, 'commissioner');
    for (const path of [`/cases/${caseId}`, `/cases/${caseId}/person`, '/caseload', '/triage']) {
      const response = await visit(page, path);
      expect(response?.status(), path).toBe(403);
    }
  });

  test('report downloads need a signed-in commissioner', async ({ request }) => {
    const response = await request.get('/api/reports/demand/by-source', { maxRedirects: 0 });
    expect(response.status()).toBe(401);
  });
});
