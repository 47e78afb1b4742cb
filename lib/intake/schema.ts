// The referral forms' one schema: it validates what the server action receives and supplies the
// messages the form shows. Safe for the browser (no database imports).
import { z } from 'zod';
import {
  EMAIL_FORMAT,
  PHONE_EXAMPLE,
  addFieldError,
  characterErrors,
  isMobileNumber,
  isPhoneNumber,
  isUuid,
  issuesToErrors,
  optionalPostcode,
  optionalText,
  parseDateParts,
  text,
  type FieldErrors,
} from '@/lib/forms';
import {
  AGE_BANDS,
  CONTACT_METHODS,
  FOR_WHOM,
  LIMITS,
  PROFESSIONAL_SOURCES,
  ageBandFor,
  type AgeBand,
  type BestTime,
  type ForWhom,
  type IntakeContactMethod,
  type ProfessionalSource,
  BEST_TIMES,
} from './options';

export type ReferralKind = 'self' | 'professional';

/** Every field the forms post, by name (the control's id is the same, except where noted). */
export const REFERRAL_FIELDS = [
  'forWhom',
  'carerName',
  'carerRelationship',
  'carerPhone',
  'carerEmail',
  'referrerName',
  'referrerRole',
  'referrerOrganisation',
  'referrerEmail',
  'referrerPhone',
  'source',
  'name',
  'dob',
  'ageBand',
  'preferredContact',
  'phone',
  'email',
  'bestTimes',
  'contactNotes',
  'postcode',
  'gpPracticeId',
  'whatMatters',
  'needs',
  'consent',
] as const;
export type ReferralField = (typeof REFERRAL_FIELDS)[number];

/** Where the error summary sends focus for fields whose first control has another id. */
export const FIELD_ANCHORS: Partial<Record<ReferralField, string>> = { dob: 'dobDay' };

/** What the person typed, kept so the form can show it again after an error. */
export type ReferralValues = {
  submissionKey?: string;
  forWhom?: string;
  carerName?: string;
  carerRelationship?: string;
  carerPhone?: string;
  carerEmail?: string;
  referrerName?: string;
  referrerRole?: string;
  referrerOrganisation?: string;
  referrerEmail?: string;
  referrerPhone?: string;
  source?: string;
  name?: string;
  dobDay?: string;
  dobMonth?: string;
  dobYear?: string;
  ageBand?: string;
  preferredContact?: string;
  phone?: string;
  email?: string;
  bestTimes?: string[];
  contactNotes?: string;
  postcode?: string;
  gpPracticeId?: string;
  whatMatters?: string;
  needs?: string[];
  consent?: string[];
};

const TEXT_KEYS = [
  'submissionKey',
  'forWhom',
  'carerName',
  'carerRelationship',
  'carerPhone',
  'carerEmail',
  'referrerName',
  'referrerRole',
  'referrerOrganisation',
  'referrerEmail',
  'referrerPhone',
  'source',
  'name',
  'dobDay',
  'dobMonth',
  'dobYear',
  'ageBand',
  'preferredContact',
  'phone',
  'email',
  'contactNotes',
  'postcode',
  'gpPracticeId',
  'whatMatters',
] as const;
const LIST_KEYS = ['bestTimes', 'needs', 'consent'] as const;

/** Reads the posted form into plain strings and lists, as typed: too long is refused by the schema, not cut. */
export function readReferralForm(form: FormData): ReferralValues {
  const values: ReferralValues = {};
  for (const key of TEXT_KEYS) {
    const v = form.get(key);
    if (typeof v === 'string') values[key] = v;
  }
  for (const key of LIST_KEYS) values[key] = form.getAll(key).filter((v): v is string => typeof v === 'string');
  return values;
}

/** The honeypot: hidden from people, filled in by bots. */
export function honeypotFilled(form: FormData): boolean {
  const v = form.get('website');
  return typeof v === 'string' && v.trim() !== '';
}

// ---------- field rules ----------

export { isMobileNumber, isPhoneNumber };

/** The date of birth from three boxes, or a message saying what to fix; null when all are blank. */
export function parseDateOfBirth(
  day: string | undefined,
  month: string | undefined,
  year: string | undefined,
  now: Date,
): { ok: true; date: Date | null } | { ok: false; error: string } {
  const parsed = parseDateParts('Date of birth', { day, month, year }, '27 3 1950');
  if (!parsed.ok || !parsed.date) return parsed;
  if (parsed.date.getTime() > now.getTime()) return { ok: false, error: 'Date of birth must be in the past' };
  if (parsed.date.getUTCFullYear() < 1900) return { ok: false, error: 'Date of birth must be after 1900' };
  return parsed;
}

const emailRule = z.email({ error: EMAIL_FORMAT });

