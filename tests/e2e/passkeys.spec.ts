// Security keys and passkeys in Chromium, with its virtual authenticator (over CDP) standing in for
// a key: it answers navigator.credentials as a real one would, with the user present and verified.
// The authenticator lives as long as the page, so each test that uses one does so on one page.
import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, expectAccessibleAsServed, test, visit } from './axe';
import { PASSWORD, makeLinkWorker, passedPassword, query, setUp, signInWithPassword } from './two-step-fixture';

async function addVirtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'usb',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
}

test.describe('security keys and passkeys', () => {
  test('a link worker with an app adds a key, signs in with it, then removes it', async ({ page }) => {
    test.setTimeout(180_000);
    await addVirtualAuthenticator(page);
    const user = await makeLinkWorker();
    await passedPassword(page.context(), user.id);
    await setUp(page);
    await page.getByRole('button', { name: 'I have saved these codes' }).click();
    await expect(page).toHaveURL(/\/caseload$/, { timeout: 20_000 });

    await visit(page, '/account/two-step');
    await page.getByRole('link', { name: 'Add a security key or passkey' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Add a security key or passkey');
    await expectAccessible(page);
    // A name first, before the browser asks for the key.
    await page.getByRole('button', { name: 'Add the key' }).click();
    await expect(page.getByRole('link', { name: 'Enter a name for the key, like Yellow key' })).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel('Name the key').fill('Yellow key');
    await page.getByRole('button', { name: 'Add the key' }).click();
    await expect(page).toHaveURL(/\/account\/two-step\?done=key-added$/, { timeout: 20_000 });
    await expect(page.getByText('Your security key or passkey is added')).toBeVisible();
    await expect(page.getByRole('term').filter({ hasText: 'Yellow key' })).toBeVisible();
    await expect(page.getByText('Not used yet')).toBeVisible();
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Sign out' }).first().click();
    await expect(page).toHaveURL(/\/sign-in\?signedOut=1$/);
    await signInWithPassword(page, user.email);
    // The app's code box, with the key beside it.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Enter the 6-digit code from your authenticator app');
    await expect(page.getByRole('heading', { level: 2, name: 'Or use a security key or passkey' })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Use your security key or passkey' }).click();
    await expect(page).toHaveURL(/\/caseload$/, { timeout: 20_000 });

    await visit(page, '/account/two-step');
    await expect(page.getByText(/Last used \d/)).toBeVisible();
    await page.getByRole('link', { name: 'Remove Yellow key' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Remove Yellow key?');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Remove the key' }).click();
    await expect(page).toHaveURL(/\/account\/two-step\?done=key-removed$/, { timeout: 20_000 });
    await expect(page.getByRole('term').filter({ hasText: 'Yellow key' })).toHaveCount(0);
    await expectAccessible(page);
  });

  test('a key instead of an app at the first sign-in comes with recovery codes', async ({ page }) => {
    test.setTimeout(120_000);
    await addVirtualAuthenticator(page);
    const user = await makeLinkWorker();
    await passedPassword(page.context(), user.id);
    await visit(page, '/sign-in/two-step/set-up');
    await page.getByRole('link', { name: 'Use a security key or passkey instead' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Set up a security key or passkey');
    await expectAccessible(page);
    await page.getByLabel('Name the key').fill('Work laptop');
    await page.getByRole('button', { name: 'Add the key' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Save your recovery codes');
    await expect(page.getByTestId('recovery-codes').locator('li')).toHaveCount(10);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'I have saved these codes' }).click();
    await expect(page).toHaveURL(/\/caseload$/, { timeout: 20_000 });

    // The password step now asks for the key, with recovery codes as the way round.
    await page.getByRole('button', { name: 'Sign out' }).first().click();
    await signInWithPassword(page, user.email);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Use your security key or passkey');
    await expect(page.getByRole('link', { name: 'Use a recovery code instead' })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Use your security key or passkey' }).click();
    await expect(page).toHaveURL(/\/caseload$/, { timeout: 20_000 });
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('the pages say a key needs JavaScript, and the recovery code is offered', async ({ page, browser }) => {
      const user = await makeLinkWorker();
      // A key made elsewhere: its row is all the page needs to offer it.
      await query(
        `INSERT INTO "Passkey" (id, "userId", name, "credentialId", "publicKey") VALUES (gen_random_uuid(), $1, 'Yellow key', $2, 'x')`,
        [user.id, randomBytes(16).toString('base64url')],
      );
      await passedPassword(page.context(), user.id);
      await page.goto('/sign-in/two-step');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Use your security key or passkey');
      await expectAccessibleAsServed(page, browser);
      await expect(page.getByTestId('passkey-fallback')).toHaveText(
        'Security keys and passkeys need JavaScript, which is off. Use a recovery code.',
      );
      await expect(page.getByRole('button', { name: 'Use your security key or passkey' })).toHaveCount(0);
      await expect(page.getByRole('link', { name: 'Use a recovery code instead' })).toBeVisible();

      // An account without two-step sign-in (not required on this server) reaches the add page.
      const plain = await makeLinkWorker();
      await page.goto('/sign-in');
      await page.getByLabel('Email address').fill(plain.email);
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page).toHaveURL(/\/caseload$/, { timeout: 20_000 });
      await page.goto('/account/two-step/keys/add');
      await expect(page.getByTestId('passkey-fallback')).toContainText('need JavaScript, which is off');
      await expectAccessibleAsServed(page, browser);
      await expect(page.getByRole('button', { name: 'Add the key' })).toHaveCount(0);
    });
  });
});
