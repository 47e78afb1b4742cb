import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Browser, type Page } from '@playwright/test';

/** Runs axe (WCAG 2.0-2.2 A and AA) on the page as it is now and fails on any violation. */
export async function expectAccessible(page: Page) {
  // A client-side navigation streams the new <title> in after the URL changes; let it settle.
  await expect(page).toHaveTitle(/\S/);
  // React may still swap the streamed <title> while axe reads the page, which axe sees as no title
  // at all; a page that keeps any violation for 5 seconds still fails.
  await expect(async () => {
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    const summary = results.violations.map(
      (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
    expect(summary, `axe violations on ${page.url()}`).toEqual([]);
  }).toPass({ timeout: 5_000 });
}

/** Goes to a path and checks it with axe, so every page a test visits is checked. */
export async function visit(page: Page, path: string) {
  const response = await page.goto(path);
  await expectAccessible(page);
  return response;
}

/**
 * axe needs scripts, so a page seen without JavaScript is checked as a copy: the same HTML in a
 * page whose own scripts are blocked, at the same address so its styles load.
 */
export async function expectAccessibleAsServed(page: Page, browser: Browser) {
  const html = await page.content();
  const context = await browser.newContext({ javaScriptEnabled: true });
  try {
    const checker = await context.newPage();
    await checker.route(/\.js(\?|$)/, (route) => route.abort());
    await checker.goto(page.url());
    await checker.setContent(html, { waitUntil: 'load' });
    await expectAccessible(checker);
  } finally {
    await context.close();
  }
}

export const test = base;
export { expect };