/** Age in whole years on `now` for a date of birth (a UTC-midnight calendar date). */
export function ageOn(dateOfBirth: Date, now: Date): number {
  let age = now.getUTCFullYear() - dateOfBirth.getUTCFullYear();
  const beforeBirthday =
    now.getUTCMonth() < dateOfBirth.getUTCMonth() ||
    (now.getUTCMonth() === dateOfBirth.getUTCMonth() && now.getUTCDate() < dateOfBirth.getUTCDate());
  if (beforeBirthday) age -= 1;
  return age;
}

// ---------- the parsed result ----------

export type ReferrerDetails = {
  name: string;
  /** Job title, or the carer's relationship to the person. */
  role: string | null;
  organisation: string | null;
  email: string | null;
  phone: string | null;
};

/** A referral that passed validation, ready for `submitReferral`. */
export type ReferralFormData = {
  kind: ReferralKind;
  submissionKey: string;
  source: 'self' | ProfessionalSource;
  forWhom: ForWhom | null;
  /** A professional, or a carer referring with the person's agreement; null for someone referring themself. */
  referrer: ReferrerDetails | null;
  person: {
    name: string;
    dateOfBirth: Date | null;
    ageBand: AgeBand | null;
    preferredContact: IntakeContactMethod;
    phone: string | null;
    email: string | null;
    bestTimes: BestTime[];
    contactNotes: string | null;
    postcode: string | null;
    gpPracticeId: string | null;
  };
  whatMatters: string;
  needCodes: string[];
  consents: { contact: true; shareWithProvider: boolean; tellGp: boolean };
};

export type ParseResult = { ok: true; data: ReferralFormData } | { ok: false; fieldErrors: FieldErrors };

/** A submission key is generated when the form renders; anything else is refused. */
export const submissionKeyRule = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

const baseSchema = z.object({
  name: text('Full name', LIMITS.name, 'Enter the full name of the person who would like support'),
  ageBand: z.preprocess(
    (v) => (v === '' || v == null ? undefined : v),
    z.enum(AGE_BANDS, { error: 'Choose an age range from the list' }).optional(),
  ),
  preferredContact: z.enum(CONTACT_METHODS, { error: 'Select how they would like to be contacted' }),
  phone: optionalText('Phone number', LIMITS.phone),
  email: optionalText('Email address', LIMITS.email),
  bestTimes: z.array(z.string()).default([]),
  contactNotes: optionalText('Anything else about getting in touch', LIMITS.contactNotes),
  postcode: optionalPostcode(),
  gpPracticeId: z.preprocess((v) => (isUuid(v) ? v : undefined), z.string().optional()),
  whatMatters: text('What matters', LIMITS.whatMatters, 'Tell us what matters to the person and what they would like help with'),
  needs: z.array(z.string().max(100, 'Choose from the list')).max(30, 'Choose up to 30 things to help with').default([]),
  consent: z.array(z.string()).default([]),
});

const selfSchema = baseSchema.extend({
  forWhom: z.enum(FOR_WHOM, { error: 'Select who you are asking for help for' }),
  carerName: optionalText('Your name', LIMITS.name),
  carerRelationship: optionalText('How you are connected to them', LIMITS.relationship),
  carerPhone: optionalText('Your phone number', LIMITS.phone),
  carerEmail: optionalText('Your email address', LIMITS.email),
});

const professionalSchema = baseSchema.extend({
  referrerName: text('Your name', LIMITS.name, 'Enter your name'),
  referrerRole: text('Your role', LIMITS.role, 'Enter your job title or role'),
  referrerOrganisation: text('Organisation', LIMITS.organisation, 'Enter the name of your organisation or practice'),
  referrerEmail: optionalText('Your work email address', LIMITS.email),
  referrerPhone: optionalText('Your work phone number', LIMITS.phone),
  source: z.enum(PROFESSIONAL_SOURCES, { error: 'Select where you work' }),
});

/**
 * Checks a posted referral form. Field rules come from the zod schemas; the rules that join fields
 * (a phone number for a phone call, a date of birth or an age range) are applied after, so every
 * problem is reported at once.
 */
