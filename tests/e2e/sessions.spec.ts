import type { Browser, Page } from '@playwright/test';
import pg from 'pg';
import { demoAccounts } from '../../lib/demo/accounts';
import { expect, expectAccessible, expectAccessibleAsServed, test, visit } from './axe';

// Server-side sessions in the browser: the idle-timeout warning (the server's lastSeenAt is moved
// back and the page's clock forward), and a long conversation note sent after the session was
// revoked, kept, and saved once the link worker signs in again on the same page.

const worker = demoAccounts.find((a) => a.email === 'linkworker2@demo.example')!;

async function query<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL, application_name: 'e2e-sessions' });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

async function signedIn(browser: Browser, options: { clock?: boolean } = {}): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  if (options.clock) await page.clock.install();
  await visit(page, '/sign-in');
  await page.getByLabel('Email address').fill(worker.email);
  await page.getByLabel('Password', { exact: true }).fill(worker.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/caseload$/);
  return page;
}

/**
 * Makes the app's database refuse every connection (its open ones are ended too), as if the server
 * had gone, and back. Run from the server's maintenance database, not the app's.
 */
async function databaseReachable(reachable: boolean) {
  const url = new URL(process.env.E2E_DATABASE_URL!);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: url.toString(), application_name: 'e2e-sessions-admin' });
  await admin.connect();
  try {
    await admin.query(`ALTER DATABASE ${pg.escapeIdentifier(name)} ALLOW_CONNECTIONS ${reachable}`);
    if (!reachable) {
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [
        name,
      ]);
    }
  } finally {
    await admin.end();
  }
}

/** As if this person's last request was this many minutes ago. */
async function idleFor(minutes: number) {
  await query(
    `UPDATE "UserSession" s SET "lastSeenAt" = (now() AT TIME ZONE 'UTC') - make_interval(secs => $2)
     FROM "User" u WHERE u.id = s."userId" AND u.email = $1 AND s."revokedAt" IS NULL`,
    [worker.email, minutes * 60],
  );
}

async function liveSessions(): Promise<Array<{ lastSeenAt: Date }>> {
  return query(
    `SELECT s."lastSeenAt" FROM "UserSession" s JOIN "User" u ON u.id = s."userId"
     WHERE u.email = $1 AND s."revokedAt" IS NULL AND s."expiresAt" > now() AT TIME ZONE 'UTC'`,
    [worker.email],
  );
}

