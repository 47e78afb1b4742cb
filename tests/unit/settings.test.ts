import { describe, expect, it } from 'vitest';
import { parseEnv, settingsDefaults } from '@/lib/config';
import {
  checkLogo,
  contrastRatio,
  fillPlaceholders,
  MAX_LOGO_BYTES,
  meetsAaWithWhite,
  parseHexColour,
  resolveSettings,
  sectionSchema,
  SETTING_FIELDS,
  textBlocks,
} from '@/lib/settings';

const defaults = settingsDefaults(parseEnv({}));

describe('contrast (WCAG 2.2)', () => {
  it('gives the known ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    // GOV.UK blue on white: 5.17 to 1.
    expect(contrastRatio('#1d70b8', '#ffffff')).toBeCloseTo(5.17, 2);
    // The order of the two colours does not matter.
    expect(contrastRatio('#ffffff', '#1d70b8')).toBe(contrastRatio('#1d70b8', '#ffffff'));
  });

  it('accepts colours dark enough for white text and for links on the grey panels, and refuses the rest', () => {
    expect(meetsAaWithWhite('#1d70b8')).toBe(true);
    expect(meetsAaWithWhite('#0b0c0c')).toBe(true);
    expect(meetsAaWithWhite('#00703c')).toBe(true);
    // GOV.UK yellow and orange: far too light.
    expect(meetsAaWithWhite('#ffdd00')).toBe(false);
    expect(meetsAaWithWhite('#f47738')).toBe(false);
    // #767676 is 4.54:1 on white but 4.07:1 on the light grey #f3f2f1: refused.
    expect(contrastRatio('#767676', '#ffffff')!).toBeGreaterThan(4.5);
    expect(meetsAaWithWhite('#767676')).toBe(false);
  });

  it('reads only six-digit hex colours', () => {
    expect(parseHexColour('#1D70B8')).toEqual([29, 112, 184]);
    expect(parseHexColour('1d70b8')).toBeNull();
    expect(parseHexColour('#fff')).toBeNull();
    expect(parseHexColour('red')).toBeNull();
    expect(contrastRatio('red', '#ffffff')).toBeNull();
  });
});

describe('the settings registry', () => {
  it('has one field per value, each under a settings. key', () => {
    for (const section of ['service', 'timings'] as const) {
      const names = SETTING_FIELDS.filter((f) => f.section === section).map((f) => f.name);
      expect(names.sort()).toEqual(Object.keys(defaults[section]).sort());
    }
    expect(new Set(SETTING_FIELDS.map((f) => f.key)).size).toBe(SETTING_FIELDS.length);
    expect(SETTING_FIELDS.every((f) => f.key === `settings.${f.section}.${f.name}`)).toBe(true);
  });

  it('takes its defaults from the environment where a variable exists', () => {
    const e = settingsDefaults(parseEnv({ SERVICE_NAME: 'Westford Connect', REFERRAL_REMINDER_DAYS: '4' }));
    expect(e.service.name).toBe('Westford Connect');
    expect(e.timings.referralReminderDays).toBe(4);
    expect(defaults.timings.referralReminderDays).toBe(7);
    expect(defaults.service.brandColour).toBe('#1d70b8');
  });

  it('passes every default through its own schema', () => {
    for (const section of ['service', 'timings'] as const) {
      expect(sectionSchema(section).safeParse(defaults[section]).success).toBe(true);
    }
  });

  it('applies stored overrides and ignores one that no longer passes its check', () => {
    const { values, ignored } = resolveSettings(defaults, [
      { key: 'settings.service.name', value: 'Eastbrook Together' },
      { key: 'settings.timings.referralReminderDays', value: 5 },
      { key: 'settings.service.brandColour', value: '#ffdd00' },
      { key: 'settings.timings._version', value: 3 },
      { key: 'settings.unknown.thing', value: 'x' },
    ]);
    expect(values.service.name).toBe('Eastbrook Together');
    expect(values.timings.referralReminderDays).toBe(5);
    expect(values.service.brandColour).toBe(defaults.service.brandColour);
    expect(ignored).toEqual(['settings.service.brandColour']);
    // The defaults passed in are not changed.
    expect(defaults.service.name).toBe('Eastbrook Community Connect');
  });

  it('falls back to the defaults for a section whose stored values no longer fit together', () => {
    const { values, ignored } = resolveSettings(defaults, [{ key: 'settings.timings.referralReminderDays', value: 30 }]);
    // 30-day reminder against the default 14-day expiry: the section's defaults stand.
    expect(values.timings).toEqual(defaults.timings);
    expect(ignored).toEqual(['settings.timings']);
  });

  it('reads a posted form: numbers from text, trimmed, with GOV.UK messages', () => {
    const timings = sectionSchema('timings');
    const form = Object.fromEntries(Object.entries(defaults.timings).map(([k, v]) => [k, ` ${v} `]));
    expect(timings.parse(form)).toEqual(defaults.timings);
    const bad = timings.safeParse({ ...form, referralReminderDays: '', referralExpiryDays: '2.5', triageRedDays: '99' });
    expect(bad.success).toBe(false);
    const messages = Object.fromEntries(bad.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(messages).toEqual({
      referralReminderDays: 'Enter the reminder as a whole number of days',
      referralExpiryDays: 'Enter the expiry as a whole number of days',
      triageRedDays: 'The red target must be between 1 and 30 working days',
    });
  });

  it('checks the timings fit together', () => {
    const timings = sectionSchema('timings');
    const bad = timings.safeParse({ ...defaults.timings, referralReminderDays: 14, freshnessHideMonths: 6, triageAmberDays: 1 });
    expect(bad.error!.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'freshnessHideMonths',
      'referralExpiryDays',
      'triageAmberDays',
    ]);
  });

  it('refuses a brand colour too light for white text, and one that is not a colour', () => {
    const service = sectionSchema('service');
    const light = service.safeParse({ ...defaults.service, brandColour: '#FFDD00' });
    expect(light.error!.issues[0]).toMatchObject({ path: ['brandColour'], message: expect.stringContaining('too light') });
    const notColour = service.safeParse({ ...defaults.service, brandColour: 'blue' });
    expect(notColour.error!.issues[0].message).toContain('# and 6 letters or digits');
    expect(service.parse({ ...defaults.service, brandColour: ' #00703C ' }).brandColour).toBe('#00703c');
  });

  it('refuses an empty name and a malformed e-mail address', () => {
    const bad = sectionSchema('service').safeParse({ ...defaults.service, name: '  ', contactEmail: 'not an address' });
    expect(Object.fromEntries(bad.error!.issues.map((i) => [i.path.join('.'), i.message]))).toEqual({
      name: 'Enter the name of the service',
      contactEmail: 'Enter an email address in the correct format, like name@example.gov.uk',
    });
  });
});

