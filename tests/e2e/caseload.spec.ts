import type { Browser, Page } from '@playwright/test';
import pg from 'pg';
import { demoAccounts } from '../../lib/demo/accounts';
import { expect, expectAccessible, expectAccessibleAsServed, test, visit } from './axe';

// Caseload management, as the coordinator and the link worker use it: the team's caseload, moving
// one case and a whole caseload, finding and reopening a closed case, three tries to contact then
// closing as could not contact (with the messages in the outbox), the referral updates list, and
// the confirmations before withdrawing. Every screen is checked with axe on a desktop and on a
// 390 px phone, where nothing may be wider than the screen.

const PHONE = { width: 390, height: 844 };

/** Rows read straight from the browser tests' seeded database, to choose cases that fit. */
async function query<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL, application_name: 'e2e-caseload' });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

async function signedIn(browser: Browser, email: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const account = demoAccounts.find((a) => a.email === email);
  if (!account) throw new Error(`no demo account ${email}`);
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  return page;
}

const COORDINATOR = 'coordinator@demo.example';
const PRIYA = 'linkworker@demo.example';
const TOM = 'linkworker2@demo.example';
const ADMIN = 'admin@demo.example';

/** axe on a desktop and on a phone; on the phone neither the page nor a stacked table is wider than the screen. */
async function checkBothWidths(page: Page) {
  await expectAccessible(page);
  const desktop = page.viewportSize();
  await page.setViewportSize(PHONE);
  try {
    await expectAccessible(page);
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      tables: [...document.querySelectorAll('table.stack-table')].map((t) => Math.ceil(t.getBoundingClientRect().width)),
    }));
    expect(widths.page, `page width on a phone at ${page.url()}`).toBeLessThanOrEqual(PHONE.width);
    for (const w of widths.tables) expect(w, `a stacked table's width at ${page.url()}`).toBeLessThanOrEqual(PHONE.width);
  } finally {
    if (desktop) await page.setViewportSize(desktop);
  }
}

/** The headings of the demo outbox's messages to a recipient, read by the admin. */
async function outboxSubjects(browser: Browser, to: string): Promise<string[]> {
  const admin = await signedIn(browser, ADMIN);
  try {
    await visit(admin, `/dev/outbox?to=${encodeURIComponent(to)}`);
    return await admin.locator('article h2').allInnerTexts();
  } finally {
    await admin.context().close();
  }
}

function timeline(page: Page) {
  return page.locator('#timeline + ol');
}

