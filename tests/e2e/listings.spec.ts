import type { Browser, Page } from '@playwright/test';
import { demoAccounts } from '../../lib/demo/accounts';
import { expect, expectAccessible, test, visit } from './axe';
import { outboxLink } from './outbox';

const provider = demoAccounts.find((a) => a.role === 'provider')!;
const coordinator = demoAccounts.find((a) => a.role === 'coordinator')!;

async function signIn(page: Page, email: string, password: string) {
  await visit(page, '/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

async function newPage(browser: Browser, viewport?: { width: number; height: number }) {
  const context = await browser.newContext(viewport ? { viewport } : {});
  return context.newPage();
}

/** The listing names a search for `name` shows, with or without the "has space now" filter. */
async function searchFinds(page: Page, name: string, hasSpace: boolean): Promise<boolean> {
  const qs = new URLSearchParams({ q: name });
  if (hasSpace) qs.set('space', '1');
  await visit(page, `/services?${qs}`);
  return (await page.getByRole('link', { name, exact: true }).count()) > 0;
}

const today = () =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(),
  );

const devices = [
  { name: 'desktop', viewport: { width: 1280, height: 900 } },
  { name: 'phone', viewport: { width: 375, height: 740 } },
] as const;

for (const device of devices) {
  test.describe(`listings on a ${device.name}`, () => {
    test.use({ viewport: device.viewport });

    test('a provider marks an activity full in one tap, and “has space now” drops it', async ({ page }) => {
      await signIn(page, provider.email, provider.password);
      await visit(page, '/provider/listings');
      await expect(page.getByRole('heading', { level: 1, name: 'Your listings' })).toBeVisible();

      // A published, recently checked listing that has space now.
      const item = page
        .getByRole('listitem')
        .filter({ has: page.getByRole('button', { name: /^Mark as full/ }) })
        .filter({ hasText: 'Has space' })
        .filter({ hasNotText: 'Not published yet' })
        .filter({ hasNotText: 'Check it is still right' })
        .filter({ hasNotText: 'Paused' })
        .filter({ hasNotText: 'Not running' })
        .first();
      const link = item.getByRole('heading', { level: 3 }).getByRole('link');
      const href = (await link.getAttribute('href'))!;
      const name = (await link.textContent())!.replace(/: edit the listing$/, '').trim();
      expect(await searchFinds(page, name, true)).toBe(true);

      await visit(page, '/provider/listings');
      await page
        .getByRole('listitem')
        .filter({ has: page.locator(`a[href="${href}"]`) })
        .getByRole('button', { name: /^Mark as full/ })
        .click();
      await expect(page).toHaveURL(/capacity=full/, { timeout: 30_000 });
      await expect(page.getByText(`${name} now shows “Full”.`)).toBeVisible();
      await expectAccessible(page);

      expect(await searchFinds(page, name, true)).toBe(false);
      expect(await searchFinds(page, name, false)).toBe(true);
    });

    test('after a one-tap “Mark as full” on the editor, saving the form is no conflict and keeps it full', async ({ page }) => {
      await signIn(page, provider.email, provider.password);
      await visit(page, '/provider/listings');
      const item = page
        .getByRole('listitem')
        .filter({ has: page.getByRole('button', { name: /^Mark as full/ }) })
        .filter({ hasText: 'Has space' })
        .filter({ hasNotText: 'Not published yet' })
        .filter({ hasNotText: 'waiting for a check' })
        .first();
      const link = item.getByRole('heading', { level: 3 }).getByRole('link');
      const name = (await link.textContent())!.replace(/: edit the listing$/, '').trim();
      await link.click();
      await expect(page).toHaveURL(/\/provider\/listings\/[0-9a-f-]{36}$/, { timeout: 30_000 });
      await expect(page.getByRole('heading', { level: 1 })).toContainText(name);

      await page
        .getByRole('region', { name: 'Space for new people' })
        .getByRole('button', { name: /^Mark as full/ })
        .click();
      await expect(page).toHaveURL(/capacity=full/, { timeout: 30_000 });
      await expect(page.getByText('Space updated')).toBeVisible();
      // The form below shows the listing as it is now.
      await expect(page.getByRole('radio', { name: 'It is full' })).toBeChecked();
      await expectAccessible(page);

      const notice = `Bring a water bottle (${device.name} ${Date.now().toString(36)})`;
      await page.getByLabel('Notice for visitors (optional)').fill(notice);
      await page.getByRole('button', { name: 'Save changes' }).click();
      await expect(page).toHaveURL(/saved=published/, { timeout: 30_000 });
      await expect(page.getByText('Your changes are live')).toBeVisible();
      await expect(page.getByText('Someone else changed this listing')).toHaveCount(0);
      await expect(page.getByRole('region', { name: 'Space for new people' }).getByText('Full', { exact: true })).toBeVisible();
      await expect(page.getByLabel('Notice for visitors (optional)')).toHaveValue(notice);
      await expectAccessible(page);
    });

    test('a provider saves a new listing as a draft to finish later: nothing is published or sent', async ({ page }) => {
      const name = `Knit and Natter draft ${device.name} ${Date.now().toString(36)}`;
      await signIn(page, provider.email, provider.password);
      await visit(page, '/provider/listings/new');
      await page.getByLabel('Name', { exact: true }).fill(name);
      await page.getByRole('button', { name: 'Save as draft' }).click();
      await expect(page).toHaveURL(/saved=drafted/, { timeout: 30_000 });
      await expect(page.getByText('Your draft is saved')).toBeVisible();
      await expect(page.getByRole('button', { name: 'Send for checking' })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Save as draft' })).toBeVisible();
      await expectAccessible(page);

      await visit(page, '/provider/listings');
      await expect(
        page.getByRole('listitem').filter({ has: page.getByRole('link', { name: new RegExp(`^${name}`) }) }),
      ).toContainText('Draft');
      expect(await searchFinds(page, name, false)).toBe(false);
    });

    test('a provider moves a place’s pin on the map, and the typed position follows it', async ({ page }) => {
      await signIn(page, provider.email, provider.password);
      await visit(page, '/provider/listings');
      await page.getByRole('link', { name: /^Seated Dance and Movement\s*: edit the listing$/ }).click();
      await expect(page).toHaveURL(/\/provider\/listings\/[0-9a-f-]{36}$/, { timeout: 30_000 });
      await expectAccessible(page);

      const map = page.getByRole('region', { name: /^Map of the place/ });
      const pin = map.locator('.leaflet-marker-icon.map-pin');
      await expect(pin).toBeVisible();
      await page.getByText('Adjust the map position').click();
      const latitude = page.getByRole('textbox', { name: 'Latitude' });
      const longitude = page.getByRole('textbox', { name: 'Longitude' });
      const start = { lat: Number(await latitude.inputValue()), lng: Number(await longitude.inputValue()) };

      // Dragging the pin down and to the left moves the position south and west.
      const box = (await pin.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width / 2 - 40, box.y + box.height / 2 + 30, { steps: 8 });
      await page.mouse.up();
      await expect(latitude).not.toHaveValue(String(start.lat));
      const dragged = { lat: Number(await latitude.inputValue()), lng: Number(await longitude.inputValue()) };
      expect(dragged.lat).toBeLessThan(start.lat);
      expect(dragged.lng).toBeLessThan(start.lng);
      await expect(map.getByRole('status')).toHaveText(
        `Pin moved. Latitude ${dragged.lat.toFixed(5)}, longitude ${dragged.lng.toFixed(5)}.`,
      );

      // Typing a position moves the pin there: the map centres on the pin's point, 20px below its head's middle.
      await latitude.fill((dragged.lat + 0.002).toFixed(5));
      await longitude.fill((dragged.lng + 0.003).toFixed(5));
      const container = (await map.locator('.leaflet-container').boundingBox())!;
      await expect
        .poll(async () => {
          const b = (await pin.boundingBox())!;
          return Math.round(
            Math.hypot(
              b.x + b.width / 2 - (container.x + container.width / 2),
              b.y + b.height / 2 + 20 - (container.y + container.height / 2),
            ),
          );
        })
        .toBeLessThan(4);
      await expectAccessible(page);

      // A position outside the UK is refused, saying why.
      await latitude.fill('53.35');
      await longitude.fill('-6.26');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await expect(page.getByRole('link', { name: /That position is not in the UK/ })).toBeVisible({ timeout: 30_000 });
      await expectAccessible(page);

      // Drag the pin back into Eastbrook and save: the new position is live.
      await latitude.fill(dragged.lat.toFixed(5));
      await longitude.fill(dragged.lng.toFixed(5));
      await page.getByRole('button', { name: 'Save changes' }).click();
      await expect(page).toHaveURL(/saved=published/, { timeout: 30_000 });
      await expect(page.getByText('Your changes are live')).toBeVisible();
      await expectAccessible(page);
      await page.getByText('Adjust the map position').click();
      await expect(latitude).toHaveValue(String(Number(dragged.lat.toFixed(5))));
      await expect(longitude).toHaveValue(String(Number(dragged.lng.toFixed(5))));
    });

    test('a provider updates the group’s details; the description waits for a coordinator, the charity number is live at once', async ({
      page,
      browser,
    }) => {
      const stamp = `${device.name} ${Date.now().toString(36)}`;
      const about = `Friendly help for older people in Eastbrook (${stamp}).`;
      const charity = String(1_000_000 + (Date.now() % 8_999_999));
      await signIn(page, provider.email, provider.password);
      await visit(page, '/provider/organisation');
      await expect(page.getByRole('heading', { level: 1, name: 'Eastbrook Age Well' })).toBeVisible();
      await page.getByLabel('About the group (optional)').fill(about);
      await page.getByLabel('Charity number (optional)').fill(charity);
      await page.getByRole('button', { name: 'Save the group’s details' }).click();
      await expect(page).toHaveURL(/saved=pending/, { timeout: 30_000 });
      await expect(
        page.getByText(/Changes to the name, description or contact details show once a coordinator has checked them/),
      ).toBeVisible();
      await expect(page.getByText(/Changes to about the group are waiting for a coordinator/)).toBeVisible();
      await expect(page.getByLabel('Charity number (optional)')).toHaveValue(charity);
      await expectAccessible(page);

      const staff = await newPage(browser, device.viewport);
      await signIn(staff, coordinator.email, coordinator.password);
      await visit(staff, '/moderation');
      await staff.getByRole('link', { name: /^Eastbrook Age Well\s*: group details$/ }).click();
      await expect(staff).toHaveURL(/\/moderation\/[0-9a-f-]{36}$/, { timeout: 30_000 });
      await expect(staff.getByRole('row', { name: new RegExp(`About the group .*${stamp}`) })).toBeVisible();
      await expectAccessible(staff);
      await staff.getByRole('button', { name: 'Approve and publish' }).click();
      await expect(staff).toHaveURL(/done=approve/, { timeout: 30_000 });
      await expectAccessible(staff);

      // The public page of one of the group's activities shows the new description.
      await visit(page, '/provider/listings');
      const href = (await page.getByRole('link', { name: /^Fernhill Chair Yoga\s*: edit the listing$/ }).getAttribute('href'))!;
      await visit(page, href.replace('/provider/listings/', '/services/'));
      await expect(page.getByText(about)).toBeVisible();
    });

    test('the coordinator sees a change field by field and approves it', async ({ page }) => {
      await signIn(page, coordinator.email, coordinator.password);
      await visit(page, '/moderation');
      await expect(page.getByRole('heading', { level: 1, name: 'Listing changes to check' })).toBeVisible();
      const row = page
        .getByRole('row')
        .filter({ has: page.getByText('Change', { exact: true }) })
        .first();
      await row.getByRole('link').first().click();
      await expect(page).toHaveURL(/\/moderation\/[0-9a-f-]{36}$/, { timeout: 30_000 });
      await expect(page.getByRole('columnheader', { name: 'Proposed' })).toBeVisible();
      await expectAccessible(page);
      await page.getByLabel('Message to the group').fill('Thank you, this is now live.');
      await page.getByRole('button', { name: 'Approve and publish' }).click();
      await expect(page).toHaveURL(/\/moderation\?done=approve/, { timeout: 30_000 });
      await expect(page.getByText('Approved and published. The group has been told.')).toBeVisible();
      await expectAccessible(page);
    });
  });
}

test.describe('members of a group', () => {
  test('a provider adds a co-member, who sets a password from the e-mailed link and can edit the group', async ({
    page,
    browser,
  }) => {
    const stamp = Date.now().toString(36);
    const email = `co-member-${stamp}@example.org`;
    await signIn(page, provider.email, provider.password);
    await visit(page, '/provider/organisation');
    await page.getByLabel('Their full name').fill(`Grace Hopper ${stamp}`);
    await page.getByLabel('Their email address').fill(email);
    await page.getByRole('button', { name: 'Add to Eastbrook Age Well' }).click();
    await expect(page.getByText(`We have emailed ${email}. The email tells them how to sign in`)).toBeVisible({
      timeout: 30_000,
    });
    await expectAccessible(page);

    const member = await newPage(browser);
    await visit(member, await outboxLink(browser, /\/groups\/invite\//, email));
    await expect(member.getByRole('heading', { level: 1, name: 'Set your password' })).toBeVisible();
    await expectAccessible(member);
    await member.getByLabel('Create a password').fill('a kettle and seven mugs');
    await member.getByRole('button', { name: 'Set password and continue' }).click();
    await expect(member).toHaveURL(/\/sign-in/, { timeout: 30_000 });
    await member.getByLabel('Email address').fill(email);
    await member.getByLabel('Password', { exact: true }).fill('a kettle and seven mugs');
    await member.getByRole('button', { name: 'Sign in' }).click();
    await expect(member).toHaveURL(/\/provider\/listings/, { timeout: 30_000 });
    await visit(member, '/provider/organisation');
    await expect(member.getByRole('heading', { level: 1, name: 'Eastbrook Age Well' })).toBeVisible();
    await expect(member.getByRole('button', { name: 'Save the group’s details' })).toBeVisible();
    await expect(member.getByRole('row', { name: new RegExp(`Grace Hopper ${stamp} .* Active`) })).toBeVisible();
  });
});

for (const device of devices) {
  test.describe(`a new group, on a ${device.name}`, () => {
    test.use({ viewport: device.viewport });

    test('signs up, lists a fortnightly activity, is approved by a coordinator and appears in search', async ({
      page,
      browser,
    }) => {
      const stamp = Date.now().toString(36);
      const email = `new-group-${stamp}@example.org`;
      const groupName = `Riverside Knitters ${stamp}`;
      const activity = `Knit and Natter ${stamp}`;

      await visit(page, '/groups/join');
      await page.getByLabel('Name of your group').fill(groupName);
      await page.getByLabel('Full name').fill('Ada Lovelace');
      await page.getByLabel('Email address').fill(email);
      await page.getByLabel('Create a password').fill('knitting needles and tea');
      await page.getByLabel('I am part of this group and it has agreed I can list it').check();
      await page.getByRole('button', { name: 'Register the group' }).click();
      await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
      await expectAccessible(page);

      // The confirmation e-mail, from the demo outbox.
      await visit(page, await outboxLink(browser, /\/groups\/verify\//, email));
      await page.getByRole('button', { name: 'Confirm my email address' }).click();
      await expect(page).toHaveURL(/\/sign-in/);

      await page.getByLabel('Email address').fill(email);
      await page.getByLabel('Password', { exact: true }).fill('knitting needles and tea');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page).toHaveURL(/\/provider/);

      await visit(page, '/provider/listings/new');
      await page.getByLabel('Name', { exact: true }).fill(activity);
      await page.getByLabel('Description').fill('Bring your knitting, or learn how. Tea and biscuits.');
      await page.getByRole('group', { name: 'What does it help with?' }).getByRole('checkbox').first().check();
      await page.getByLabel('Yes, it is free').check();
      await page.getByLabel('In person').check();
      await page.getByLabel('Drop in, no need to book').check();
      await page.getByLabel('Email address').fill(email);
      await page.getByLabel('Address line 1').fill('St Mary’s Hall, 12 High Street');
      await page.getByLabel('Town or city').fill('Eastbrook');
      await page.getByLabel('Postcode').fill('EB1 1AH');
      await page.getByRole('group', { name: 'Which days?' }).getByLabel('Wednesday').check();
      await page.getByLabel('How many weeks apart?').selectOption('2');
      await page.getByLabel('Starts at').fill('14:00');
      await page.getByLabel('Ends at').fill('16:00');
      await expect(page.getByText('Every other Wednesday, 2pm to 4pm')).toBeVisible();
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Send for checking' }).click();
      await expect(page).toHaveURL(/saved=created/, { timeout: 30_000 });
      await expect(page.getByText('Your listing has been sent for checking')).toBeVisible();
      await expectAccessible(page);

      // The coordinator approves the group and the listing: the listing cannot go first, and the
      // group is approved only with the check that it is genuine.
      const staff = await newPage(browser, device.viewport);
      await signIn(staff, coordinator.email, coordinator.password);
      await visit(staff, '/moderation');
      await staff.getByRole('link', { name: new RegExp(`^${activity}\\s*: new listing$`) }).click();
      await expect(staff).toHaveURL(/\/moderation\/[0-9a-f-]{36}$/, { timeout: 30_000 });
      await staff.getByRole('button', { name: 'Approve and publish' }).click();
      await expect(staff.locator('.error-summary')).toContainText('Approve the group that runs this listing first');
      await expectAccessible(staff);
      await visit(staff, '/moderation/organisations');
      const group = staff.getByRole('region', { name: groupName });
      await staff.getByRole('button', { name: `Approve ${groupName}`, exact: true }).click();
      await expect(group.getByRole('alert')).toContainText('Check the group exists and the contact is genuine');
      await expectAccessible(staff);
      await group.getByLabel('I have checked the group exists and the contact is genuine').check();
      await staff.getByRole('button', { name: `Approve ${groupName}`, exact: true }).click();
      await expect(staff).toHaveURL(/done=approve/, { timeout: 30_000 });
      await expect(staff.getByText('Group approved. Its members have been told.')).toBeVisible();
      await visit(staff, '/moderation');
      await staff.getByRole('link', { name: new RegExp(`^${activity}\\s*: new listing$`) }).click();
      await expect(staff).toHaveURL(/\/moderation\/[0-9a-f-]{36}$/, { timeout: 30_000 });
      await expect(staff.getByRole('cell', { name: 'Every other Wednesday, 2pm to 4pm' })).toBeVisible();
      await staff.getByRole('button', { name: 'Approve and publish' }).click();
      await expect(staff).toHaveURL(/done=approve/, { timeout: 30_000 });
      await expect(staff.getByText('Approved and published. The group has been told.')).toBeVisible();

      expect(await searchFinds(staff, activity, false)).toBe(true);
      await staff.getByRole('link', { name: activity, exact: true }).first().click();
      await expect(staff.getByRole('heading', { level: 1 })).toContainText(activity);
      await expectAccessible(staff);
    });

    test('a provider sees when the group was last sent the “still right?” e-mail', async ({ page }) => {
      await signIn(page, provider.email, provider.password);
      await visit(page, '/provider/listings');
      const reminded = page.getByRole('listitem').filter({ hasText: /We emailed your group a reminder on \d{1,2} \w+ \d{4}\./ });
      await expect(reminded.first()).toBeVisible();
      await reminded.first().getByRole('heading', { level: 3 }).getByRole('link').click();
      await expect(page).toHaveURL(/\/provider\/listings\/[0-9a-f-]{36}$/, { timeout: 30_000 });
      await expect(page.getByText(/We emailed your group a reminder to check it on \d{1,2} \w+ \d{4}\./)).toBeVisible();
      await expectAccessible(page);
    });

    test('a provider confirms “still right” from the e-mailed link and the last-checked date changes', async ({
      page,
      browser,
    }) => {
      await signIn(page, coordinator.email, coordinator.password);
      await visit(page, '/moderation/freshness');
      const row = page
        .getByRole('row')
        .filter({ has: page.getByRole('button', { name: /^Send a reminder/ }) })
        .first();
      const name = (await row.getByRole('link').first().textContent())!.trim();
      await row.getByRole('button', { name: /^Send a reminder/ }).click();
      await expect(page.getByText(`Reminder sent for ${name}.`)).toBeVisible();
      // The list says when the reminder went.
      await expect(page.getByRole('row').filter({ hasText: name }).first()).toContainText(today());
      await expectAccessible(page);

      // The e-mail carries the one-click “still right” link.
      await visit(page, await outboxLink(browser, /\/listing-check\//));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Is your listing for ${name} still right?`);
      await expectAccessible(page);
      await page.getByRole('button', { name: 'Yes, it is all still right' }).click();
      await expect(page.getByRole('heading', { name: 'Thank you, your listing is marked as checked' })).toBeVisible();
      await page.getByRole('link', { name: 'See your listing' }).click();
      await expect(page.getByText(`Last checked ${today()}.`)).toBeVisible();
      await expectAccessible(page);
    });
  });
}
