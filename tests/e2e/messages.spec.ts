// Messages to the people the service exists for: acknowledgements with the reference, details of
// services from triage and from the case, the outcome to the GP practice with its FHIR R4
// document, and the admin's preview of every template. Messages are read in the demo outbox.
import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from '@playwright/test';
import { demoAccounts } from '../../lib/demo/accounts';
import { fhirR4Errors } from '../helpers/fhir-schema';
import { expect, expectAccessible, test, visit } from './axe';

const account = (email: string) => demoAccounts.find((a) => a.email === email)!;
const admin = demoAccounts.find((a) => a.role === 'admin')!;
const coordinator = account('coordinator@demo.example');
const linkWorker = account('linkworker@demo.example');
// The demo seed's practice, and the mailbox it gives it.
const PRACTICE = { name: 'The Market Street Practice', email: 'gp.y99201@nhs-eastbrook.example.org' };

async function signIn(page: Page, who: { email: string; password: string }) {
  await visit(page, '/sign-in');
  await page.getByLabel('Email address').fill(who.email);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

/**
 * The demo outbox as the admin reads it, in a browser of their own (signed in once): `read(to)`
 * gives the text of each message to a recipient matching `to`, newest first.
 */
async function outboxReader(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, admin);
  return {
    async read(to: string): Promise<string[]> {
      await visit(page, `/dev/outbox?to=${encodeURIComponent(to)}`);
      return page.locator('article').allInnerTexts();
    },
    close: () => context.close(),
  };
}

const unique = () => randomBytes(4).toString('hex');

