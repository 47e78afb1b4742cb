// The settings a borough's admin changes on /admin/settings, as the rest of the code reads them
// (through `config`). lib/settings owns the registry, the stored overrides and the cache, and hands
// each loaded snapshot here; until one is loaded (tests, the first request, scripts), every value is
// its default: the environment variable where one exists, so existing deployments keep theirs.
// Held on globalThis because Next.js may load this module once per bundle in the same process
// (pages, actions, instrumentation): a save must reach all of them. docs/decisions/0024.
import type { Env } from './env';

export type SettingsValues = {
  service: {
    name: string;
    boroughName: string;
    operator: string;
    contactEmail: string;
    contactPhone: string;
    /** A #rrggbb colour with at least 4.5:1 contrast against white (lib/settings/contrast.ts). */
    brandColour: string;
    privacyNotice: string;
    accessibilityStatement: string;
    emergencyNotice: string;
  };
  timings: {
    referralReminderDays: number;
    referralExpiryDays: number;
    freshnessNudgeMonths: number;
    freshnessWarnMonths: number;
    freshnessHideMonths: number;
    triageRedDays: number;
    triageAmberDays: number;
    triageGreenDays: number;
    sessionIdleMinutes: number;
    sessionMaxHours: number;
    contactAttemptsBeforeClosing: number;
  };
};

/** The brand colour of the design (the header band and links) before anyone changes it. */
export const DEFAULT_BRAND_COLOUR = '#1d70b8';

export const DEFAULT_EMERGENCY_NOTICE =
  'This is not an emergency service. In an emergency call 999. For urgent health advice call NHS 111. To talk to someone now, call Samaritans free on 116 123.';

// The texts take {service}, {borough}, {operator}, {email} and {phone}, filled in when shown, so a
// renamed service needs no edit to its privacy notice.
function defaultPrivacyNotice(e: Env): string {
  const dpo = e.PRIVACY_DPO_CONTACT || '{email}';
  return [
    'This notice explains what {service} keeps about you, why, who sees it, and what you can ask us to do.',
    '## Who is responsible for your information',
    `{operator} is the data controller for {service}. If you have a question about how we use your information, contact us at ${dpo}.`,
    '## Searching the directory',
    'You do not need an account to search. We do not keep your name or your full postcode when you search.',
    'When a search finds nothing, we record the words you used, the filters you chose and the rough area (the postcode district or ward), but nothing that identifies you. This shows where help is missing, so it can be funded.',
    'Your shortlist is kept in the web address and in your own browser. It is not sent to us.',
    '## Maps and postcode look-ups',
    "To show a map, your browser downloads map pictures from a map provider. To find places near a postcode, we may ask a postcode service where that postcode is. These providers receive your device's IP address, as any website you visit does. They do not receive your name.",
    '## If you are referred to a link worker',
    'When you, someone who cares for you, or a professional asks for help from a link worker, we keep:',
    [
      '- your name and how to contact you',
      '- your date of birth or age group, and your postcode (so we know which area you live in)',
      '- what matters to you, in your own words, and the support you agree with your link worker',
      '- your answers to 4 short wellbeing questions, if you choose to answer them',
      '- the groups and services you are referred to, and what happened',
      '- your GP practice, if you tell us',
      '- your gender, ethnicity and whether you have a disability, only if you choose to tell us',
    ].join('\n'),
    'We only keep what we need to support you.',
    '## Why we can use your information',
    e.PRIVACY_LAWFUL_BASIS,
    `For information about your health or other sensitive details: ${e.PRIVACY_SPECIAL_CATEGORY_BASIS}`,
    'Separately, we ask for your agreement before we contact you, before we share your details with a group or service, and before we tell your GP what happened. You can withdraw that agreement at any time by contacting your link worker or us.',
    '## Who can see it',
    'Only the link workers and coordinators in the team supporting you can see your record. A group you are referred to sees only the details you agreed to share. People who plan and pay for services see totals only, never names. Every time someone opens your record, it is logged.',
    '## How long we keep it',
    e.PRIVACY_RETENTION,
    '## Your rights',
    'You have the right to:',
    [
      '- ask for a copy of the information we hold about you',
      '- ask us to correct anything that is wrong',
      '- ask us to delete your information, where we do not have to keep it by law',
      '- object to how we use your information, or ask us to limit it',
    ].join('\n'),
    'To use any of these rights, contact us at {email} or call {phone}.',
    '## Complaints',
    "If you are unhappy with how we have used your information, contact us first. You can also complain to the Information Commissioner's Office (ICO): https://ico.org.uk/make-a-complaint/ or call 0303 123 1113.",
    '## Cookies',
    'We only use cookies that are needed to make the service work, such as keeping staff signed in. We do not use cookies to track you or for advertising.',
  ].join('\n\n');
}

