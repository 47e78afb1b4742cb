import { chromium } from '@playwright/test';
const url = process.argv[2] ?? 'http://localhost:3252/services?q=walking';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
const page = await context.newPage();
await page.goto(url);
await page.waitForTimeout(1500);
const rows = await page.evaluate(() => {
  const pick = (sel: string) => Array.from(document.querySelectorAll(sel)).slice(0, 1).map((e) => {
    const r = (e as HTMLElement).getBoundingClientRect();
    return `${sel}: top ${Math.round(r.top)} bottom ${Math.round(r.bottom)} h ${Math.round(r.height)}`;
  });
  return [
    'header', '.demo-banner', 'main', 'h1', '[role=search]', '#q', '#place', '#radius', '.directory-layout', '.filter-disclosure', '.results-header', '#results-heading', '.map-toggle', '#sort', '.directory-result', '.directory-result h3', '.emergency-notice',
  ].flatMap(pick);
});
console.log(rows.join('\n'));
await page.screenshot({ path: '/tmp/fixes-measure/search.png', fullPage: false });
await browser.close();
