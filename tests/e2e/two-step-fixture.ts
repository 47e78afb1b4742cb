// What the two-step browser tests share: staff they create in the seeded database, the pending
// cookie the password step would set (sealed with the app's key), and the app's set-up.
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import type { BrowserContext, Page } from '@playwright/test';
import { hashPassword } from '../../lib/auth/password';
import { sealPending } from '../../lib/auth/two-step/pending';
import { codeAt } from '../../lib/auth/two-step/totp';
import { expect, expectAccessible, visit } from './axe';

const GENERATED_KEY = 'auth.generatedTwoStepKey';

export async function query<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL, application_name: 'e2e-two-step' });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** The app's two-step key: generated on first use in the demo, so insert-if-absent, as the app does. */
async function twoStepKey(): Promise<Buffer> {
  const candidate = randomBytes(32).toString('base64');
  await query(`INSERT INTO "Setting" (key, value, "updatedAt") VALUES ($1, $2::jsonb, now()) ON CONFLICT (key) DO NOTHING`, [
    GENERATED_KEY,
    JSON.stringify(candidate),
  ]);
  const [row] = await query<{ value: string }>(`SELECT value #>> '{}' AS value FROM "Setting" WHERE key = $1`, [GENERATED_KEY]);
  return Buffer.from(row.value, 'base64');
}

/** A link worker in a team of the demo, not a demo account (those are exempt in demo mode). */
export const PASSWORD = 'a long pass phrase for robin';

export async function makeLinkWorker(): Promise<{ id: string; email: string }> {
  const [team] = await query<{ id: string }>(`SELECT id FROM "Team" ORDER BY name LIMIT 1`);
  const id = randomUUID();
  const email = `two-step-${id.slice(0, 8)}@council.example`;
  await query(
    `INSERT INTO "User" (id, email, name, "passwordHash", role, "teamId", "updatedAt") VALUES ($1, $2, 'Robin Ellis', $3, 'link_worker', $4, now())`,
    [id, email, await hashPassword(PASSWORD), team.id],
  );
  return { id, email };
}

export async function signInWithPassword(page: Page, email: string) {
  await visit(page, '/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/sign-in\/two-step$/, { timeout: 20_000 });
}

export async function passedPassword(context: BrowserContext, userId: string) {
  const baseURL = process.env.E2E_BASE_URL || 'http://localhost:3100';
  const value = sealPending(await twoStepKey(), userId, null, new Date());
  await context.addCookies([{ name: 'two-step', value, url: baseURL, httpOnly: true, sameSite: 'Lax' }]);
}

export async function setUp(page: Page): Promise<{ secret: string; recoveryCodes: string[] }> {
  await visit(page, '/sign-in/two-step');
  await expect(page).toHaveURL(/\/sign-in\/two-step\/set-up$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Set up two-step sign-in');
  await expect(page.getByRole('img', { name: /QR code/ }).locator('svg')).toBeVisible();
  const secret = (await page.getByTestId('manual-key').innerText()).replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);

  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /there is a problem/i })).toBeVisible();
  await expect(page.getByRole('link', { name: /enter the 6-digit code/i })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Code from your authenticator app').fill(codeAt(secret, new Date()));
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Save your recovery codes');
  const recoveryCodes = await page.getByTestId('recovery-codes').locator('li').allInnerTexts();
  expect(recoveryCodes).toHaveLength(10);
  await expect(page.getByRole('button', { name: 'Print the codes' })).toBeVisible();
  await expectAccessible(page);
  return { secret, recoveryCodes };
}
