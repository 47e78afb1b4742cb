import { DEMO_TEAMS } from '../../lib/demo/accounts';
import { EXAMPLE_POSTCODE } from '../../lib/geo/postcode';
import { expect, expectAccessible, test, visit } from './axe';
import { postcodeInWard } from './demo-data';

// The link-worker teams in public: reached from the home page, each team's contact, hours and
// areas, and "which team covers me" for a postcode, which is a plain GET form (no JavaScript needed).
test.describe('the link-worker teams page', () => {
  test('lists each team and answers which team covers a postcode', async ({ page }) => {
    await visit(page, '/');
    await page.getByRole('link', { name: 'Find the link-worker team that covers you' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Link-worker teams');
    await expectAccessible(page);
    const council = page.getByRole('region', { name: DEMO_TEAMS.council });
    await expect(council).toContainText('All of Eastbrook');
    await expect(council.getByRole('link', { name: /01632 960 210/ })).toHaveAttribute('href', /^tel:/);
    const pcn = page.getByRole('region', { name: DEMO_TEAMS.pcn });
    await expect(pcn).toContainText('Kingsmead Medical Centre');
    await expect(pcn).toContainText('Monday to Friday');

    // A postcode in the town centre: the borough-wide team, and the PCN's team only for its patients.
    await page.getByRole('textbox', { name: 'Your postcode' }).fill(EXAMPLE_POSTCODE.toLowerCase().replace(' ', ''));
    await page.getByRole('button', { name: 'Find my team' }).click();
    await expect(page.getByText(`${EXAMPLE_POSTCODE} is in Eastbrook Central. ${DEMO_TEAMS.council} covers it.`)).toBeVisible();
    await expect(
      page.getByText(/If you are registered with Hollybush Health Centre, Kingsmead Medical Centre or Priory Fields Surgery/),
    ).toBeVisible();
    await expectAccessible(page);

    // In Kingsmead both teams cover it.
    const kingsmead = await postcodeInWard('Kingsmead');
    await visit(page, `/link-workers?postcode=${encodeURIComponent(kingsmead)}`);
    await expect(page.getByText(`${kingsmead} is in Kingsmead. These teams cover it:`)).toBeVisible();

    // A mistake keeps what was typed and says how to fix it.
    await page.getByRole('textbox', { name: 'Your postcode' }).fill('EB1');
    await page.getByRole('button', { name: 'Find my team' }).click();
    await expect(page.locator('.error-summary')).toContainText('Enter your full postcode, including the last 3 characters');
    await expect(page.getByRole('textbox', { name: 'Your postcode' })).toHaveValue('EB1');
    await expectAccessible(page);
  });
});
