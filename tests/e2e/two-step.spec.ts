// Two-step sign-in for a member of staff the test creates in the database. The browser tests' server
// does not require two-step sign-in (TWO_STEP_REQUIRED=false, so other tests' new accounts sign in
// in one step), so the first sign-in's set-up is reached by putting the pending cookie in the
// browser, sealed with the app's key, as the password step does when two-step is required; later
// sign-ins go through the password form, which asks for a code because the account has an app.
import { codeAt } from '../../lib/auth/two-step/totp';
import { expect, expectAccessible, test, visit } from './axe';
import { makeLinkWorker, passedPassword, setUp, signInWithPassword } from './two-step-fixture';

test.describe('two-step sign-in', () => {
  test('without the password step first, the code page sends you to sign in', async ({ page }) => {
    await page.goto('/sign-in/two-step');
    await expect(page).toHaveURL(/\/sign-in\?reason=two-step-expired$/);
    await expect(page.getByText('Signing in took longer than 5 minutes')).toBeVisible();
  });

  // One member of staff through three sign-ins, in order: set-up, then a code, then a recovery code.
  test.describe.serial('a link worker', () => {
    let user: { id: string; email: string };
    let secret: string;
    let recoveryCodes: string[];

    test('sets up an authenticator, saves the recovery codes and reaches their caseload', async ({ page }) => {
      user = await makeLinkWorker();
      await passedPassword(page.context(), user.id);
      ({ secret, recoveryCodes } = await setUp(page));
      await page.getByRole('button', { name: 'I have saved these codes' }).click();
      await expect(page).toHaveURL(/\/caseload$/, { timeout: 20_000 });
      await expectAccessible(page);

      await visit(page, '/account/two-step');
      await expect(page.getByText(/^On since /)).toBeVisible();
      await expect(page.getByText('10 of 10 left')).toBeVisible();
    });

    test('signs in next time with the password, then a code from the app', async ({ page }) => {
      await signInWithPassword(page, user.email);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Enter the 6-digit code from your authenticator app');
      const input = page.getByLabel('Enter the 6-digit code from your authenticator app');
      await expect(input).toHaveAttribute('autocomplete', 'one-time-code');
      await expect(input).toHaveAttribute('inputmode', 'numeric');

      await input.fill('12345');
      await page.getByRole('button', { name: 'Continue' }).click();
      await expect(page.getByRole('link', { name: 'The code must be 6 numbers' })).toBeVisible();
      await expectAccessible(page);

      // Set-up used the code of its step; the next step's is inside the window and not used yet.
      await input.fill(codeAt(secret, new Date(Date.now() + 30_000)));
      await page.getByRole('button', { name: 'Continue' }).click();
      await expect(page).toHaveURL(/\/caseload$/, { timeout: 20_000 });
    });

    test('signs in with a recovery code instead, which then counts as used', async ({ page }) => {
      await signInWithPassword(page, user.email);
      await page.getByRole('link', { name: 'Use a recovery code instead' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Enter a recovery code');
      await expectAccessible(page);
      await page.getByLabel('Enter a recovery code').fill(recoveryCodes[0]);
      await page.getByRole('button', { name: 'Continue' }).click();
      await expect(page).toHaveURL(/\/caseload$/, { timeout: 20_000 });
      await visit(page, '/account/two-step');
      await expect(page.getByText('9 of 10 left')).toBeVisible();
    });
  });
});
