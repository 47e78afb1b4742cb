import { chromium } from '@playwright/test';
const url = process.argv[2] ?? 'http://localhost:3252/services?q=walking';
const width = Number(process.argv[3] ?? 390);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const context = await browser.newContext({ viewport: { width, height: 844 } });
const page = await context.newPage();
await page.goto(url);
await page.waitForTimeout(1500);
const rows = await page.evaluate(() => {
  const pick = (sel) => Array.from(document.querySelectorAll(sel)).slice(0, 1).map((e) => {
    const r = e.getBoundingClientRect();
    return `${sel}: top ${Math.round(r.top)} bottom ${Math.round(r.bottom)} h ${Math.round(r.height)} w ${Math.round(r.width)}`;
  });
  return ['header', '.demo-banner', 'main', 'h1', '[role=search]', '#q', '#place', '#radius', '.directory-layout', '.filter-disclosure', '.results-header', '#results-heading', '.map-toggle', '#sort', '.directory-result', '.directory-result h3', '.emergency-notice'].flatMap(pick).concat([`scrollWidth ${document.documentElement.scrollWidth}`]);
});
console.log(rows.join('\n'));
await page.screenshot({ path: '/tmp/fixes-measure/shot.png', fullPage: false });
await browser.close();
