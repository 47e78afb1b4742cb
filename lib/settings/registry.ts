// Every setting an admin can change on /admin/settings: its stored key, the zod schema a saved or
// typed value must pass, the words the form shows, and (in lib/config/settings.ts) its default.
// Pure: the store, the cache and the form all read this one list. docs/decisions/0024.
import { z } from 'zod';
import type { SettingsValues } from '@/lib/config';
import { contrastRatio, meetsAaWithWhite, parseHexColour } from './contrast';

export type SectionName = keyof SettingsValues;

export type FieldKind = 'text' | 'email' | 'tel' | 'textarea' | 'colour' | 'number';

export type SettingField = {
  section: SectionName;
  /** The form field's name and the value's name in SettingsValues[section]. */
  name: string;
  /** The Setting row that holds an override, e.g. `settings.service.name`. */
  key: string;
  label: string;
  hint?: string;
  kind: FieldKind;
  /** After the box, for numbers: "days", "months". */
  suffix?: string;
  /** Long texts are audited by length only: they are too long for an audit line. */
  long?: boolean;
  schema: z.ZodType<string | number>;
};

const blankIsUnset = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const text = (what: string, max: number) =>
  z.preprocess(
    blankIsUnset,
    z
      .string({ error: `Enter ${what}` })
      .trim()
      .max(max, { error: `${what[0].toUpperCase()}${what.slice(1)} must be ${max} characters or fewer` }),
  );

const whole = (what: string, min: number, max: number, unit: string) =>
  z.preprocess(
    (v) => {
      const b = blankIsUnset(v);
      return typeof b === 'string' ? b.trim() : b;
    },
    z.coerce
      .number({ error: `Enter ${what} as a whole number of ${unit}` })
      .int({ error: `Enter ${what} as a whole number of ${unit}` })
      .min(min, { error: `${what[0].toUpperCase()}${what.slice(1)} must be between ${min} and ${max} ${unit}` })
      .max(max, { error: `${what[0].toUpperCase()}${what.slice(1)} must be between ${min} and ${max} ${unit}` }),
  );

const colour = z.preprocess(
  (v) => (typeof v === 'string' ? blankIsUnset(v.trim().toLowerCase()) : v),
  z
    .string({ error: 'Enter the brand colour' })
    .refine((v) => parseHexColour(v) !== null, { error: 'Enter the brand colour as # and 6 letters or digits, like #1d70b8' })
    .refine((v) => parseHexColour(v) === null || meetsAaWithWhite(v), {
      error:
        'The brand colour is too light: white text on it, and links in it, must have a contrast of at least 4.5 to 1. Choose a darker colour',
    }),
);

const field = (section: SectionName, name: string, rest: Omit<SettingField, 'section' | 'name' | 'key'>): SettingField => ({
  section,
  name,
  key: `settings.${section}.${name}`,
  ...rest,
});

const placeholders =
  'You can write {service}, {borough}, {operator}, {email} and {phone}: they are filled in when the page is shown.';
const textFormat = `Leave a blank line between paragraphs. Start a line with ## for a heading, or - for a list item. ${placeholders}`;

export const SETTING_FIELDS: readonly SettingField[] = [
  field('service', 'name', {
    label: 'Name of the service',
    hint: 'Shown in the header of every page, in e-mails and texts',
    kind: 'text',
    schema: text('the name of the service', 80).pipe(z.string().min(2, { error: 'Enter the name of the service' })),
  }),
  field('service', 'boroughName', {
    label: 'Area the service covers',
    hint: 'For example, Eastbrook. Shown as "Find local help and support in ..."',
    kind: 'text',
    schema: text('the area the service covers', 80),
  }),
  field('service', 'operator', {
    label: 'Who runs the service',
    hint: 'The council or organisation responsible for it, named in the privacy notice and accessibility statement',
    kind: 'text',
    schema: text('who runs the service', 120),
  }),
  field('service', 'contactEmail', {
    label: 'Contact email address',
    hint: 'A shared address for the service, not a person’s',
    kind: 'email',
    schema: text('the contact email address', 254).pipe(
      z.email({ error: 'Enter an email address in the correct format, like name@example.gov.uk' }),
    ),
  }),
  field('service', 'contactPhone', {
    label: 'Contact phone number',
    kind: 'tel',
    schema: text('the contact phone number', 30).pipe(
      z.string().regex(/^\+?[\d\s()-]{6,}$/, { error: 'Enter a phone number, like 01632 960 000' }),
    ),
  }),
  field('service', 'brandColour', {
    label: 'Brand colour',
    hint: 'Used for the band under the header and for links. White text on it must be easy to read (contrast 4.5 to 1 or more). For example, #1d70b8',
    kind: 'colour',
    schema: colour,
  }),
  field('service', 'emergencyNotice', {
    label: 'Emergency notice',
    hint: 'Shown on the home page, on the forms to ask for help and at the foot of every page. Phone numbers become links',
    kind: 'textarea',
    long: true,
    schema: text('the emergency notice', 600),
  }),
  field('service', 'privacyNotice', {
    label: 'Privacy notice',
    hint: textFormat,
    kind: 'textarea',
    long: true,
    schema: text('the privacy notice', 20_000),
  }),
  field('service', 'accessibilityStatement', {
    label: 'Accessibility statement',
    hint: textFormat,
    kind: 'textarea',
    long: true,
    schema: text('the accessibility statement', 20_000),
  }),

  field('timings', 'referralReminderDays', {
    label: 'Remind a group about an unanswered referral after',
    kind: 'number',
    suffix: 'days',
    schema: whole('the reminder', 1, 60, 'days'),
  }),
  field('timings', 'referralExpiryDays', {
    label: 'Close an unanswered referral after',
    hint: 'The link worker is told. Must be longer than the reminder',
    kind: 'number',
    suffix: 'days',
    schema: whole('the expiry', 2, 120, 'days'),
  }),
  field('timings', 'freshnessNudgeMonths', {
    label: 'Ask a group "Is this still right?" when a listing has not been checked for',
    kind: 'number',
    suffix: 'months',
    schema: whole('the check e-mail', 1, 36, 'months'),
  }),
  field('timings', 'freshnessWarnMonths', {
    label: 'Warn the public that a listing may be out of date after',
    hint: 'Must not be sooner than the check e-mail',
    kind: 'number',
    suffix: 'months',
    schema: whole('the warning', 1, 36, 'months'),
  }),
  field('timings', 'freshnessHideMonths', {
    label: 'Leave a listing out of search results after',
    hint: 'Must be later than the warning',
    kind: 'number',
    suffix: 'months',
    schema: whole('hiding', 2, 60, 'months'),
  }),
  field('timings', 'triageRedDays', {
    label: 'First contact target for red referrals',
    kind: 'number',
    suffix: 'working days',
    schema: whole('the red target', 1, 30, 'working days'),
  }),
  field('timings', 'triageAmberDays', {
    label: 'First contact target for amber referrals',
    kind: 'number',
    suffix: 'working days',
    schema: whole('the amber target', 1, 30, 'working days'),
  }),
  field('timings', 'triageGreenDays', {
    label: 'First contact target for green referrals',
    kind: 'number',
    suffix: 'working days',
    schema: whole('the green target', 1, 60, 'working days'),
  }),
  field('timings', 'sessionIdleMinutes', {
    label: 'Sign staff out after no activity for',
    kind: 'number',
    suffix: 'minutes',
    schema: whole('the idle time', 3, 480, 'minutes'),
  }),
  field('timings', 'sessionMaxHours', {
    label: 'Sign staff out after signing in, at most',
    kind: 'number',
    suffix: 'hours',
    schema: whole('the longest session', 1, 24, 'hours'),
  }),
  field('timings', 'contactAttemptsBeforeClosing', {
    label: 'Offer "could not contact" after this many tries in a row',
    kind: 'number',
    suffix: 'tries',
    schema: whole('the number of tries', 1, 10, 'tries'),
  }),
];

