import { expect, test, visit } from './axe';

test('the open data page is linked from the footer, passes axe, and its links work', async ({ page, request }) => {
  await visit(page, '/');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Open data' }).click();
  await expect(page).toHaveURL(/\/data$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Open data' })).toBeVisible();
  await visit(page, '/data');
  await expect(page.getByRole('link', { name: 'Open Government Licence v3.0' })).toHaveAttribute(
    'href',
    /open-government-licence\/version\/3/,
  );

  // The API's address as shown answers with the standard's root.
  const apiAddress = (await page.locator('code', { hasText: '/api/oruk' }).first().textContent())!.trim();
  const root = await request.get(new URL(apiAddress + '/', page.url()).pathname);
  expect(root.status()).toBe(200);
  expect(await root.json()).toMatchObject({ version: 'HSDS-UK-3.0' });
  expect(root.headers()['access-control-allow-origin']).toBe('*');

  for (const name of [/\/services$/, /API description/]) {
    const href = (await page.getByRole('link', { name }).first().getAttribute('href'))!;
    const res = await request.get(new URL(href).pathname);
    expect(res.status(), href).toBe(200);
    expect(res.headers()['content-type']).toContain('application/json');
  }

  const json = await request.get((await page.getByRole('link', { name: /Open Referral UK JSON/ }).getAttribute('href'))!);
  expect(json.status()).toBe(200);
  const services = (await json.json()) as Array<{ id: string; name: string }>;
  expect(services.length).toBeGreaterThan(100);

  const zip = await request.get((await page.getByRole('link', { name: /CSV tables/ }).getAttribute('href'))!);
  expect(zip.status()).toBe(200);
  expect(zip.headers()['content-type']).toBe('application/zip');
  const body = await zip.body();
  // A zip starts with a local file header and names the services table.
  expect(body.subarray(0, 4).toString('hex')).toBe('504b0304');
  expect(body.includes(Buffer.from('services.csv'))).toBe(true);
});
