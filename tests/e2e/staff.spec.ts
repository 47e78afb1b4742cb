import type { Browser, Page } from '@playwright/test';
import { DEMO_TEAMS, demoAccounts } from '../../lib/demo/accounts';
import { expect, expectAccessible, test, visit } from './axe';

const admin = demoAccounts.find((a) => a.role === 'admin')!;
const stamp = Date.now().toString(36);
const worker = { name: `Ada Byron ${stamp}`, email: `ada-${stamp}@example.org`, password: 'a kettle and seven mugs' };
const NEW_PASSWORD = 'purple tractor on the moon';

async function signIn(page: Page, email: string, password: string) {
  await visit(page, '/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/sign-in/, { timeout: 30_000 });
  await expectAccessible(page);
}

async function newPage(browser: Browser) {
  return (await browser.newContext()).newPage();
}

/** The newest link to `path` in a message to `to`, read from the outbox by the signed-in admin. */
async function linkFromOutbox(adminPage: Page, to: string, path: string): Promise<string> {
  await visit(adminPage, `/dev/outbox?to=${encodeURIComponent(to)}`);
  const href = await adminPage
    .getByRole('link', { name: new RegExp(`${path}/`) })
    .first()
    .getAttribute('href');
  expect(href).toMatch(new RegExp(`^${path}/[A-Za-z0-9_-]{43}$`));
  return href!;
}

async function choosePassword(page: Page, password: string, button: string) {
  await page.getByLabel('Create a password').fill(password);
  await page.getByRole('button', { name: button }).click();
}

// One flow in three steps, on a shared machine: each step signs in several people.
test.describe.configure({ mode: 'serial', timeout: 240_000 });

test.describe('staff accounts', () => {
  test('an admin invites a link worker, who sets a password from the e-mailed link and signs in', async ({ page, browser }) => {
    await signIn(page, admin.email, admin.password);
    await visit(page, '/admin/staff');
    await expect(page.getByRole('heading', { level: 1, name: 'Staff accounts' })).toBeVisible();
    await page.getByRole('link', { name: 'Invite a member of staff' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Invite a member of staff' })).toBeVisible();
    await expectAccessible(page);

    // Nothing filled in: every problem is named.
    await page.getByRole('button', { name: 'Send invite' }).click();
    await expect(page.getByRole('alert').filter({ hasText: /there is a problem/i })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Enter their full name' })).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel('Full name').fill(worker.name);
    await page.getByLabel('Email address').fill(worker.email);
    await page.getByLabel('Link worker').check();
    await page.getByLabel('Team', { exact: true }).selectOption({ label: DEMO_TEAMS.council });
    await page.getByRole('button', { name: 'Send invite' }).click();
    await expect(page.getByRole('heading', { level: 1, name: worker.name })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText('Invite sent')).toBeVisible();
    await expect(page.getByText('Invited', { exact: true })).toBeVisible();
    await expectAccessible(page);

    const link = await linkFromOutbox(page, worker.email, '/accept-invite');
    const newcomer = await newPage(browser);
    await visit(newcomer, link);
    await expect(newcomer.getByRole('heading', { level: 1, name: 'Set your password' })).toBeVisible();

    await choosePassword(newcomer, 'too short', 'Set password and continue');
    await expect(newcomer.getByRole('link', { name: /at least 12 characters/ })).toBeVisible({ timeout: 30_000 });
    await expectAccessible(newcomer);
    await choosePassword(newcomer, 'Password1234', 'Set password and continue');
    await expect(newcomer.getByRole('link', { name: /too easy to guess/ })).toBeVisible({ timeout: 30_000 });
    await expectAccessible(newcomer);
    await choosePassword(newcomer, worker.password, 'Set password and continue');
    await expect(newcomer.getByRole('heading', { level: 1, name: 'Your password has been set' })).toBeVisible({
      timeout: 30_000,
    });
    await expectAccessible(newcomer);

    // The link worked once.
    await visit(newcomer, link);
    await expect(newcomer.getByRole('heading', { level: 1, name: /already been used or has expired/ })).toBeVisible();

    await signIn(newcomer, worker.email, worker.password);
    await expect(newcomer).toHaveURL(/\/caseload$/);
  });

  test('a link worker who forgot their password resets it; their other sessions end', async ({ page, browser }) => {
    const elsewhere = await newPage(browser);
    await signIn(elsewhere, worker.email, worker.password);
    await expect(elsewhere).toHaveURL(/\/caseload$/);

    await visit(page, '/sign-in');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Reset your password' })).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel('Email address').fill(worker.email);
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await expect(page.getByText(`If ${worker.email} has an account, we have sent a link to reset its password`)).toBeVisible({
      timeout: 30_000,
    });
    await expectAccessible(page);

    // An address without an account gets the same answer.
    await visit(page, '/forgot-password');
    await page.getByLabel('Email address').fill(`nobody-${stamp}@example.org`);
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await expect(
      page.getByText(`If nobody-${stamp}@example.org has an account, we have sent a link to reset its password`),
    ).toBeVisible({
      timeout: 30_000,
    });

    const adminPage = await newPage(browser);
    await signIn(adminPage, admin.email, admin.password);
    const link = await linkFromOutbox(adminPage, worker.email, '/reset-password');

    await visit(page, link);
    await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
    await choosePassword(page, 'qwertyuiop123', 'Save new password');
    await expect(page.getByRole('link', { name: /too easy to guess/ })).toBeVisible({ timeout: 30_000 });
    await expectAccessible(page);
    await choosePassword(page, NEW_PASSWORD, 'Save new password');
    await expect(page.getByRole('heading', { level: 1, name: 'Your password has been changed' })).toBeVisible({
      timeout: 30_000,
    });
    await expectAccessible(page);

    // The session that was open elsewhere has ended.
    await visit(elsewhere, '/caseload');
    await expect(elsewhere).toHaveURL(/\/sign-in/);

    await signIn(page, worker.email, NEW_PASSWORD);
    await expect(page).toHaveURL(/\/caseload$/);
  });

  test('an admin switches the account off, which ends its session at once', async ({ page, browser }) => {
    const workerPage = await newPage(browser);
    await signIn(workerPage, worker.email, NEW_PASSWORD);
    await expect(workerPage).toHaveURL(/\/caseload$/);

    await signIn(page, admin.email, admin.password);
    await visit(page, `/admin/staff?q=${encodeURIComponent(worker.email)}`);
    await page.getByRole('link', { name: worker.name }).click();
    await expect(page.getByRole('heading', { level: 1, name: worker.name })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Switch off this account' }).click();
    await expect(page.getByText('Account switched off')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('cell', { name: 'Switched off (all sessions ended)' })).toBeVisible();
    await expectAccessible(page);

    await visit(workerPage, '/caseload');
    await expect(workerPage).toHaveURL(/\/sign-in/);
  });
});