export function parseReferral(kind: ReferralKind, values: ReferralValues, now: Date = new Date()): ParseResult {
  const schema = kind === 'self' ? selfSchema : professionalSchema;
  const parsed = schema.safeParse(values);
  let errors: FieldErrors = parsed.success ? {} : issuesToErrors(parsed.error.issues).fieldErrors;
  const add = (field: ReferralField, message: string) => {
    errors = addFieldError(errors, field, message);
  };

  const posted = Object.fromEntries(Object.entries(values).filter((e): e is [string, string | string[]] => e[1] !== undefined));
  for (const [field, messages] of Object.entries(characterErrors(posted, ['contactNotes', 'whatMatters'])))
    errors = { ...errors, [field]: messages! };

  const key = submissionKeyRule.safeParse(values.submissionKey);
  // The key comes from the page, never from a person: a missing one means the page was not ours.
  if (!key.success) add('name', 'Something went wrong with the form. Reload the page and try again');

  const phone = (values.phone ?? '').trim();
  const email = (values.email ?? '').trim();
  const method = values.preferredContact;
  if (phone && !isPhoneNumber(phone)) add('phone', `Enter a phone number, ${PHONE_EXAMPLE}`);
  if (email && !emailRule.safeParse(email).success) add('email', EMAIL_FORMAT);
  if (method === 'phone' && !phone) add('phone', 'Enter a phone number, or choose another way to be contacted');
  if (method === 'text') {
    if (!phone) add('phone', 'Enter a mobile phone number for text messages, or choose another way to be contacted');
    else if (isPhoneNumber(phone) && !isMobileNumber(phone))
      add('phone', 'Enter a mobile phone number for text messages, like 07700 900 982');
  }
  if (method === 'email' && !email) add('email', 'Enter an email address, or choose another way to be contacted');

  const dob = parseDateOfBirth(values.dobDay, values.dobMonth, values.dobYear, now);
  if (!dob.ok) add('dob', dob.error);
  else if (!dob.date && !values.ageBand) add('dob', 'Enter a date of birth, or choose an age range');

  const consent = values.consent ?? [];
  if (!consent.includes('contact')) {
    add(
      'consent',
      kind === 'self'
        ? 'Tick the box to agree to a link worker getting in touch'
        : 'Tick the box to confirm the person agrees to a link worker getting in touch',
    );
  }

  let referrer: ReferrerDetails | null = null;
  if (kind === 'self' && values.forWhom === 'someone_i_care_for') {
    const carerName = (values.carerName ?? '').trim();
    const carerPhone = (values.carerPhone ?? '').trim();
    const carerEmail = (values.carerEmail ?? '').trim();
    if (!carerName) add('carerName', 'Enter your name');
    if (carerPhone && !isPhoneNumber(carerPhone)) add('carerPhone', `Enter a phone number, ${PHONE_EXAMPLE}`);
    if (carerEmail && !emailRule.safeParse(carerEmail).success) add('carerEmail', EMAIL_FORMAT);
    referrer = {
      name: carerName,
      role: (values.carerRelationship ?? '').trim() || null,
      organisation: null,
      phone: carerPhone || null,
      email: carerEmail || null,
    };
  }
  if (kind === 'professional') {
    const referrerPhone = (values.referrerPhone ?? '').trim();
    const referrerEmail = (values.referrerEmail ?? '').trim();
    if (referrerPhone && !isPhoneNumber(referrerPhone)) add('referrerPhone', `Enter a phone number, ${PHONE_EXAMPLE}`);
    if (referrerEmail && !emailRule.safeParse(referrerEmail).success) add('referrerEmail', EMAIL_FORMAT);
    if (!referrerPhone && !referrerEmail)
      add('referrerEmail', 'Enter your email address or phone number, so we can contact you about this referral');
    referrer = {
      name: (values.referrerName ?? '').trim(),
      role: (values.referrerRole ?? '').trim() || null,
      organisation: (values.referrerOrganisation ?? '').trim() || null,
      phone: referrerPhone || null,
      email: referrerEmail || null,
    };
  }

  if (!parsed.success || Object.keys(errors).length > 0 || !dob.ok) return { ok: false, fieldErrors: ordered(errors) };

  const data = parsed.data as z.infer<typeof baseSchema> &
    Partial<z.infer<typeof selfSchema>> &
    Partial<z.infer<typeof professionalSchema>>;
  const dateOfBirth = dob.date;
  const ageBand = dateOfBirth ? ageBandFor(ageOn(dateOfBirth, now)) : (data.ageBand ?? null);
  return {
    ok: true,
    data: {
      kind,
      submissionKey: key.data!,
      source: kind === 'self' ? 'self' : data.source!,
      forWhom: kind === 'self' ? (data.forWhom ?? 'self') : null,
      referrer,
      person: {
        name: data.name,
        dateOfBirth,
        ageBand,
        preferredContact: data.preferredContact,
        phone: phone || null,
        email: email || null,
        bestTimes: BEST_TIMES.filter((t) => data.bestTimes.includes(t)),
        contactNotes: data.contactNotes || null,
        postcode: data.postcode ?? null,
        gpPracticeId: data.gpPracticeId ?? null,
      },
      whatMatters: data.whatMatters,
      needCodes: [...new Set(data.needs)],
      consents: {
        contact: true,
        shareWithProvider: consent.includes('share_with_provider'),
        tellGp: consent.includes('tell_gp'),
      },
    },
  };
}

/** In the order the fields appear, and only the form's own fields. */
function ordered(errors: FieldErrors): FieldErrors {
  const out: Record<string, readonly string[]> = {};
  for (const field of REFERRAL_FIELDS) {
    const messages = errors[field];
    if (messages?.length) out[field] = messages;
  }
  return out;
}