async function selfRefer(page: Page, email: string): Promise<string> {
  await visit(page, '/refer');
  await page.getByLabel('Myself').check();
  await page.getByLabel('Full name').fill('Iris Cavendish');
  await page.getByLabel('Age range (if you do not know the date of birth)').selectOption('65-74');
  await page.getByLabel('Email', { exact: true }).check();
  await page.getByLabel('Email address', { exact: true }).fill(email);
  await page.getByLabel('What matters to you, and what would you like help with?').fill('I would like to get out walking again.');
  await page.getByLabel('A link worker can get in touch about this, using the details above').check();
  await page.getByRole('button', { name: 'Send request' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Request sent');
  return (await page.locator('.panel__reference').innerText()).trim();
}

async function professionalRefer(page: Page, referrerEmail: string, personEmail: string): Promise<string> {
  await visit(page, '/refer/professional');
  await page.getByLabel('Your name').fill('Dr Asha Patel');
  await page.getByLabel('Your job title or role').fill('GP');
  await page.getByLabel('Organisation or practice').fill(PRACTICE.name);
  await page.getByLabel('GP practice', { exact: true }).check();
  await page.getByLabel('Your work email address').fill(referrerEmail);
  await page.getByLabel('Full name').fill('Kenneth Brightwell');
  await page.getByLabel('Age range (if you do not know the date of birth)').selectOption('65-74');
  await page.getByLabel('GP practice (optional)').selectOption({ label: PRACTICE.name });
  await page.getByLabel('Email', { exact: true }).check();
  await page.getByLabel('Email address', { exact: true }).fill(personEmail);
  await page
    .getByLabel('What matters to the person, and what would they like help with?')
    .fill('Recently widowed, wants company.');
  await page.getByLabel('They know about this referral and agree to a link worker getting in touch').check();
  await page.getByLabel('A link worker can tell the GP practice how things went (optional)').check();
  await page.getByRole('button', { name: 'Send referral' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Referral sent');
  return (await page.locator('.panel__reference').innerText()).trim();
}

/** Opens a referral in the triage queue and returns its case id. */
async function openInTriage(page: Page, reference: string): Promise<string> {
  await visit(page, '/triage?page=99');
  await page.getByRole('row').filter({ hasText: reference }).getByRole('link', { name: reference }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(reference);
  await expectAccessible(page);
  return new URL(page.url()).pathname.split('/').pop()!;
}

test.describe('messages to residents, referrers and GP practices', () => {
  test('a self-referral is acknowledged by email, and signposting at triage sends the services’ details', async ({
    page,
    browser,
  }) => {
    test.setTimeout(300_000);
    const outbox = await outboxReader(browser);
    const email = `iris-${unique()}@example.com`;
    const reference = await selfRefer(page, email);
    await expect(page.getByText('We have also sent it by email, with what happens next.')).toBeVisible();

    const acknowledged = await outbox.read(email);
    expect(acknowledged).toHaveLength(1);
    expect(acknowledged[0]).toContain(`We have your request for help: ${reference}`);
    expect(acknowledged[0]).toContain('What happens next');

    await signIn(page, coordinator);
    await openInTriage(page, reference);
    await page.getByLabel('Search services by name').fill('Walk');
    await page.getByRole('button', { name: 'Search' }).click();
    const services = page.getByRole('group', { name: /Services matching “Walk”/ });
    await services.getByRole('checkbox').first().check();
    const chosen = (await services.locator('label').first().innerText()).trim();
    await expect(page.getByLabel(`By email to ${email}`)).toBeChecked();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Close as signposted' }).click();
    await expect(page.getByText(`${reference} closed as signposted`)).toBeVisible();

    const messages = await outbox.read(email);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toContain(`Details of ${chosen}`);
    expect(messages[0]).toContain('When:');
    expect(messages[0]).toContain(reference);
    await outbox.close();
  });

  test('a professional referral: the referrer’s acknowledgement, details sent from the case, and the outcome to the GP with its FHIR document', async ({
    page,
    browser,
  }) => {
    test.setTimeout(300_000);
    const outbox = await outboxReader(browser);
    const tag = unique();
    const referrerEmail = `asha.patel-${tag}@nhs.example`;
    const personEmail = `kenneth-${tag}@example.com`;
    const reference = await professionalRefer(page, referrerEmail, personEmail);

    const acknowledged = await outbox.read(referrerEmail);
    expect(acknowledged).toHaveLength(1);
    expect(acknowledged[0]).toContain(`Referral received: ${reference}`);
    expect(acknowledged[0]).not.toContain('Kenneth');
    expect(await outbox.read(personEmail)).toEqual([]);

    // The coordinator rates it and gives it to Priya.
    await signIn(page, coordinator);
    const caseId = await openInTriage(page, reference);
    await page.getByLabel('Green: everything else').check();
    await page.getByLabel('Reason for the rating').fill('Wants company; no urgency.');
    await page.getByRole('button', { name: 'Save rating' }).click();
    await expect(page.getByText('Rating saved.')).toBeVisible();
    await page.getByRole('radio', { name: linkWorker.name }).check();
    await page.getByRole('button', { name: 'Assign' }).click();
    await expect(page.getByText(`${reference} assigned`)).toBeVisible();
    await page.context().clearCookies();

    // Priya sends details of a service from the case.
    await signIn(page, linkWorker);
    await visit(page, `/cases/${caseId}`);
    await page.getByRole('link', { name: 'Send details of services' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Send details of services');
    await expectAccessible(page);
    await page.getByLabel('Find another service by name').fill('Walk');
    await page.getByRole('button', { name: 'Search' }).click();
    await expectAccessible(page);
    const found = page.getByRole('group', { name: /Services matching “Walk”/ });
    await found.getByRole('checkbox').first().check();
    const chosen = (await found.locator('label').first().innerText()).trim();
    await expect(page.getByLabel(`By email to ${personEmail}`)).toBeChecked();
    await page.getByRole('button', { name: 'Send details' }).click();
    await expect(page.getByText('Details of the services sent to them by email.')).toBeVisible();
    await expectAccessible(page);
    const toPerson = await outbox.read(personEmail);
    expect(toPerson).toHaveLength(1);
    expect(toPerson[0]).toContain(`Details of ${chosen}`);
    expect(toPerson[0]).toContain(reference);

    // She closes the case: the person agreed that their GP is told.
    await page.getByRole('link', { name: 'Close case' }).click();
    await expect(page.getByText(/we email the professional who referred them and their GP practice how it went/)).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel('Settled with community support').check();
    await page.getByLabel('Yes, close this case').check();
    await page.getByRole('button', { name: 'Close case' }).click();
    await expect(page.getByText('Case closed.')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Outcome for the GP practice' })).toBeVisible();
    await expectAccessible(page);

    const toPractice = (await outbox.read(PRACTICE.email)).filter((m) => m.includes(reference));
    expect(toPractice).toHaveLength(1);
    expect(toPractice[0]).toContain(`Social prescribing outcome: ${reference}`);
    expect(toPractice[0]).toContain('Patient: Kenneth Brightwell');
    expect(toPractice[0]).toContain('871731000000106 Referral to social prescribing service');
    const toReferrer = await outbox.read(referrerEmail);
    expect(toReferrer).toHaveLength(2);
    expect(toReferrer[0]).toContain(`Referral ${reference}: closed`);
    expect(toReferrer[0]).toContain('Closed:');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /Download the outcome for a GP system/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`gp-outcome-${reference}.json`);
    const bundle = JSON.parse(await readFile((await download.path())!, 'utf8'));
    expect(fhirR4Errors(bundle)).toEqual([]);
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    const types = (bundle.entry as { resource: { resourceType: string } }[]).map((e) => e.resource.resourceType);
    expect(types).toEqual(expect.arrayContaining(['Task', 'Communication', 'Patient']));
    const task = bundle.entry.find((e: { resource: { resourceType: string } }) => e.resource.resourceType === 'Task').resource;
    expect(task).toMatchObject({
      status: 'completed',
      code: { coding: [{ system: 'http://snomed.info/sct', code: '871731000000106' }] },
      identifier: [{ value: reference }],
    });
    await outbox.close();
  });

  test('an admin previews every template, with each text’s length, on a desktop and a phone', async ({ page }) => {
    test.setTimeout(180_000);
    await signIn(page, admin);
    await visit(page, '/admin');
    await page.getByRole('link', { name: /Messages: every email and text/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Messages');
    await expectAccessible(page);
    for (const heading of ['Residents', 'Referrers and GP practices', 'Providers', 'Staff'])
      await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
    await expect(page.getByText('case_outcome_to_gp', { exact: true })).toBeVisible();
    await expect(page.getByText(/^\d+ characters: 1 text message$/).first()).toBeVisible();
    await expect(page.getByText(/^\d+ characters: 2 text messages$/).first()).toBeVisible();

    await page.setViewportSize({ width: 390, height: 844 });
    await visit(page, '/admin/messages');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
