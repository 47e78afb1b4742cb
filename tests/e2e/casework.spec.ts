import type { Browser, Page } from '@playwright/test';
import { demoAccounts, type DemoRole } from '../../lib/demo/accounts';
import { expect, expectAccessible, test, visit } from './axe';

// The link worker's journey with a provider answering in between, each role in its own browser
// context: conversation with ONS4, refer out, provider accepts and later marks attending, unmet
// need, close with closing scores; every step on the case timeline. Then the people who must not
// see the case are refused.

const SERVICE = 'Tech Help Café';

function account(role: DemoRole, email?: string) {
  const a = demoAccounts.find((x) => x.role === role && (!email || x.email === email));
  if (!a) throw new Error(`no demo account for ${role}`);
  return a;
}

async function signedIn(browser: Browser, role: DemoRole, email?: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const a = account(role, email);
  await visit(page, '/sign-in');
  await page.getByLabel('Email address').fill(a.email);
  await page.getByLabel('Password', { exact: true }).fill(a.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  return page;
}

async function timeline(page: Page) {
  return page.locator('#timeline + ol');
}

test.describe.serial('casework: conversation, refer out, provider answer, unmet need, close', () => {
  let casePath = '';
  let reference = '';

  test('a link worker opens a case from the caseload and records a conversation with ONS4', async ({ browser }) => {
    const page = await signedIn(browser, 'link_worker', 'linkworker@demo.example');
    await expect(page).toHaveURL(/\/caseload$/);
    await expectAccessible(page);

    // A case still waiting for first contact: no conversations or referrals yet.
    const waiting = page.getByRole('region', { name: /Waiting for first contact/ });
    const first = waiting.getByRole('link').first();
    await first.click();
    await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
    casePath = new URL(page.url()).pathname;
    reference = ((await page.locator('h1 .caption-l').textContent()) ?? '').replace('Case ', '').trim();
    expect(reference).toMatch(/^EB-/);
    await expectAccessible(page);
    await expect(page.getByText('Waiting for first contact')).toBeVisible();

    await page.getByRole('link', { name: 'Record a conversation' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('what matters');
    await expectAccessible(page);
    await page.getByLabel('1: Listen and connect').check();
    await page.getByLabel('What matters to the person').fill('Getting out of the flat and talking to people.');
    await page.getByLabel('Strengths').fill('Used to run the allotment society.');
    await page.getByLabel('Loneliness and isolation').check();
    await page.getByLabel('Goals').fill('Learn to video call the grandchildren.');
    await page.getByLabel('Agreed actions').fill('Refer to a tech help session.');
    await page.getByLabel('Life satisfaction').fill('4');
    // "5.5" is refused with a message by its box, and the box still says 5.5 (never saved as 5).
    await page.getByLabel('Worthwhile').fill('5.5');
    // Happiness left empty: not answered, never 0.
    await page.getByLabel('Anxiety').fill('7');
    await page.getByRole('button', { name: 'Save conversation' }).click();
    const problem = 'Worthwhile must be a whole number from 0 to 10, or left empty. 5.5 is not a whole number';
    await expect(page.getByRole('alert').getByRole('link', { name: problem })).toBeVisible();
    await expect(page.getByLabel('Worthwhile')).toHaveValue('5.5');
    await expect(page.getByLabel('Goals')).toHaveValue('Learn to video call the grandchildren.');
    await expectAccessible(page);
    await page.getByLabel('Worthwhile').fill('5');
    await page.getByRole('button', { name: 'Save conversation' }).click();

    await expect(page).toHaveURL(new RegExp(`${casePath}\\?done=conversation`));
    await expect(page.getByRole('alert').filter({ hasText: 'Conversation recorded' })).toBeVisible();
    await expectAccessible(page);
    const conversation = page.locator('section[id^="conversation-"]').first();
    await expect(conversation).toContainText('Life satisfaction: 4');
    await expect(conversation).toContainText('Happiness: not answered');
    await expect(conversation).toContainText('Anxiety: 7');
    await expect(await timeline(page)).toContainText('Conversation');
    await expect(page.getByText('Waiting for first contact')).toHaveCount(0);

    // A safeguarding summary over 2,000 characters is refused, saying by how much, and kept whole.
    await page.getByRole('link', { name: 'Raise a safeguarding concern' }).click();
    await page.getByLabel('Adults’ safeguarding team').check();
    const summary = 'He said nobody had visited for weeks and the heating is off. '.repeat(35).trim();
    await page.getByLabel('Summary of the concern').fill(summary);
    await page.getByRole('button', { name: 'Record safeguarding concern' }).click();
    await expect(
      page.getByRole('alert').getByRole('link', {
        name: `Summary must be 2,000 characters or fewer. You have ${(summary.length - 2000).toLocaleString('en-GB')} characters too many`,
      }),
    ).toBeVisible();
    await expect(page.getByLabel('Summary of the concern')).toHaveValue(summary);
    await visit(page, casePath);

    // The person agrees to share their name, phone and what matters with a provider.
    await page.getByRole('link', { name: 'Record an agreement' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Record what the person agreed to');
    await expectAccessible(page);
    await page.getByLabel('To share their details with a provider').check();
    await page.getByLabel('Name', { exact: true }).check();
    await page.getByLabel('What matters to them').check();
    await page.getByRole('button', { name: 'Record agreement' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Agreement recorded' })).toBeVisible();
    await expectAccessible(page);

    // Refer to a service found through the directory search.
    await page.getByRole('link', { name: 'Refer to a service' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Find a service to refer to');
    await expectAccessible(page);
    await page.getByLabel('Search the directory').fill('tech help');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL(/[?&]q=tech/);
    await expect(page.getByRole('heading', { level: 2, name: /services? found/ })).toBeVisible();
    // Each result says when it happens: its days and times, and the next session.
    const found = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: SERVICE, exact: true }) });
    await expect(found).toContainText(/When: .*(\d{1,2}(:\d\d)?(am|pm)|midday)/);
    await expectAccessible(page);
    await page.getByRole('link', { name: new RegExp(`^Refer to this service\\W+${SERVICE}$`) }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(`Refer to ${SERVICE}`);
    await expectAccessible(page);
    const fields = page.getByRole('group', { name: `What to share with ${SERVICE}` });
    await expect(fields.getByRole('checkbox')).toHaveCount(2);
    await expect(fields.getByLabel('Name')).toBeChecked();
    await expect(page.getByText(/Not shared, because the person has not agreed/)).toContainText('what they would like help with');
    await page.getByLabel('Message to the provider (optional)').fill('Keen to start soon. Mornings are best.');
    await page.getByRole('button', { name: 'Send referral' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Referral sent' })).toBeVisible();
    await expectAccessible(page);
    await expect(await timeline(page)).toContainText(`Referral sent: ${SERVICE}`);
    await page.context().close();
  });

  test('the provider accepts it in the inbox, and later marks it attending', async ({ browser }) => {
    const page = await signedIn(browser, 'provider');
    await visit(page, '/provider/referrals?show=waiting');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Referrals to your services');
    await page.getByRole('link', { name: new RegExp(`^${reference}\\W+referral to ${SERVICE}$`) }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(`Referral ${reference}`);
    await expectAccessible(page);
    await expect(page.getByText('Keen to start soon')).toBeVisible();
    // Only what the person agreed to share: the referring worker's contact details are a separate list.
    const shared = page.locator('h2:has-text("Details they agreed to share") + dl');
    await expect(shared).toContainText('What matters to them');
    await expect(shared).not.toContainText('Phone');
    await page.getByLabel('Accept: they can start').check();
    await page.getByRole('button', { name: 'Send answer' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Your answer has been sent' })).toBeVisible();
    await expect(page.getByText('Accepted', { exact: true }).first()).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel('They have started attending').check();
    await page.getByRole('button', { name: 'Send answer' }).click();
    await expect(page.locator('.tag').first()).toHaveText('Attending');
    await expectAccessible(page);
    await page.context().close();
  });

  test('the worker sees each answer, records unmet need and closes the case with closing scores', async ({ browser }) => {
    const page = await signedIn(browser, 'link_worker', 'linkworker@demo.example');
    await visit(page, casePath);
    const tl = await timeline(page);
    await expect(tl).toContainText(`Referral accepted: ${SERVICE}`);
    await expect(tl).toContainText(`Started attending: ${SERVICE}`);

    await page.getByRole('link', { name: 'Record unmet need' }).first().click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Record unmet need');
    await expectAccessible(page);
    await page.getByLabel('Which need could not be met?').selectOption({ label: 'Money and debt' });
    await page.getByLabel('There is no such service').check();
    await page.getByLabel('Notes (optional)').fill('Wanted face-to-face benefits advice in the evening.');
    await page.getByRole('button', { name: 'Record unmet need' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Unmet need recorded' })).toBeVisible();
    await expectAccessible(page);
    await expect(await timeline(page)).toContainText('Unmet need recorded: Money and debt');

    await page.getByRole('link', { name: 'Close case' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Close this case');
    await expectAccessible(page);
    await page.getByLabel('Settled with community support').check();
    await page.getByLabel('Life satisfaction').fill('7');
    await page.getByLabel('Worthwhile').fill('8');
    await page.getByLabel('Happiness').fill('7');
    await page.getByLabel('Anxiety').fill('3');
    await page.getByLabel('Yes, close this case').check();
    await page.getByRole('button', { name: 'Close case' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Case closed' })).toBeVisible();
    await expectAccessible(page);
    const after = await timeline(page);
    await expect(after).toContainText('Case closed');
    await expect(after).toContainText('Closing conversation');
    await expect(page.locator('section[id^="conversation-"]').first()).toContainText('Anxiety: 3');
    await expect(page.getByRole('link', { name: 'Record a conversation' })).toHaveCount(0);
    await page.context().close();
  });

  test('a closing form opened before someone else closed the case says it changed', async ({ browser }) => {
    const page = await signedIn(browser, 'link_worker', 'linkworker@demo.example');
    await visit(page, '/caseload?show=waiting');
    await page
      .getByRole('region', { name: /Waiting for first contact/ })
      .getByRole('link')
      .first()
      .click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const path = new URL(page.url()).pathname;
    await visit(page, `${path}/close`);
    const other = await signedIn(browser, 'link_worker', 'linkworker2@demo.example');
    await visit(other, `${path}/close`);
    await other.getByLabel('Could not contact').check();
    await other.getByLabel('Yes, close this case').check();
    await other.getByRole('button', { name: 'Close case' }).click();
    await expect(other.getByRole('alert').filter({ hasText: 'Case closed' })).toBeVisible();

    await page.getByLabel('Declined support').check();
    await page.getByLabel('Yes, close this case').check();
    await page.getByRole('button', { name: 'Close case' }).click();
    await expect(page.getByRole('alert').filter({ hasText: /changed since you opened it|already been closed/ })).toBeVisible();
    await expectAccessible(page);
    await page.context().close();
    await other.context().close();
  });

  test('another team’s link worker, a commissioner and a provider are refused the case with 403', async ({ browser }) => {
    for (const [role, email] of [
      ['link_worker', 'pcn.linkworker@demo.example'],
      ['commissioner', undefined],
      ['provider', undefined],
    ] as const) {
      const page = await signedIn(browser, role, email);
      const response = await visit(page, casePath);
      expect(response?.status(), `${role} opening ${casePath}`).toBe(403);
      await expect(page.getByRole('heading', { level: 1 })).toContainText(/permission/i);
      const close = await page.goto(`${casePath}/close`);
      expect(close?.status()).toBe(403);
      await page.context().close();
    }
  });

  test('a coordinator of the team sees who has viewed the record', async ({ browser }) => {
    const page = await signedIn(browser, 'coordinator');
    await visit(page, casePath);
    const access = page.getByRole('region', { name: 'Access to this person’s record' });
    await expect(access).toContainText('Priya Shah');
    await expect(access).toContainText('Viewed the case');
    await expect(access).toContainText('Provider viewed the referral');
    await page.context().close();
  });
  test('an admin finds the person for a subject access request and exports the record; a link worker cannot', async ({
    browser,
  }) => {
    const page = await signedIn(browser, 'admin');
    await visit(page, '/admin/people');
    await page.getByLabel('Case reference or name').fill(reference);
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page.waitForURL(/[?&]q=/);
    await expectAccessible(page);
    await page.getByRole('region', { name: 'People found' }).getByRole('link').first().click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Subject access and erasure');
    await expectAccessible(page);
    const href = await page.getByRole('link', { name: 'Download the record as JSON' }).getAttribute('href');
    const exported = await page.request.get(href!);
    expect(exported.status()).toBe(200);
    const data = await exported.json();
    expect(data.person.cases.map((c: { reference: string }) => c.reference)).toContain(reference);
    expect(data.accessLog.map((a: { action: string }) => a.action)).toContain('person.exported');
    await page.context().close();

    const worker = await signedIn(browser, 'link_worker', 'linkworker@demo.example');
    expect((await worker.request.get(href!)).status()).toBe(403);
    expect((await worker.goto('/admin/people'))?.status()).toBe(403);
    await worker.context().close();
  });
});

test('a provider pages through the inbox; the pages keep the filter and a filter starts again at page 1', async ({ browser }) => {
  const page = await signedIn(browser, 'provider');
  await visit(page, '/provider/referrals?show=closed');
  const showing = page.getByText(/^Showing \d+ to \d+ of [\d,]+ referrals$/);
  await expect(showing).toHaveText(/^Showing 1 to 25 of /);
  const total = Number(((await showing.textContent()) ?? '').replace(/^.* of ([\d,]+) referrals$/, '$1').replace(/,/g, ''));
  expect(total).toBeGreaterThan(50);
  // Each row links to its referral (a case's reference can appear on several rows).
  const references = () => page.locator('tbody tr a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  const first = await references();
  expect(first).toHaveLength(25);

  const pages = page.getByRole('navigation', { name: 'Pages of referrals' });
  await pages.getByRole('link', { name: 'Next page' }).click();
  await expect(page).toHaveURL(/\/provider\/referrals\?show=closed&page=2$/);
  await expect(showing).toHaveText(`Showing 26 to 50 of ${total.toLocaleString('en-GB')} referrals`);
  await expect(pages.getByRole('link', { name: 'Page 2' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('navigation', { name: 'Filter referrals' }).locator('[aria-current="page"]')).toContainText(
    'Finished',
  );
  await expectAccessible(page);
  const second = await references();
  expect(second).toHaveLength(25);
  expect(second.filter((r) => first.includes(r))).toEqual([]);

  await pages.getByRole('link', { name: 'Previous page' }).click();
  await expect(page).toHaveURL(/\/provider\/referrals\?show=closed$/);
  expect(await references()).toEqual(first);

  // A stale link beyond the end shows the last page.
  const lastPage = Math.ceil(total / 25);
  await visit(page, '/provider/referrals?show=closed&page=999');
  await expect(showing).toHaveText(
    `Showing ${((lastPage - 1) * 25 + 1).toLocaleString('en-GB')} to ${total.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} referrals`,
  );
  await expect(pages.getByRole('link', { name: `Page ${lastPage}` })).toHaveAttribute('aria-current', 'page');

  await page.getByRole('navigation', { name: 'Filter referrals' }).getByRole('link', { name: /^All/ }).click();
  await expect(page).toHaveURL(/\/provider\/referrals\?show=all$/);
  await expect(showing).toHaveText(/^Showing 1 to 25 of /);
  await page.context().close();
});

test('referring from a service page, the link worker finds the person in their cases by name or reference', async ({
  browser,
}) => {
  const page = await signedIn(browser, 'link_worker', 'linkworker@demo.example');
  await visit(page, `/services?q=${encodeURIComponent(SERVICE)}`);
  await page.getByRole('link', { name: SERVICE, exact: true }).first().click();
  await page.getByRole('link', { name: 'Refer someone to this service' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Who are you referring?');
  await expectAccessible(page);

  const rows = page.locator('tbody tr');
  const all = await rows.count();
  expect(all).toBeGreaterThan(1);
  const name = ((await rows.first().locator('td, th').first().textContent()) ?? '').trim();
  const reference = ((await rows.first().locator('td, th').nth(1).textContent()) ?? '').trim();

  // By name: only the people whose name matches.
  await page.getByLabel('Search your cases').fill(name.split(' ')[0]);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.waitForURL(/[?&]q=/);
  await expect(rows.first()).toContainText(name.split(' ')[0]);
  expect(await rows.count()).toBeLessThan(all);
  await expectAccessible(page);

  // By reference, however it is written down.
  await page.getByLabel('Search your cases').fill(reference.toLowerCase().replace(/-/g, ' '));
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(reference);
  await rows
    .first()
    .getByRole('link', { name: new RegExp(`^Refer\\W+${name}$`) })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`Refer to ${SERVICE}`);
  await page.context().close();
});