test.describe.serial('caseload management', () => {
  // A team's caseload runs to hundreds of rows, checked by axe twice (desktop and phone) on 2 cores.
  test.describe.configure({ timeout: 240_000 });
  test('a coordinator lands on the team’s caseload, with each worker’s counts, and filters it by worker', async ({ browser }) => {
    const page = await signedIn(browser, COORDINATOR);
    await visit(page, '/caseload');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Team caseload');
    const counts = page.getByRole('region', { name: 'Open cases for each link worker' });
    await expect(counts.getByRole('row', { name: /Priya Shah/ })).toBeVisible();
    await expect(counts).toContainText('Cases in the last 12 months');
    await checkBothWidths(page);

    await counts.getByRole('link', { name: 'Priya Shah' }).click();
    await expect(page).toHaveURL(/worker=/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Priya Shah');
    await page.getByLabel('Status').selectOption('waiting');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/status=waiting/);
    const waiting = page.getByRole('region', { name: /Waiting for first contact/ });
    await expect(waiting.getByRole('row').nth(1)).toContainText('Priya Shah');
    await expect(page.getByRole('region', { name: /Other open cases/ })).toHaveCount(0);
    await checkBothWidths(page);
    await page.context().close();
  });

  test('a coordinator moves a case to another link worker, and both are e-mailed its reference', async ({ browser }) => {
    const [kase] = await query<{ id: string; reference: string }>(
      `SELECT c.id, c.reference FROM "Case" c JOIN "User" u ON u.id = c."assignedWorkerId"
       WHERE u.email = $1 AND c."closedAt" IS NULL AND c."firstContactAt" IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM "Referral" r WHERE r."caseId" = c.id AND r.status IN ('sent', 'accepted', 'attending', 'waitlisted'))
       ORDER BY c."receivedAt" DESC LIMIT 1`,
      [PRIYA],
    );
    const page = await signedIn(browser, COORDINATOR);
    await visit(page, `/cases/${kase.id}`);
    await page.getByRole('link', { name: 'Move to another link worker' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Move to another link worker');
    await expect(page.getByText('Priya Shah has this case now.')).toBeVisible();
    await expect(page.getByRole('radio', { name: 'Priya Shah' })).toHaveCount(0);
    await expect(page.getByText(/\d+ open cases?, \d+ follow-ups? due/).first()).toBeVisible();
    await checkBothWidths(page);

    await page.getByRole('button', { name: 'Move case' }).click();
    const problems = page.getByRole('alert');
    await expect(problems.getByRole('link', { name: 'Select who should take the case' })).toBeVisible();
    await expect(problems.getByRole('link', { name: 'Enter why the case is moving' })).toBeVisible();
    await expectAccessible(page);

    await page.getByRole('radio', { name: 'Tom Gallagher' }).check();
    await page.getByLabel('Why is the case moving?').fill('Priya is on leave for three weeks.');
    await page.getByRole('button', { name: 'Move case' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Case moved' })).toBeVisible();
    await expect(page.getByText('Tom Gallagher', { exact: true }).first()).toBeVisible();
    await expect(timeline(page)).toContainText('Moved from Priya Shah to Tom Gallagher');
    await expect(timeline(page)).toContainText('Priya is on leave for three weeks.');
    await checkBothWidths(page);
    await page.context().close();

    expect(await outboxSubjects(browser, TOM)).toContain(`Case ${kase.reference} is now yours`);
    expect(await outboxSubjects(browser, PRIYA)).toContain(`Case ${kase.reference} has moved to Tom Gallagher`);
  });

  test('a coordinator moves a leaver’s whole caseload, shared between the workers they choose', async ({ browser }) => {
    // A council link worker other than the demo ones, with open cases.
    const [leaver] = await query<{ id: string; name: string; open: number }>(
      `SELECT u.id, u.name, count(c.id)::int AS open
       FROM "User" u JOIN "Team" t ON t.id = u."teamId" JOIN "Case" c ON c."assignedWorkerId" = u.id AND c."closedAt" IS NULL
       WHERE t.name = 'Eastbrook Community Connectors' AND u.role = 'link_worker' AND u.active AND u.email NOT LIKE '%@demo.example'
       GROUP BY u.id, u.name ORDER BY u.name LIMIT 1`,
    );
    const page = await signedIn(browser, COORDINATOR);
    await visit(page, '/caseload?scope=team');
    await page.getByRole('link', { name: 'Move a whole caseload' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Move a whole caseload');
    await checkBothWidths(page);
    await page.getByRole('link', { name: `Move their cases (${leaver.name})` }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(`Move ${leaver.name}’s cases`);
    await expect(page.getByText(`${leaver.name} has ${leaver.open} open cases.`)).toBeVisible();
    await checkBothWidths(page);

    // Shared between everyone but the two demo link workers.
    await expect(page.getByLabel('Share them out between link workers')).toBeChecked();
    const between = page.getByRole('group', { name: 'Between' });
    await between.getByLabel('Priya Shah').uncheck();
    await between.getByLabel('Tom Gallagher').uncheck();
    await page.getByLabel('Why are the cases moving?').fill('Leaving the service at the end of the month.');
    await page.getByRole('button', { name: `Move ${leaver.open} cases` }).click();
    await expect(
      page.getByRole('alert').getByRole('link', { name: 'Confirm that all these cases should move now' }),
    ).toBeVisible();
    await expect(page.getByLabel('Why are the cases moving?')).toHaveValue('Leaving the service at the end of the month.');
    await expectAccessible(page);

    await page.getByLabel(`Yes, move all ${leaver.open} cases now`).check();
    await page.getByRole('button', { name: `Move ${leaver.open} cases` }).click();
    await expect(page).toHaveURL(/\/caseload\?scope=team&moved=/);
    await expect(page.getByRole('alert').filter({ hasText: `${leaver.open} cases moved` })).toBeVisible();
    const row = page
      .getByRole('region', { name: 'Open cases for each link worker' })
      .getByRole('row', { name: new RegExp(leaver.name) });
    await expect(row.getByRole('cell').nth(1)).toHaveText('0');
    await checkBothWidths(page);
    await page.context().close();

    const [left] = await query<{ open: number; demo: number }>(
      `SELECT count(*) FILTER (WHERE c."assignedWorkerId" = $1)::int AS open,
              count(*) FILTER (WHERE u.email LIKE '%@demo.example')::int AS demo
       FROM "CaseEvent" e JOIN "Case" c ON c.id = e."caseId" JOIN "User" u ON u.id = e."toWorkerId"
       WHERE e."fromWorkerId" = $1 AND e.reason = 'Leaving the service at the end of the month.'`,
      [leaver.id],
    );
    expect(left).toEqual({ open: 0, demo: 0 });
  });

  test('a link worker finds a closed case, sees the wellbeing change, and reopens it with a reason', async ({ browser }) => {
    const [kase] = await query<{ id: string; reference: string; name: string }>(
      `SELECT c.id, c.reference, p.name FROM "Case" c JOIN "Person" p ON p.id = c."personId" JOIN "User" u ON u.id = c."assignedWorkerId"
       WHERE u.email = $1 AND c.status = 'closed' AND p."dateOfBirth" IS NOT NULL
         AND EXISTS (SELECT 1 FROM "Conversation" cv WHERE cv."caseId" = c.id AND cv."isClosing" AND cv."lifeSatisfaction" IS NOT NULL
                     AND cv.worthwhile IS NOT NULL AND cv.happiness IS NOT NULL AND cv.anxiety IS NOT NULL)
         AND (SELECT count(*) FROM "Conversation" cv WHERE cv."caseId" = c.id AND cv."lifeSatisfaction" IS NOT NULL) >= 2
       ORDER BY c."closedAt" DESC LIMIT 1`,
      [PRIYA],
    );
    const page = await signedIn(browser, PRIYA);
    await visit(page, '/caseload');
    await page.getByRole('link', { name: 'Find a case, open or closed' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Find a case');
    await checkBothWidths(page);
    await page.getByLabel('Name, case reference or postcode').fill(kase.name);
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page.getByRole('heading', { name: /cases? found/ })).toBeVisible();
    const found = page
      .getByRole('region', { name: 'Cases found, newest first' })
      .getByRole('row', { name: new RegExp(kase.reference) });
    await expect(found).toContainText('Closed');
    await checkBothWidths(page);
    await found.getByRole('link', { name: kase.name }).click();
    await expect(page).toHaveURL(new RegExp(`/cases/${kase.id}$`));

    // The closed case: ONS4 before and after, and the person's age as an age.
    const wellbeing = page.getByRole('region', { name: 'ONS4 wellbeing scores before and after' });
    await expect(wellbeing.getByRole('rowheader', { name: 'Total (out of 40)' })).toBeVisible();
    // Life satisfaction was answered at the start and at closing: the change is shown.
    await expect(wellbeing.getByRole('row', { name: /^Life satisfaction/ })).toContainText(/Better|Worse|No change/);
    await expect(page.locator('#person + dl')).toContainText(/\d+ \(born \d+ \w+ \d{4}\)/);
    await checkBothWidths(page);

    await page.getByRole('link', { name: 'Reopen this case' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Reopen this case');
    await checkBothWidths(page);
    await page.getByRole('button', { name: 'Reopen case' }).click();
    await expect(page.getByRole('alert').getByRole('link', { name: 'Enter why the case is being reopened' })).toBeVisible();
    await page.getByLabel('Why is the case being reopened?').fill('She called: the lunch club has closed.');
    await page.getByRole('button', { name: 'Reopen case' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Case reopened' })).toBeVisible();
    const entries = timeline(page).locator('li');
    await expect(entries.nth(0)).toContainText('Case reopened, with Priya Shah');
    await expect(entries.nth(0)).toContainText('She called: the lunch club has closed.');
    await expect(timeline(page)).toContainText('Case closed');
    // The conversations and scores are still there.
    await expect(page.locator('section[id^="conversation-"]').first()).toBeVisible();
    await expect(page.getByRole('link', { name: 'Record a conversation' })).toBeVisible();
    await checkBothWidths(page);
    await page.context().close();
  });

  test('three tries to contact, then closing as could not contact writes to the person and the referrer', async ({ browser }) => {
    const [kase] = await query<{ id: string; reference: string; phone: string; referrer: string }>(
      `SELECT c.id, c.reference, p.phone, c."referrerEmail" AS referrer
       FROM "Case" c JOIN "Person" p ON p.id = c."personId" JOIN "User" u ON u.id = c."assignedWorkerId"
       WHERE u.email = $1 AND c."closedAt" IS NULL AND c."firstContactAt" IS NULL AND c."referrerEmail" IS NOT NULL
         AND p.phone LIKE '07%' AND p."preferredContact" IN ('phone', 'text') AND c.source <> 'self'
         AND EXISTS (SELECT 1 FROM "Consent" k WHERE k."personId" = p.id AND k.scope = 'contact' AND k."withdrawnAt" IS NULL)
         AND NOT EXISTS (SELECT 1 FROM "ContactAttempt" a WHERE a."caseId" = c.id)
       ORDER BY c."receivedAt" DESC LIMIT 1`,
      [PRIYA],
    );
    const page = await signedIn(browser, PRIYA);
    await visit(page, `/cases/${kase.id}`);
    const tried = async (outcome: string, count: string) => {
      await page.getByText('Tried to contact them and could not?').click();
      await page.getByRole('button', { name: outcome, exact: true }).click();
      await expect(page.getByRole('alert').filter({ hasText: `That is ${count} since the last conversation` })).toBeVisible();
    };
    await tried('No answer', '1 try');
    await checkBothWidths(page);
    await tried('Left a message', '2 tries');
    await expect(page.getByRole('link', { name: 'Close: could not contact' })).toHaveCount(0);
    await tried('No answer', '3 tries');
    await expect(page.getByRole('alert', { name: 'Success' })).toContainText('You can now close the case as “could not contact”');

    // The tries show on the caseload.
    await visit(page, '/caseload?status=waiting');
    await expect(
      page.getByRole('region', { name: /Waiting for first contact/ }).getByRole('row', { name: new RegExp(kase.reference) }),
    ).toContainText('3 tries');

    await visit(page, `/cases/${kase.id}`);
    await page.getByRole('link', { name: 'Close: could not contact' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Close: could not contact');
    await expect(page.getByText(`A text message to the person (${kase.phone})`)).toBeVisible();
    await expect(page.getByText(`An email to whoever referred them (${kase.referrer})`)).toBeVisible();
    await checkBothWidths(page);
    await page.getByRole('button', { name: 'Close: could not contact' }).click();
    await expect(page.getByRole('alert').getByRole('link', { name: 'Confirm that the case should close' })).toBeVisible();
    await page.getByLabel('Yes, close the case and send these messages').check();
    await page.getByRole('button', { name: 'Close: could not contact' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Case closed. 2 messages have been queued' })).toBeVisible();
    await expect(page.getByText(/This case closed on .*: could not contact\./)).toBeVisible();
    await checkBothWidths(page);
    await page.context().close();

    // A text has no subject: the outbox lists it as a text message (its wording is checked in tests/integration).
    expect(await outboxSubjects(browser, kase.phone)).toContain('Text message');
    expect(await outboxSubjects(browser, kase.referrer)).toContain(
      `We could not contact the person you referred (reference ${kase.reference})`,
    );
  });

  test('a coordinator logs a try from triage, and the queue shows it, red first', async ({ browser }) => {
    const page = await signedIn(browser, COORDINATOR);
    await visit(page, '/triage');
    const rows = page.getByRole('region', { name: /Referrals waiting/ }).getByRole('row');
    // Red first: no red rating after the first rating that is not red.
    const ratings = (await rows.locator('td:nth-child(6)').allInnerTexts()).map((r) => r.trim());
    const firstOther = ratings.findIndex((r) => r !== 'Red');
    if (firstOther >= 0) expect(ratings.slice(firstOther)).not.toContain('Red');
    await checkBothWidths(page);

    const reference = (await rows.nth(1).getByRole('link').innerText()).trim();
    await rows.nth(1).getByRole('link').click();
    await page.getByText('Tried to contact them and could not?').click();
    await page.getByRole('button', { name: 'Left a message', exact: true }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Try recorded: left a message.' })).toBeVisible();
    await checkBothWidths(page);
    await visit(page, '/triage');
    await expect(page.getByRole('row', { name: new RegExp(reference) })).toContainText('1 try');

    await page.getByLabel('Rating').selectOption('green');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await expect(page).toHaveURL(/rag=green/);
    for (const rating of await page
      .getByRole('region', { name: /Referrals waiting/ })
      .locator('td:nth-child(6)')
      .allInnerTexts()) {
      expect(rating.trim()).toBe('Green');
    }
    await expectAccessible(page);
    await page.context().close();
  });

  test('the referral updates list: each marked read, then all of them', async ({ browser }) => {
    const page = await signedIn(browser, PRIYA);
    await visit(page, '/caseload');
    const link = page.getByRole('link', { name: /^Referral updates \(\d+ new\)$/ });
    const before = Number(/\((\d+) new\)/.exec(await link.innerText())![1]);
    expect(before).toBeGreaterThan(1);
    await link.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Referral updates');
    await expect(page.getByText(`Unread (${before})`)).toBeVisible();
    await checkBothWidths(page);

    const updates = page.getByRole('region', { name: /Referral updates/ });
    await updates
      .getByRole('button', { name: /^Mark as read/ })
      .first()
      .click();
    await expect(page.getByRole('alert').filter({ hasText: 'Marked as read.' })).toBeVisible();
    await expect(page.getByText(`Unread (${before - 1})`)).toBeVisible();

    await page.getByRole('link', { name: 'All', exact: true }).click();
    await expect(page).toHaveURL(/show=all/);
    await checkBothWidths(page);

    await page.getByRole('button', { name: 'Mark all as read' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'All updates marked as read.' })).toBeVisible();
    await expect(page.getByText('Unread (0)')).toBeVisible();
    const read = page
      .getByRole('region', { name: /Referral updates/ })
      .locator('.tag')
      .filter({ hasText: /^Read$/ });
    await expect(read.first()).toBeVisible();
    await expect(page.getByRole('button', { name: /^Mark as read/ })).toHaveCount(0);
    await visit(page, '/caseload');
    await expect(page.getByRole('link', { name: 'Referral updates', exact: true })).toBeVisible();
    await page.context().close();
  });

  test('withdrawing a referral and an agreement ask for a reason and a ticked box, with and without JavaScript', async ({
    browser,
  }) => {
    const [kase] = await query<{ id: string; referralId: string; service: string }>(
      `SELECT c.id, r.id AS "referralId", s.name AS service FROM "Case" c JOIN "Referral" r ON r."caseId" = c.id JOIN "Service" s ON s.id = r."serviceId"
         JOIN "User" u ON u.id = c."assignedWorkerId"
       WHERE u.email = $1 AND c."closedAt" IS NULL AND r.status IN ('accepted', 'attending')
         AND EXISTS (SELECT 1 FROM "Consent" k WHERE k."personId" = c."personId" AND k.scope = 'contact' AND k."withdrawnAt" IS NULL)
       ORDER BY c."receivedAt" DESC LIMIT 1`,
      [PRIYA],
    );
    const page = await signedIn(browser, PRIYA);
    await visit(page, `/cases/${kase.id}`);
    const referral = page.locator(`#referral-${kase.referralId}`);
    await referral.getByText('Withdraw this referral').click();
    await referral.getByRole('button', { name: `Withdraw referral to ${kase.service}` }).click();
    await expect(referral.getByText('Enter why the referral is being withdrawn')).toBeVisible();
    await expect(referral.getByText('Confirm that you want to withdraw this referral')).toBeVisible();
    await expectAccessible(page);
    await referral.getByLabel('Why is it being withdrawn?').fill('They have moved to another town.');
    await referral.getByLabel(`Yes, withdraw the referral to ${kase.service}`).check();
    await referral.getByRole('button', { name: `Withdraw referral to ${kase.service}` }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Referral withdrawn.' })).toBeVisible();
    await expect(timeline(page)).toContainText(`Referral withdrawn: ${kase.service}`);
    await page.context().close();

    // Without JavaScript: the agreement's own page asks, and the form posts all the same.
    const plain = await signedIn(browser, PRIYA, { javaScriptEnabled: false });
    await plain.goto(`/cases/${kase.id}`);
    await plain.getByRole('link', { name: 'Withdraw agreement to be contacted by the link worker service' }).first().click();
    await expect(plain.getByRole('heading', { level: 1 })).toContainText('Withdraw an agreement');
    await expectAccessibleAsServed(plain, browser);
    await plain.getByRole('button', { name: 'Withdraw agreement' }).click();
    await expect(plain.getByText('Enter why the agreement is being withdrawn').first()).toBeVisible();
    await expect(plain.getByText('Confirm that you want to withdraw this agreement').first()).toBeVisible();
    await expectAccessibleAsServed(plain, browser);
    await plain.getByLabel('Why is the agreement being withdrawn?').fill('She asked us not to call again.');
    await plain.getByLabel('Yes, withdraw this agreement').check();
    await plain.getByRole('button', { name: 'Withdraw agreement' }).click();
    await expect(plain.getByText('Agreement withdrawn, with the reason given.')).toBeVisible();
    await expect(plain.getByRole('region', { name: 'Agreements' })).toContainText('She asked us not to call again.');
    await plain.context().close();

    const page2 = await signedIn(browser, PRIYA);
    await visit(page2, `/cases/${kase.id}`);
    await checkBothWidths(page2);
    await page2.context().close();
  });
});
