import type { Page } from '@playwright/test';
import { demoAccounts } from '../../lib/demo/accounts';
import { expect, expectAccessible, test, visit } from './axe';

const admin = demoAccounts.find((a) => a.role === 'admin')!;
const stamp = Date.now().toString(36);
const NEW_NAME = `Eastbrook Together ${stamp}`;
const NEW_COLOUR = '#00703c';
const ONE_PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

async function signIn(page: Page) {
  await visit(page, '/sign-in');
  await page.getByLabel('Email address').fill(admin.email);
  await page.getByLabel('Password', { exact: true }).fill(admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/sign-in/, { timeout: 30_000 });
  await expectAccessible(page);
}

async function openSection(page: Page, link: string, heading: string) {
  await visit(page, '/admin/settings');
  await page.getByRole('link', { name: link }).click();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  await expectAccessible(page);
}

async function saveAndExpectDone(page: Page) {
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page).toHaveURL(/\/admin\/settings\?done=/, { timeout: 30_000 });
  await expect(page.getByRole('alert').filter({ hasText: 'Settings saved' })).toBeVisible();
  await expectAccessible(page);
}

/** "9 December 2026" in London, as the service writes dates. */
const londonDate = (d: Date) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric' }).format(d);

// One admin changes shared settings: the steps run in order and put everything back at the end.
test.describe.configure({ mode: 'serial', timeout: 180_000 });

test.describe('settings', () => {
  let original: { name: string; colour: string; reminder: string } | undefined;

  test('an admin renames the service and changes its colour; the public home page shows both at once', async ({
    page,
    browser,
  }) => {
    await signIn(page);
    await openSection(page, 'Change the service', 'The service');
    original = {
      name: await page.getByLabel('Name of the service').inputValue(),
      colour: await page.getByLabel('Brand colour').inputValue(),
      reminder: '',
    };

    // Too light for white text: refused, with what was typed kept.
    await page.getByLabel('Name of the service').fill(NEW_NAME);
    await page.getByLabel('Brand colour').fill('#ffdd00');
    await page.getByRole('button', { name: 'Save settings' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await expect(summary).toContainText('The brand colour is too light');
    await expect(page.getByLabel('Name of the service')).toHaveValue(NEW_NAME);
    await expect(page.getByLabel('Brand colour')).toHaveValue('#ffdd00');
    await expectAccessible(page);

    await page.getByLabel('Brand colour').fill(NEW_COLOUR);
    await saveAndExpectDone(page);

    // A visitor who is not signed in sees the new name and colour straight away.
    const visitor = await (await browser.newContext()).newPage();
    await visit(visitor, '/');
    await expect(visitor.getByRole('link', { name: NEW_NAME, exact: true })).toBeVisible();
    await expect(visitor).toHaveTitle(new RegExp(NEW_NAME));
    const band = await visitor.locator('header.site-header').evaluate((el) => getComputedStyle(el).borderBottomColor);
    expect(band).toBe('rgb(0, 112, 60)');
    await visitor.context().close();
  });

  test('an admin uploads a logo; the header shows it, named as the service', async ({ page, browser }) => {
    await signIn(page);
    await openSection(page, 'Change the service', 'The service');
    // No file chosen: refused on the field.
    await page.getByRole('button', { name: 'Upload logo' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText('Select a logo file');
    await expectAccessible(page);

    await page.getByLabel('Upload a logo').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: ONE_PIXEL_PNG });
    await page.getByRole('button', { name: 'Upload logo' }).click();
    await expect(page).toHaveURL(/\/admin\/settings\?done=logo/, { timeout: 30_000 });
    await expectAccessible(page);

    const visitor = await (await browser.newContext()).newPage();
    await visit(visitor, '/');
    const logo = visitor.getByRole('banner').getByRole('img', { name: NEW_NAME });
    await expect(logo).toBeVisible();
    const src = await logo.getAttribute('src');
    expect(src).toMatch(/^\/api\/logo\?v=[0-9a-f]{16}$/);
    const response = await visitor.request.get(src!);
    expect(response.headers()['content-type']).toBe('image/png');
    expect(response.headers()['cache-control']).toContain('immutable');
    expect(response.headers()['x-content-type-options']).toBe('nosniff');
    await visitor.context().close();

    await openSection(page, 'Change the service', 'The service');
    await page.getByRole('button', { name: 'Remove the logo' }).click();
    await expect(page).toHaveURL(/\/admin\/settings\?done=logo_removed/, { timeout: 30_000 });
    await expectAccessible(page);
  });

  test('an admin sets the referral reminder to 5 days, and the next reminder follows it', async ({ page }) => {
    await signIn(page);
    await openSection(page, 'Change timings and targets', 'Timings and targets');
    const reminder = page.getByLabel('Remind a group about an unanswered referral after');
    original!.reminder = await reminder.inputValue();

    // Not a whole number: refused on the field.
    await reminder.fill('five');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText(
      'Enter the reminder as a whole number of days',
    );
    await expectAccessible(page);

    await reminder.fill('5');
    const before = Date.now();
    await saveAndExpectDone(page);
    const after = Date.now();
    // The date shown is worked out when the page is drawn, between these two instants.
    const expected = new Set([before, after].map((t) => londonDate(new Date(t + 5 * 86_400_000))));
    const shown = await page.locator('#next-reminder strong').first().innerText();
    expect([...expected]).toContain(shown);
    await expect(page.getByText('5 days', { exact: true })).toBeVisible();
  });

  test.afterAll(async ({ browser }) => {
    if (!original) return;
    // Put the shared demo back for the other browser tests.
    const page = await (await browser.newContext()).newPage();
    await signIn(page);
    await openSection(page, 'Change the service', 'The service');
    await page.getByLabel('Name of the service').fill(original.name);
    await page.getByLabel('Brand colour').fill(original.colour);
    await saveAndExpectDone(page);
    if (original.reminder) {
      await openSection(page, 'Change timings and targets', 'Timings and targets');
      await page.getByLabel('Remind a group about an unanswered referral after').fill(original.reminder);
      await saveAndExpectDone(page);
    }
    await page.context().close();
  });
});
