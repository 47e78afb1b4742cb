// The fixed choices on the referral forms, with the words people see. No database imports, so the
// client form can use them too.

export const CONTACT_METHODS = ['phone', 'text', 'email'] as const;
export type IntakeContactMethod = (typeof CONTACT_METHODS)[number];
export const CONTACT_METHOD_LABELS: Record<IntakeContactMethod, string> = {
  phone: 'Phone call',
  text: 'Text message',
  email: 'Email',
};
/** "by phone", "by text message", "by email": for "we will contact you ...". */
export const CONTACT_METHOD_PHRASES: Record<IntakeContactMethod | 'letter', string> = {
  phone: 'by phone',
  text: 'by text message',
  email: 'by email',
  letter: 'by letter',
};

export const BEST_TIMES = ['morning', 'afternoon', 'early_evening'] as const;
export type BestTime = (typeof BEST_TIMES)[number];
export const BEST_TIME_LABELS: Record<BestTime, { label: string; hint: string }> = {
  morning: { label: 'Weekday mornings', hint: '9am to midday' },
  afternoon: { label: 'Weekday afternoons', hint: 'Midday to 5pm' },
  early_evening: { label: 'Early evening', hint: '5pm to 7pm, when we can' },
};

/** The same bands the rest of the service reports on. */
export const AGE_BANDS = ['under-18', '18-24', '25-34', '35-44', '45-54', '55-64', '65-74', '75-84', '85+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const AGE_BAND_LABELS: Record<AgeBand, string> = {
  'under-18': 'Under 18',
  '18-24': '18 to 24',
  '25-34': '25 to 34',
  '35-44': '35 to 44',
  '45-54': '45 to 54',
  '55-64': '55 to 64',
  '65-74': '65 to 74',
  '75-84': '75 to 84',
  '85+': '85 or over',
};

/** The age band for an age in whole years. */
export function ageBandFor(age: number): AgeBand {
  if (age < 18) return 'under-18';
  if (age < 25) return '18-24';
  if (age < 35) return '25-34';
  if (age < 45) return '35-44';
  if (age < 55) return '45-54';
  if (age < 65) return '55-64';
  if (age < 75) return '65-74';
  if (age < 85) return '75-84';
  return '85+';
}

/** Who sends a self-referral: the person, or someone who cares for them with their agreement. */
export const FOR_WHOM = ['self', 'someone_i_care_for'] as const;
export type ForWhom = (typeof FOR_WHOM)[number];

/** Where a professional referral comes from (a self-referral is always `self`). */
export const PROFESSIONAL_SOURCES = ['gp', 'social_care', 'hospital', 'voluntary_sector', 'other'] as const;
export type ProfessionalSource = (typeof PROFESSIONAL_SOURCES)[number];
export const PROFESSIONAL_SOURCE_LABELS: Record<ProfessionalSource, string> = {
  gp: 'GP practice',
  social_care: 'Social care',
  hospital: 'Hospital',
  voluntary_sector: 'Voluntary or community group',
  other: 'Somewhere else',
};

/** What a "share with groups" consent covers: the details a link worker may pass on. */
export const SHARE_FIELDS = ['name', 'phone', 'email', 'preferredContact', 'contactNotes', 'whatMatters', 'needs'] as const;
/** A GP practice is told how things went, nothing more. */
export const TELL_GP_FIELDS = ['outcome'] as const;

export const LIMITS = {
  name: 120,
  role: 120,
  organisation: 160,
  email: 254,
  phone: 30,
  contactNotes: 500,
  whatMatters: 3000,
  relationship: 80,
} as const;
