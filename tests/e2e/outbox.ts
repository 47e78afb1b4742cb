import type { Browser } from '@playwright/test';
import { demoAccounts } from '../../lib/demo/accounts';
import { expect, visit } from './axe';

const admin = demoAccounts.find((a) => a.role === 'admin')!;

/**
 * The address of the first link matching `link` in the demo outbox (newest first), read by the demo
 * admin in a browser of their own: the outbox is for a signed-in admin only.
 */
export async function outboxLink(browser: Browser, link: RegExp, to?: string): Promise<string> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await visit(page, '/sign-in');
    await page.getByLabel('Email address').fill(admin.email);
    await page.getByLabel('Password', { exact: true }).fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).not.toHaveURL(/\/sign-in/);
    await visit(page, to ? `/dev/outbox?to=${encodeURIComponent(to)}` : '/dev/outbox');
    const href = await page.getByRole('link', { name: link }).first().getAttribute('href');
    if (!href) throw new Error(`No link matching ${link} in the outbox`);
    return href;
  } finally {
    await context.close();
  }
}
