import type { Browser, Page } from '@playwright/test';
import { demoAccounts } from '../../lib/demo/accounts';
import { expect, expectAccessible, test, visit } from './axe';

const provider = demoAccounts.find((a) => a.role === 'provider')!;
const coordinator = demoAccounts.find((a) => a.role === 'coordinator')!;

async function signIn(page: Page, email: string, password: string) {
  await visit(page, '/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

async function newPage(browser: Browser, viewport?: { width: number; height: number }) {
  const context = await browser.newContext(viewport ? { viewport } : {});
  return context.newPage();
}

/** The listing names a search for `name` shows, with or without the "has space now" filter. */
async function searchFinds(page: Page, name: string, hasSpace: boolean): Promise<boolean> {
  const qs = new URLSearchParams({ q: name });
  if (hasSpace) qs.set('space', '1');
  await visit(page, `/services?${qs}`);
  return (await page.getByRole('link', { name, exact: true }).count()) > 0;
}

const today = () => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date());

const devices = [
  { name: 'desktop', viewport: { width: 1280, height: 900 } },
  { name: 'phone', viewport: { width: 375, height: 740 } },
] as const;

for (const device of devices) {
  test.describe(`listings on a ${device.name}`, () => {
    test.use({ viewport: device.viewport });

    test('a provider marks an activity full in one tap, and “has space now” drops it', async ({ page }) => {
      await signIn(page, provider.email, provider.password);
      await visit(page, '/provider/listings');
      await expect(page.getByRole('heading', { level: 1, name: 'Your listings' })).toBeVisible();

      // A published, recently checked listing that has space now.
      const item = page
        .getByRole('listitem')
        .filter({ has: page.getByRole('button', { name: /^Mark as full/ }) })
        .filter({ hasText: 'Has space' })
        .filter({ hasNotText: 'Not published yet' })
        .filter({ hasNotText: 'Check it is still right' })
        .filter({ hasNotText: 'Paused' })
        .filter({ hasNotText: 'Not running' })
        .first();
      const link = item.getByRole('heading', { level: 3 }).getByRole('link');
      const href = (await link.getAttribute('href'))!;
      const name = (await link.textContent())!.replace(/: edit the listing$/, '').trim();
      expect(await searchFinds(page, name, true)).toBe(true);

      await visit(page, '/provider/listings');
      await page
        .getByRole('listitem')
        .filter({ has: page.locator(`a[href="${href}"]`) })
        .getByRole('button', { name: /^Mark as full/ })
        .click();
      await expect(page).toHaveURL(/capacity=full/, { timeout: 30_000 });
      await expect(page.getByText(`${name} now shows “Full”.`)).toBeVisible();
      await expectAccessible(page);

      expect(await searchFinds(page, name, true)).toBe(false);
      expect(await searchFinds(page, name, false)).toBe(true);
    });

    test('the coordinator sees a change field by field and approves it', async ({ page }) => {
      await signIn(page, coordinator.email, coordinator.password);
      await visit(page, '/moderation');
      await expect(page.getByRole('heading', { level: 1, name: 'Listing changes to check' })).toBeVisible();
      const row = page.getByRole('row').filter({ has: page.getByText('Change', { exact: true }) }).first();
      await row.getByRole('link').first().click();
      await expect(page).toHaveURL(/\/moderation\/[0-9a-f-]{36}$/, { timeout: 30_000 });
      await expect(page.getByRole('columnheader', { name: 'Proposed' })).toBeVisible();
      await expectAccessible(page);
      await page.getByLabel('Message to the group').fill('Thank you, this is now live.');
      await page.getByRole('button', { name: 'Approve and publish' }).click();
      await expect(page).toHaveURL(/\/moderation\?done=approve/, { timeout: 30_000 });
      await expect(page.getByText('Approved and published. The group has been told.')).toBeVisible();
      await expectAccessible(page);
    });
  });
}

test.describe('a new group', () => {
  test('signs up, lists a fortnightly activity, is approved by a coordinator and appears in search', async ({ page, browser }) => {
    const stamp = Date.now().toString(36);
    const email = `new-group-${stamp}@example.org`;
    const groupName = `Riverside Knitters ${stamp}`;
    const activity = `Knit and Natter ${stamp}`;

    await visit(page, '/groups/join');
    await page.getByLabel('Name of your group').fill(groupName);
    await page.getByLabel('Full name').fill('Ada Lovelace');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Create a password').fill('knitting needles and tea');
    await page.getByLabel('I am part of this group and it has agreed I can list it').check();
    await page.getByRole('button', { name: 'Register the group' }).click();
    await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
    await expectAccessible(page);

    // The confirmation e-mail, from the demo outbox.
    await visit(page, `/dev/outbox?to=${encodeURIComponent(email)}`);
    await page.getByRole('link', { name: /\/groups\/verify\// }).first().click();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Confirm my email address' }).click();
    await expect(page).toHaveURL(/\/sign-in/);

    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill('knitting needles and tea');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/provider/);

    await visit(page, '/provider/listings/new');
    await page.getByLabel('Name', { exact: true }).fill(activity);
    await page.getByLabel('Description').fill('Bring your knitting, or learn how. Tea and biscuits.');
    await page.getByRole('group', { name: 'What does it help with?' }).getByRole('checkbox').first().check();
    await page.getByLabel('Yes, it is free').check();
    await page.getByLabel('In person').check();
    await page.getByLabel('Drop in, no need to book').check();
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Address line 1').fill('St Mary’s Hall, 12 High Street');
    await page.getByLabel('Town or city').fill('Eastbrook');
    await page.getByLabel('Postcode').fill('EB1 1AH');
    await page.getByRole('group', { name: 'Which days?' }).getByLabel('Wednesday').check();
    await page.getByLabel('How many weeks apart?').selectOption('2');
    await page.getByLabel('Starts at').fill('14:00');
    await page.getByLabel('Ends at').fill('16:00');
    await expect(page.getByText('Every other Wednesday, 2pm to 4pm')).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Send for checking' }).click();
    await expect(page).toHaveURL(/saved=created/, { timeout: 30_000 });
    await expect(page.getByText('Your listing has been sent for checking')).toBeVisible();
    await expectAccessible(page);

    // The coordinator approves the group and the listing.
    const staff = await newPage(browser);
    await signIn(staff, coordinator.email, coordinator.password);
    await visit(staff, '/moderation/organisations');
    await staff.getByRole('region', { name: groupName }).getByLabel('I have checked the group exists and the contact is genuine').check();
    await staff.getByRole('button', { name: `Approve ${groupName}`, exact: true }).click();
    await expect(staff).toHaveURL(/done=approve/, { timeout: 30_000 });
    await expect(staff.getByText('Group approved. Its members have been told.')).toBeVisible();
    await visit(staff, '/moderation');
    await staff.getByRole('link', { name: new RegExp(`^${activity}\\s*: new listing$`) }).click();
    await expect(staff).toHaveURL(/\/moderation\/[0-9a-f-]{36}$/, { timeout: 30_000 });
    await expect(staff.getByRole('cell', { name: 'Every other Wednesday, 2pm to 4pm' })).toBeVisible();
    await staff.getByRole('button', { name: 'Approve and publish' }).click();
    await expect(staff).toHaveURL(/done=approve/, { timeout: 30_000 });
    await expect(staff.getByText('Approved and published. The group has been told.')).toBeVisible();

    expect(await searchFinds(staff, activity, false)).toBe(true);
    await staff.getByRole('link', { name: activity, exact: true }).first().click();
    await expect(staff.getByRole('heading', { level: 1 })).toContainText(activity);
    await expectAccessible(staff);
  });

  test('a provider confirms “still right” from the e-mailed link and the last-checked date changes', async ({ page }) => {
    await signIn(page, coordinator.email, coordinator.password);
    await visit(page, '/moderation/freshness');
    const row = page.getByRole('row').filter({ has: page.getByRole('button', { name: /^Send a reminder/ }) }).first();
    const name = (await row.getByRole('link').first().textContent())!.trim();
    await row.getByRole('button', { name: /^Send a reminder/ }).click();
    await expect(page.getByText(`Reminder sent for ${name}.`)).toBeVisible();
    await expectAccessible(page);

    await visit(page, '/dev/outbox');
    await page.getByRole('link', { name: /\/listing-check\// }).first().click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Is your listing for ${name} still right?`);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Yes, it is all still right' }).click();
    await expect(page.getByRole('heading', { name: 'Thank you, your listing is marked as checked' })).toBeVisible();
    await page.getByRole('link', { name: 'See your listing' }).click();
    await expect(page.getByText(`Last checked ${today()}.`)).toBeVisible();
    await expectAccessible(page);
  });
});
