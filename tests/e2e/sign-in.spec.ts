import { demoAccounts } from '../../lib/demo/accounts';
import { expect, expectAccessible, test, visit } from './axe';

const homes: Record<string, { path: string; heading: RegExp }> = {
  provider: { path: '/provider', heading: /listings/i },
  link_worker: { path: '/caseload', heading: /caseload/i },
  coordinator: { path: '/triage', heading: /triage/i },
  commissioner: { path: '/reports', heading: /reports/i },
  admin: { path: '/admin', heading: /admin/i },
};

async function signIn(page: import('@playwright/test').Page, email: string, password: string) {
  await visit(page, '/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test.describe('signing in', () => {
  for (const role of Object.keys(homes)) {
    test(`${role === 'admin' ? 'an' : 'a'} ${role.replace('_', ' ')} signs in and reaches their home page`, async ({ page }) => {
      const account = demoAccounts.find((a) => a.role === role);
      expect(account, `a demo account for ${role}`).toBeTruthy();
      await signIn(page, account!.email, account!.password);
      await expect(page).toHaveURL(new RegExp(`${homes[role].path}$`));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(homes[role].heading);
      await expectAccessible(page);
    });
  }

  test('a wrong password shows an error and keeps the e-mail typed', async ({ page }) => {
    const account = demoAccounts[0];
    await signIn(page, account.email, 'not-the-password');
    await expect(page.getByRole('alert').filter({ hasText: /there is a problem/i })).toBeVisible();
    await expect(page.getByLabel('Email address')).toHaveValue(account.email);
    await expectAccessible(page);
  });

  test('a page for another role is refused with 403', async ({ page }) => {
    const worker = demoAccounts.find((a) => a.role === 'link_worker')!;
    await signIn(page, worker.email, worker.password);
    await expect(page).toHaveURL(/\/caseload$/);
    const response = await visit(page, '/admin');
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(/permission/i);
  });

  test('signing out ends the session on the server: a copy of the cookie no longer works', async ({ page, context }) => {
    const worker = demoAccounts.find((a) => a.role === 'coordinator')!;
    await signIn(page, worker.email, worker.password);
    await expect(page).toHaveURL(/\/triage$/);
    const copy = (await context.cookies()).filter((c) => c.name.endsWith('cc_session'));
    expect(copy).toHaveLength(1);
    expect(copy[0]).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    await page.getByRole('button', { name: 'Sign out' }).first().click();
    await expect(page).toHaveURL(/\/sign-in\?signedOut=1$/);
    await context.addCookies(copy);
    await visit(page, '/triage');
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test('wrong passwords from another browser neither lock the account nor end its session', async ({ browser }) => {
    test.setTimeout(180_000);
    const account = demoAccounts.find((a) => a.email === 'pcn.linkworker@demo.example')!;
    const mine = await browser.newContext();
    const page = await mine.newPage();
    await signIn(page, account.email, account.password);
    await expect(page).toHaveURL(/\/caseload$/);

    const attacker = await (await browser.newContext()).newPage();
    await visit(attacker, '/sign-in');
    await attacker.getByLabel('Email address').fill(account.email);
    for (let i = 0; i < 6; i++) {
      await attacker.getByLabel('Password', { exact: true }).fill(`guess-${i}`);
      await Promise.all([
        attacker.waitForResponse((r) => r.request().method() === 'POST'),
        attacker.getByRole('button', { name: 'Sign in' }).click(),
      ]);
      await expect(
        attacker.getByText(/Enter a correct email address and password|Too many attempts\. Wait/).first(),
      ).toBeVisible();
    }
    await expectAccessible(attacker);

    // The person's session carries on, and their own browser signs in again at once.
    await visit(page, '/caseload');
    await expect(page).toHaveURL(/\/caseload$/);
    await page.getByRole('button', { name: 'Sign out' }).first().click();
    await signIn(page, account.email, account.password);
    await expect(page).toHaveURL(/\/caseload$/);

    // From elsewhere the right password works once the short wait is over: nothing was locked.
    await expect(async () => {
      await attacker.getByLabel('Password', { exact: true }).fill(account.password);
      await attacker.getByRole('button', { name: 'Sign in' }).click();
      await expect(attacker).toHaveURL(/\/caseload$/, { timeout: 3000 });
    }).toPass({ timeout: 30_000 });
    await mine.close();
  });

  test('a staff page sends a signed-out visitor to sign in', async ({ page }) => {
    await visit(page, '/triage');
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test('the public home page says this is not an emergency service', async ({ page }) => {
    await visit(page, '/');
    await expect(page.getByText(/not an emergency service/i).first()).toBeVisible();
    await expect(page.getByText(/116 123/).first()).toBeVisible();
  });
});
