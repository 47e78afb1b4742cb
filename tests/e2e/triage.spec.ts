import type { Page } from '@playwright/test';
import { demoAccounts } from '../../lib/demo/accounts';
import { expect, expectAccessible, test, visit } from './axe';

const coordinator = demoAccounts.find((a) => a.email === 'coordinator@demo.example')!;

async function signIn(page: Page, email: string, password: string) {
  await visit(page, '/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Sends a self-referral through the public form and returns its reference. */
async function selfRefer(page: Page, name: string): Promise<string> {
  await visit(page, '/refer');
  await page.getByLabel('Myself').check();
  await page.getByLabel('Full name').fill(name);
  await page.getByLabel('Age range (if you do not know the date of birth)').selectOption('55-64');
  await page.getByLabel('Email', { exact: true }).check();
  await page.getByLabel('Email address', { exact: true }).fill('resident@example.com');
  await page.getByLabel('What matters to you, and what would you like help with?').fill('Money is tight and I feel alone.');
  await page.getByLabel('A link worker can get in touch about this, using the details above').check();
  await page.getByRole('button', { name: 'Send request' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Request sent');
  await expectAccessible(page);
  return (await page.locator('.panel__reference').innerText()).trim();
}

test.describe('triage', () => {
  test('a coordinator sees a new referral in the queue, rates it and assigns it to a link worker', async ({ page }) => {
    const reference = await selfRefer(page, 'Harold Pemberton');

    await signIn(page, coordinator.email, coordinator.password);
    await expect(page).toHaveURL(/\/triage$/);
    await expectAccessible(page);
    const row = page.getByRole('row').filter({ hasText: reference });
    await expect(row).toBeVisible();
    await expect(row).toContainText('Self-referral');
    await expect(row).toContainText('Not rated');

    // A page beyond the end shows the last page, where the newest referral is.
    await visit(page, '/triage?page=99');
    await expect(row).toBeVisible();

    await row.getByRole('link', { name: reference }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(reference);
    await expect(page.getByText('Harold Pemberton')).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel('Amber: soon').check();
    await page.getByLabel('Reason for the rating').fill('Money worries and isolation.');
    await page.getByRole('button', { name: 'Save rating' }).click();
    await expect(page.getByText('Rating saved.')).toBeVisible();
    await expect(page.getByText('Money worries and isolation.').first()).toBeVisible();
    await expectAccessible(page);

    const priya = page.getByRole('radio', { name: 'Priya Shah' });
    await expect(page.getByText(/open cases?, \d+ follow-ups? due/).first()).toBeVisible();
    await priya.check();
    await page.getByRole('button', { name: 'Assign' }).click();

    await expect(page).toHaveURL(/\/triage\?assigned=/);
    await expect(page.getByText(`${reference} assigned`)).toBeVisible();
    await expect(page.getByText('Priya Shah now has this referral on their caseload.')).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: reference })).toHaveCount(0);
    await expectAccessible(page);
  });

  test('two coordinators at once: the second is told the referral changed, and nothing is overwritten', async ({
    page: first,
  }) => {
    const reference = await selfRefer(first, 'Winifred Ashdown');

    await signIn(first, coordinator.email, coordinator.password);
    await first.getByRole('row').filter({ hasText: reference }).getByRole('link', { name: reference }).click();
    await expect(first.getByRole('heading', { level: 1 })).toContainText(reference);
    const url = first.url();

    // A second tab opened before the first one saves.
    const second = await first.context().newPage();
    await visit(second, url);

    await first.getByLabel('Red: urgent').check();
    await first.getByLabel('Reason for the rating').fill('No money for food this week.');
    await first.getByRole('button', { name: 'Save rating' }).click();
    await expect(first.getByText('Rating saved.')).toBeVisible();

    await second.getByLabel('Green: everything else').check();
    await second.getByLabel('Reason for the rating').fill('Looks routine.');
    await second.getByRole('button', { name: 'Save rating' }).click();
    await expect(second.getByRole('alert').filter({ hasText: 'This referral changed since you opened it' })).toBeVisible();
    await expectAccessible(second);
    await second.close();

    await visit(first, url);
    await expect(first.getByText('No money for food this week.').first()).toBeVisible();
    await expect(first.getByText('Looks routine.')).toHaveCount(0);
  });
});