describe('the admin texts', () => {
  it('fills in the placeholders and leaves other braces alone', () => {
    const filled = fillPlaceholders('{service} is run by {operator}; write to {email} or {unknown}.', {
      service: 'Connect',
      borough: 'Eastbrook',
      operator: 'Eastbrook Council',
      email: 'c@example.gov.uk',
      phone: '01632 960 000',
    });
    expect(filled).toBe('Connect is run by Eastbrook Council; write to c@example.gov.uk or {unknown}.');
  });

  it('splits plain text into headings, lists and paragraphs, never markup', () => {
    const blocks = textBlocks('First line\nsame paragraph.\n\n## A heading\n\n- one\n- two\n\n### Small\n\n<b>not bold</b>');
    expect(blocks).toEqual([
      { kind: 'paragraph', text: 'First line same paragraph.' },
      { kind: 'heading', level: 2, text: 'A heading' },
      { kind: 'list', items: ['one', 'two'] },
      { kind: 'heading', level: 3, text: 'Small' },
      { kind: 'paragraph', text: '<b>not bold</b>' },
    ]);
  });

  it('has default privacy and accessibility texts with headings', () => {
    expect(textBlocks(defaults.service.privacyNotice).filter((b) => b.kind === 'heading').length).toBeGreaterThan(5);
    expect(defaults.service.privacyNotice).toContain('{service}');
    expect(textBlocks(defaults.service.accessibilityStatement)[0]).toEqual({
      kind: 'paragraph',
      text: 'This statement applies to {service}, run by {operator}.',
    });
  });
});

describe('the logo check', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  const svg = (body: string) => Buffer.from(`<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg">${body}</svg>`);

  it('knows PNG, JPEG and SVG by their bytes, not by their name', () => {
    expect(checkLogo(png)).toEqual({ ok: true, type: 'image/png' });
    expect(checkLogo(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2]))).toEqual({ ok: true, type: 'image/jpeg' });
    expect(checkLogo(svg('<rect width="10" height="10"/>'))).toEqual({ ok: true, type: 'image/svg+xml' });
    expect(checkLogo(Buffer.from('GIF89a...'))).toEqual({ ok: false, reason: 'wrong_type' });
    expect(checkLogo(Buffer.from('<html><body>hello</body></html>'))).toEqual({ ok: false, reason: 'wrong_type' });
  });

  it('refuses an SVG that could run anything, an empty file and a big one', () => {
    expect(checkLogo(svg('<script>alert(1)</script>'))).toEqual({ ok: false, reason: 'unsafe_svg' });
    expect(checkLogo(svg('<rect onload="alert(1)"/>'))).toEqual({ ok: false, reason: 'unsafe_svg' });
    expect(checkLogo(svg('<a href="javascript:alert(1)"><rect/></a>'))).toEqual({ ok: false, reason: 'unsafe_svg' });
    expect(checkLogo(svg('<foreignObject><div/></foreignObject>'))).toEqual({ ok: false, reason: 'unsafe_svg' });
    expect(checkLogo(Buffer.alloc(0))).toEqual({ ok: false, reason: 'empty' });
    expect(checkLogo(Buffer.concat([png, Buffer.alloc(MAX_LOGO_BYTES)]))).toEqual({ ok: false, reason: 'too_big' });
  });
});
