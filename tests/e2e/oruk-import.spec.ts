import path from 'node:path';
import { demoAccounts } from '../../lib/demo/accounts';
import { startFeedServer, type FeedServer } from '../helpers/oruk-feed-server';
import { expect, expectAccessible, test, visit } from './axe';

const admin = demoAccounts.find((a) => a.role === 'admin')!;
const stamp = Date.now().toString(36);
const feedName = `Westbury ${stamp}`;
// Ids are UUIDs, as the standard requires: this run's own, so a second run's feed is a new one.
const hex = Date.now().toString(16).padStart(8, '0').slice(-8);
const id = (n: number) => `${hex}-0000-4000-8000-${String(n).padStart(12, '0')}`;
const service = (n: number) => ({
  id: id(n),
  name: `Westbury walk ${stamp} ${n}`,
  description: 'A led walk',
  status: 'active',
  organization: { id: id(900), name: `Westbury Walkers ${stamp}`, description: 'Walking group' },
  schedules: [{ id: id(100 + n), freq: 'WEEKLY', byday: 'TU', opens_at: '10:00', closes_at: '11:00' }],
  attributes: [
    {
      id: id(200 + n),
      taxonomy_term: { id: id(300), name: `Led walks ${stamp}`, description: 'Walks', taxonomy: 'Westbury terms' },
    },
  ],
});

let feed: FeedServer;
test.beforeAll(async () => {
  feed = await startFeedServer({ services: [service(1), service(2), service(3)], pageSize: 2 });
});
test.afterAll(async () => {
  await feed?.close();
});
test.describe.configure({ mode: 'serial', timeout: 180_000 });

test('an admin adds a feed, runs it dry then for real, maps a term and uploads a file', async ({ page }) => {
  await visit(page, '/sign-in');
  await page.getByLabel('Email address').fill(admin.email);
  await page.getByLabel('Password', { exact: true }).fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/sign-in/, { timeout: 30_000 });

  await visit(page, '/admin/oruk');
  await expect(page.getByRole('heading', { level: 1, name: 'Open Referral feeds' })).toBeVisible();

  // Nothing filled in: each problem is named.
  await page.getByRole('button', { name: 'Add feed' }).click();
  await expect(page.getByRole('link', { name: 'Enter a name for the feed' })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Name', { exact: true }).fill(feedName);
  await page.getByLabel('Feed address').fill(feed.url);
  await page.getByLabel('Every day').check();
  await page.getByRole('button', { name: 'Add feed' }).click();
  await expect(page.getByRole('alert').getByText('Feed added', { exact: true })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: `Dry run ${feedName}` }).click();
  await expect(
    page.getByRole('alert').getByText('The feed can be imported. Nothing has been saved yet', { exact: true }),
  ).toBeVisible();
  const plan = page.getByRole('table', { name: 'What the import would do' });
  await expect(plan.getByRole('row', { name: /Listings/ })).toContainText('3');
  await expectAccessible(page);

  await page.getByRole('button', { name: `Import now ${feedName}` }).click();
  await expect(page.getByRole('alert').getByText('The feed has been imported', { exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: 'What the import did' }).getByRole('row', { name: /Listings/ })).toContainText(
    '3',
  );
  await expect(page.getByRole('row', { name: new RegExp(feedName) })).toContainText('Imported 3 services');
  await expectAccessible(page);

  // The feed's term is waiting for a need.
  await page.getByLabel(`Need for Led walks ${stamp}`).selectOption({ index: 1 });
  await page.getByRole('button', { name: `Save the need for Led walks ${stamp}` }).click();
  await expect(page.getByRole('alert').getByText('Term mapping saved. The next import uses it', { exact: true })).toBeVisible();
  await expectAccessible(page);

  // A file: the standard's own example, dry run.
  await page.getByLabel('Where it comes from').fill(`Examples ${stamp}`);
  await page.getByLabel('File').setInputFiles(path.resolve('lib/oruk/standard/examples/service_full.json'));
  await page.getByRole('button', { name: 'Dry run', exact: true }).click();
  await expect(page.getByRole('heading', { name: `Dry run of Examples ${stamp}` })).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'What the import would do' }).getByRole('row', { name: /Listings/ }),
  ).toContainText('1');
  await expectAccessible(page);
});