test.describe('sessions', () => {
  // Each test starts with this person signed in nowhere, so the sessions it counts are its own.
  test.beforeEach(async () => {
    await query(
      `UPDATE "UserSession" SET "revokedAt" = now() AT TIME ZONE 'UTC'
       WHERE "revokedAt" IS NULL AND "userId" = (SELECT id FROM "User" WHERE email = $1)`,
      [worker.email],
    );
  });

  test('warns two minutes before the idle limit; Escape stays signed in, and focus comes back', async ({ browser }) => {
    const page = await signedIn(browser, { clock: true });
    await idleFor(28.5);
    const before = (await liveSessions())[0].lastSeenAt;
    await page.clock.fastForward('28:10');

    const dialog = page.getByRole('dialog', { name: 'You’re about to be signed out' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(/you’ll be signed out in 1 minute/);
    await expect(dialog.getByRole('button', { name: 'Stay signed in' })).toBeFocused();
    await expectAccessible(page);

    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect.poll(async () => (await liveSessions())[0].lastSeenAt.getTime()).toBeGreaterThan(before.getTime());
    await expect(page).toHaveURL(/\/caseload$/);
  });

  test('"Sign out" in the warning ends the session on the server', async ({ browser }) => {
    const page = await signedIn(browser, { clock: true });
    await idleFor(28.5);
    await page.clock.fastForward('28:10');
    const dialog = page.getByRole('dialog', { name: 'You’re about to be signed out' });
    await dialog.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in\?signedOut=1$/);
    expect(await liveSessions()).toHaveLength(0);
  });

  test('a long note sent after the session ended is kept, and saved after signing in again on the page', async ({ browser }) => {
    const page = await signedIn(browser);
    const [kase] = await query<{ id: string }>(
      `SELECT c.id FROM "Case" c JOIN "User" u ON u.id = c."assignedWorkerId"
       WHERE u.email = $1 AND c.status = 'active' ORDER BY c."receivedAt" LIMIT 1`,
      [worker.email],
    );
    expect(kase, 'an active case of this link worker').toBeTruthy();
    await visit(page, `/cases/${kase.id}/conversations/new`);

    const note =
      `Wants to get back to the allotment. ${'She talked about her late husband’s garden and the neighbours. '.repeat(40)}`.trim();
    await page.getByLabel('1: Listen and connect').check();
    await page.getByLabel('What matters to the person').fill(note);
    await page.getByLabel('Strengths').fill('Knows every plant by name.');

    // The session ends behind the page's back (an admin switched it off, or it timed out).
    await query(
      `UPDATE "UserSession" SET "revokedAt" = now() AT TIME ZONE 'UTC'
       WHERE "revokedAt" IS NULL AND "userId" = (SELECT id FROM "User" WHERE email = $1)`,
      [worker.email],
    );
    await page.getByRole('button', { name: 'Save conversation' }).click();

    const dialog = page.getByRole('dialog', { name: 'Sign in again to save your work' });
    await expect(dialog).toBeVisible();
    await expect(page.getByText('You have been signed out. Sign in again to save this.').first()).toBeVisible();
    await expect(page.getByLabel('What matters to the person')).toHaveValue(note);
    await expect(page.getByLabel('Strengths')).toHaveValue('Knows every plant by name.');
    await expect(dialog.getByLabel('Email address')).toHaveValue(worker.email);
    await expect(dialog.getByLabel('Password')).toBeFocused();
    await expectAccessible(page);

    await dialog.getByLabel('Password').fill('not-the-password');
    await dialog.getByRole('button', { name: 'Sign in and save' }).click();
    await expect(dialog.getByText('Enter a correct email address and password').first()).toBeVisible();

    await dialog.getByLabel('Password').fill(worker.password);
    await dialog.getByRole('button', { name: 'Sign in and save' }).click();
    await page.waitForURL(new RegExp(`/cases/${kase.id}\\?done=conversation`));
    await expect(page.getByText(note.slice(0, 80)).first()).toBeVisible();
    const saved = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Conversation" WHERE "caseId" = $1 AND "whatMatters" = $2`,
      [kase.id, note],
    );
    expect(saved[0].n).toBe(1);
    await expectAccessible(page);
  });

  test('a note saved while the database is down stays on the page, signed in, and is saved on the next try', async ({
    browser,
  }) => {
    const page = await signedIn(browser);
    const [kase] = await query<{ id: string }>(
      `SELECT c.id FROM "Case" c JOIN "User" u ON u.id = c."assignedWorkerId"
       WHERE u.email = $1 AND c.status = 'active' ORDER BY c."receivedAt" DESC LIMIT 1`,
      [worker.email],
    );
    await visit(page, `/cases/${kase.id}/conversations/new`);
    const note = `Would like to try the walking group on Thursdays. ${'Talked about getting out more. '.repeat(20)}`.trim();
    await page.getByLabel('1: Listen and connect').check();
    await page.getByLabel('What matters to the person').fill(note);

    await databaseReachable(false);
    try {
      await page.getByRole('button', { name: 'Save conversation' }).click();
      await expect(page.getByText('This was not saved because of a problem on our side.').first()).toBeVisible({
        timeout: 30_000,
      });
      await expect(page).toHaveURL(new RegExp(`/cases/${kase.id}/conversations/new$`));
      await expect(page.getByLabel('What matters to the person')).toHaveValue(note);
      await expect(page.getByRole('dialog', { name: 'Sign in again to save your work' })).toHaveCount(0);
    } finally {
      await databaseReachable(true);
    }
    await expectAccessible(page);

    // Still signed in: the same session saves it.
    await page.getByRole('button', { name: 'Save conversation' }).click();
    await page.waitForURL(new RegExp(`/cases/${kase.id}\\?done=conversation`));
    const saved = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Conversation" WHERE "caseId" = $1 AND "whatMatters" = $2`,
      [kase.id, note],
    );
    expect(saved[0].n).toBe(1);
  });
});

test.describe('staff forms without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a conversation posts: refused with everything kept, then saved', async ({ page, browser }) => {
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(worker.email);
    await page.getByLabel('Password', { exact: true }).fill(worker.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/caseload$/);
    const [kase] = await query<{ id: string }>(
      `SELECT c.id FROM "Case" c JOIN "User" u ON u.id = c."assignedWorkerId"
       WHERE u.email = $1 AND c.status = 'active' ORDER BY c."receivedAt" LIMIT 1 OFFSET 1`,
      [worker.email],
    );
    await page.goto(`/cases/${kase.id}/conversations/new`);
    await expectAccessibleAsServed(page, browser);

    // No stage chosen: refused, and what was typed comes back in the page the server sends.
    const note = 'Talked about the choir at St Mary’s; would go with a friend.';
    await page.getByLabel('What matters to the person').fill(note);
    await page.getByRole('button', { name: 'Save conversation' }).click();
    await expect(page.getByRole('heading', { name: 'There is a problem' })).toBeVisible();
    await expect(page.getByLabel('What matters to the person')).toHaveValue(note);
    await expectAccessibleAsServed(page, browser);

    await page.getByLabel('1: Listen and connect').check();
    await page.getByRole('button', { name: 'Save conversation' }).click();
    await page.waitForURL(new RegExp(`/cases/${kase.id}\\?done=conversation`));
    const saved = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Conversation" WHERE "caseId" = $1 AND "whatMatters" = $2`,
      [kase.id, note],
    );
    expect(saved[0].n).toBe(1);
  });
});
