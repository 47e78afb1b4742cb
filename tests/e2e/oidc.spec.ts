// Single sign-on in the browser, against the real OpenID Connect provider scripts/test.ts starts
// (tests/helpers/oidc-provider.ts): the button on our sign-in page, the provider's login page, and
// back to the caseload. axe checks our pages; the provider's page is not ours.
import { demoAccounts } from '../../lib/demo/accounts';
import { expect, expectAccessible, test, visit } from './axe';

const BUTTON = "Sign in with your organisation's account";

async function atProvider(page: import('@playwright/test').Page, account: string) {
  await expect(page.getByRole('heading', { name: 'Test identity provider' })).toBeVisible();
  await page.getByLabel('Account').fill(account);
  await page.getByRole('button', { name: 'Continue' }).click();
}

test.describe('single sign-on', () => {
  test("a link worker signs in with their organisation's account and reaches the caseload", async ({ page }) => {
    const worker = demoAccounts.find((a) => a.role === 'link_worker')!;
    await visit(page, '/sign-in');
    await page.getByRole('link', { name: BUTTON }).click();
    // The provider knows nobody by name: it vouches for the address typed, with a subject of its own.
    await atProvider(page, worker.email.toUpperCase());
    await expect(page).toHaveURL(/\/caseload$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/caseload/i);
    await expectAccessible(page);
    const cookies = await page.context().cookies();
    expect(cookies.filter((c) => c.name.endsWith('cc_session'))).toHaveLength(1);
    // The sign-in's state is used up.
    expect(cookies.filter((c) => c.name.endsWith('cc_oidc'))).toHaveLength(0);
  });

  test('someone with no account is sent back to sign in, told which address has none', async ({ page }) => {
    await visit(page, '/sign-in?callbackUrl=%2Fcaseload');
    await page.getByRole('link', { name: BUTTON }).click();
    await atProvider(page, 'not-staff@council.example');
    await expect(page).toHaveURL(/\/sign-in\?reason=oidc-no-account$/);
    await expect(
      page.getByText('There is no active account for not-staff@council.example. Ask your coordinator or admin to invite you.'),
    ).toBeVisible();
    // The address travels in a cookie, never in the address bar.
    expect(page.url()).not.toContain('not-staff');
    await expectAccessible(page);
  });

  test('an answer without the sign-in this browser started is refused', async ({ page }) => {
    await visit(page, '/sign-in/oidc/callback?code=made-up&state=made-up');
    await expect(page).toHaveURL(/\/sign-in\?reason=oidc-expired$/);
    await expect(page.getByText(/took too long, or was started in another browser/)).toBeVisible();
    await expectAccessible(page);
  });
});