export const SECTIONS: Record<SectionName, { title: string; slug: string; lead: string }> = {
  service: {
    title: 'The service',
    slug: 'service',
    lead: 'Its name, who runs it, how to contact it, its colour and the texts the public reads.',
  },
  timings: {
    title: 'Timings and targets',
    slug: 'timings',
    lead: 'Reminders, how long listings stay fresh, first contact targets, staff sessions and tries to contact.',
  },
};

export const fieldsOf = (section: SectionName) => SETTING_FIELDS.filter((f) => f.section === section);

/** A section's values must also fit together: checked once every field is valid. */
function sectionRules(section: SectionName, v: Record<string, unknown>, ctx: z.RefinementCtx) {
  if (section !== 'timings') return;
  const n = v as SettingsValues['timings'];
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (n.referralExpiryDays <= n.referralReminderDays) issue('referralExpiryDays', 'The expiry must be longer than the reminder');
  if (n.freshnessWarnMonths < n.freshnessNudgeMonths)
    issue('freshnessWarnMonths', 'The warning must not come before the check e-mail');
  if (n.freshnessHideMonths <= n.freshnessWarnMonths) issue('freshnessHideMonths', 'Hiding must come later than the warning');
  if (n.triageAmberDays < n.triageRedDays) issue('triageAmberDays', 'The amber target must not be shorter than the red one');
  if (n.triageGreenDays < n.triageAmberDays) issue('triageGreenDays', 'The green target must not be shorter than the amber one');
}

/** The zod schema of a section's form: every field, then the rules between them. */
export function sectionSchema<S extends SectionName>(section: S): z.ZodType<SettingsValues[S]> {
  const shape = Object.fromEntries(fieldsOf(section).map((f) => [f.name, f.schema]));
  return z.object(shape).superRefine((v, ctx) => sectionRules(section, v, ctx)) as unknown as z.ZodType<SettingsValues[S]>;
}

export type StoredRow = { key: string; value: unknown };

/**
 * The settings from stored overrides over the defaults. A stored value that no longer passes its
 * schema (a rule tightened since it was saved) is ignored and reported, never fatal; so is a
 * section whose values no longer fit together: the defaults stand for the whole section.
 */
export function resolveSettings(
  defaults: SettingsValues,
  rows: readonly StoredRow[],
): { values: SettingsValues; ignored: string[] } {
  const stored = new Map(rows.map((r) => [r.key, r.value]));
  const ignored: string[] = [];
  const values = structuredClone(defaults) as SettingsValues;
  for (const section of Object.keys(SECTIONS) as SectionName[]) {
    const merged: Record<string, unknown> = { ...defaults[section] };
    for (const f of fieldsOf(section)) {
      if (!stored.has(f.key)) continue;
      const parsed = f.schema.safeParse(stored.get(f.key));
      if (parsed.success) merged[f.name] = parsed.data;
      else ignored.push(f.key);
    }
    const whole = sectionSchema(section).safeParse(merged);
    if (whole.success) (values as Record<SectionName, unknown>)[section] = whole.data;
    else ignored.push(`settings.${section}`);
  }
  return { values, ignored };
}

/** What the form shows for a value. */
export function displayValue(value: string | number): string {
  return typeof value === 'number' ? String(value) : value;
}

export { contrastRatio };