const DEFAULT_ACCESSIBILITY_STATEMENT = [
  'This statement applies to {service}, run by {operator}.',
  'We want as many people as possible to be able to use this service. For example, you should be able to:',
  [
    '- change colours, contrast levels and fonts using your browser or device settings',
    '- zoom in up to 400% without the text spilling off the screen',
    '- use the whole service with just a keyboard',
    '- use the service with a screen reader or speech recognition software',
    '- use the directory without JavaScript, and without the map',
  ].join('\n'),
  'We have also made the text as simple as possible to understand. AbilityNet (https://mcmw.abilitynet.org.uk/) has advice on making your device easier to use if you have a disability.',
  '## How accessible this service is',
  'We know some parts are not fully accessible:',
  [
    '- the map of results cannot be fully used with a screen reader: every result on the map is also in the list beside it, with its address and distance',
    '- map pictures come from an outside provider and may not load; the list of results still works if they do not',
  ].join('\n'),
  '## Feedback and contact information',
  'If you need information in a different format, such as large print, easy read, audio or braille, or you find a problem not listed on this page, contact us:',
  ['- email {email}', '- call {phone}'].join('\n'),
  'We will reply within 10 working days.',
  '## Enforcement procedure',
  "The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the 'accessibility regulations'). If you are not happy with how we respond to your complaint, contact the Equality Advisory and Support Service (EASS): https://www.equalityadvisoryservice.com/",
  "## Technical information about this service's accessibility",
  '{operator} is committed to making its websites accessible, in accordance with the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018.',
  '### Compliance status',
  'This service is partially compliant with the Web Content Accessibility Guidelines version 2.2 (https://www.w3.org/TR/WCAG22/) AA standard, because of the map described above.',
  '## How we tested this service',
  'Every page is checked with automated accessibility tests (axe) on each change, and the main tasks (finding help, referring, triage and answering a referral) are tested using only a keyboard. The service uses the patterns of the GOV.UK Design System, which are tested with users of assistive technology.',
  '## Preparation of this statement',
  'This statement was prepared on 23 November 2026. It will be reviewed at least once a year.',
].join('\n\n');

/** Every setting's default: from the environment where a variable exists, otherwise the design's. */
export function settingsDefaults(e: Env): SettingsValues {
  return {
    service: {
      name: e.SERVICE_NAME,
      boroughName: e.BOROUGH_NAME,
      operator: e.PRIVACY_CONTROLLER || e.BOROUGH_NAME,
      contactEmail: e.BOROUGH_CONTACT_EMAIL,
      contactPhone: e.BOROUGH_CONTACT_PHONE,
      brandColour: DEFAULT_BRAND_COLOUR,
      privacyNotice: defaultPrivacyNotice(e),
      accessibilityStatement: DEFAULT_ACCESSIBILITY_STATEMENT,
      emergencyNotice: DEFAULT_EMERGENCY_NOTICE,
    },
    timings: {
      referralReminderDays: e.REFERRAL_REMINDER_DAYS,
      referralExpiryDays: e.REFERRAL_EXPIRY_DAYS,
      // The "Is this still right?" e-mail has always gone at the warning age.
      freshnessNudgeMonths: e.STALE_WARNING_MONTHS,
      freshnessWarnMonths: e.STALE_WARNING_MONTHS,
      freshnessHideMonths: e.STALE_HIDE_MONTHS,
      triageRedDays: e.TRIAGE_TARGET_RED_DAYS,
      triageAmberDays: e.TRIAGE_TARGET_AMBER_DAYS,
      triageGreenDays: e.TRIAGE_TARGET_GREEN_DAYS,
      sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
      sessionMaxHours: e.SESSION_MAX_HOURS,
      contactAttemptsBeforeClosing: e.CONTACT_ATTEMPTS_BEFORE_CLOSING,
    },
  };
}

type Holder = { snapshot: SettingsValues | null };
const HOLDER = Symbol.for('community-connect.settings.snapshot');
const holder = ((globalThis as { [HOLDER]?: Holder })[HOLDER] ??= { snapshot: null });

/** The settings as last loaded from the database, or every default before the first load. */
export function currentSettings(defaults: () => SettingsValues): SettingsValues {
  return holder.snapshot ?? defaults();
}

/** lib/settings calls this with each snapshot it loads; null goes back to the defaults. */
export function setSettingsSnapshot(snapshot: SettingsValues | null): void {
  holder.snapshot = snapshot;
}
