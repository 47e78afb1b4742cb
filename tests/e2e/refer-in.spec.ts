import { expect, expectAccessible, expectAccessibleAsServed, test, visit } from './axe';

const REFERENCE = /EB-[0-9A-Z]{4}-[0-9A-Z]{4}/;

test.describe('refer in', () => {
  test('a resident refers themself and sees their reference and what happens next', async ({ page }) => {
    await visit(page, '/refer');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ask for help from a link worker');
    await expect(page.getByText(/not an emergency service/i).first()).toBeVisible();

    await page.getByLabel('Myself').check();
    await page.getByLabel('Full name').fill('Dorothy Fairweather');
    await page.getByLabel('Age range (if you do not know the date of birth)').selectOption('75-84');
    await page.getByLabel('Postcode (optional)').fill('eb1 2ab');
    await page.getByLabel('Phone call').check();
    await page.getByLabel('Phone number', { exact: true }).fill('01632 960 321');
    await page.getByLabel('Weekday mornings').check();
    await page
      .getByLabel('What matters to you, and what would you like help with?')
      .fill('I live on my own now and would like some company.');
    await page
      .getByRole('group', { name: /what would you like help with/i })
      .getByRole('checkbox')
      .first()
      .check();
    await page.getByLabel('A link worker can get in touch about this, using the details above').check();
    await page.getByRole('button', { name: 'Send request' }).click();

    await expect(page).toHaveURL(/\/refer\/sent\?/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Request sent');
    await expect(page.locator('.panel__reference')).toHaveText(REFERENCE);
    await expect(page.getByRole('heading', { name: 'What happens next' })).toBeVisible();
    await expect(page.getByText(/will get in touch by phone within 10 working days, by/)).toBeVisible();
    await expectAccessible(page);
  });

  test('a form with a mistake shows what to fix and keeps what was typed', async ({ page }) => {
    await visit(page, '/refer');
    await page.getByLabel('Myself').check();
    await page.getByLabel('Full name').fill('Dorothy Fairweather');
    await page.getByLabel('Day', { exact: true }).fill('31');
    await page.getByLabel('Month', { exact: true }).fill('2');
    await page.getByLabel('Year', { exact: true }).fill('1950');
    await page.getByLabel('Text message').check();
    await page.getByLabel('Phone number', { exact: true }).fill('01632 960 321');
    await page.getByLabel('What matters to you, and what would you like help with?').fill('Getting back to the allotment.');
    await page.getByRole('button', { name: 'Send request' }).click();

    const summary = page.getByRole('alert').filter({ hasText: /there is a problem/i });
    await expect(summary).toBeVisible();
    await expect(summary.getByRole('link', { name: /date of birth must be a real date/i })).toBeVisible();
    await expect(summary.getByRole('link', { name: /mobile phone number/i })).toBeVisible();
    await expect(summary.getByRole('link', { name: /tick the box/i })).toBeVisible();

    await expect(page.getByLabel('Full name')).toHaveValue('Dorothy Fairweather');
    await expect(page.getByLabel('Day', { exact: true })).toHaveValue('31');
    await expect(page.getByLabel('Year', { exact: true })).toHaveValue('1950');
    await expect(page.getByLabel('Text message')).toBeChecked();
    await expect(page.getByLabel('Phone number', { exact: true })).toHaveValue('01632 960 321');
    await expect(page.getByLabel('What matters to you, and what would you like help with?')).toHaveValue(
      'Getting back to the allotment.',
    );
    await expectAccessible(page);

    // Fixing the mistakes sends it.
    await page.getByLabel('Day', { exact: true }).fill('28');
    await page.getByLabel('Phone number', { exact: true }).fill('07700 900 321');
    await page.getByLabel('A link worker can get in touch about this, using the details above').check();
    await page.getByRole('button', { name: 'Send request' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Request sent');
    await expect(page.getByText(/by text message within 10 working days/)).toBeVisible();
    await expectAccessible(page);
  });

  test('a professional refers someone without an account', async ({ page }) => {
    await visit(page, '/refer/professional');
    await expect(page.getByText(/not an emergency service/i).first()).toBeVisible();
    await page.getByLabel('Your name').fill('Dr Asha Patel');
    await page.getByLabel('Your job title or role').fill('GP');
    await page.getByLabel('Organisation or practice').fill('Brook Street Surgery');
    await page.getByLabel('GP practice', { exact: true }).check();
    await page.getByLabel('Your work email address').fill('asha.patel@brook.example.org');
    await page.getByLabel('Full name').fill('Kenneth Brightwell');
    await page.getByLabel('Age range (if you do not know the date of birth)').selectOption('65-74');
    await page.getByLabel('Phone call').check();
    await page.getByLabel('Phone number', { exact: true }).fill('01632 960 654');
    await page
      .getByLabel('What matters to the person, and what would they like help with?')
      .fill('Recently widowed, wants to get back to bowls.');
    await page.getByLabel('They know about this referral and agree to a link worker getting in touch').check();
    await page.getByRole('button', { name: 'Send referral' }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Referral sent');
    await expect(page.locator('.panel__reference')).toHaveText(REFERENCE);
    await expectAccessible(page);
  });
});

test.describe('refer in without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the form posts, shows errors with values kept, then sends', async ({ page, browser }) => {
    await page.goto('/refer');
    await expectAccessibleAsServed(page, browser);
    await page.getByLabel('Myself').check();
    await page.getByLabel('Full name').fill('Albert Noscript');
    await page.getByLabel('What matters to you, and what would you like help with?').fill('Finding a choir.');
    await page.getByRole('button', { name: 'Send request' }).click();

    await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    await expect(page.getByLabel('Full name')).toHaveValue('Albert Noscript');
    await expect(page.getByLabel('What matters to you, and what would you like help with?')).toHaveValue('Finding a choir.');
    await expectAccessibleAsServed(page, browser);

    await page.getByLabel('Age range (if you do not know the date of birth)').selectOption('85+');
    await page.getByLabel('Phone call').check();
    await page.getByLabel('Phone number', { exact: true }).fill('01632 960 999');
    await page.getByLabel('A link worker can get in touch about this, using the details above').check();
    await page.getByRole('button', { name: 'Send request' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Request sent');
    await expect(page.locator('.panel__reference')).toHaveText(REFERENCE);
    await expectAccessibleAsServed(page, browser);
  });
});
