// The referral forms' one schema: it validates what the server action receives and supplies the
// messages the form shows. Safe for the browser (no database imports).
import { z } from 'zod';
import { EXAMPLE_POSTCODE, parsePostcode, postcodeMessages } from '@/lib/geo/postcode';
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

export type ReferralErrors = Partial<Record<ReferralField, string>>;

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
  'submissionKey', 'forWhom', 'carerName', 'carerRelationship', 'carerPhone', 'carerEmail', 'referrerName', 'referrerRole',
  'referrerOrganisation', 'referrerEmail', 'referrerPhone', 'source', 'name', 'dobDay', 'dobMonth', 'dobYear', 'ageBand',
  'preferredContact', 'phone', 'email', 'contactNotes', 'postcode', 'gpPracticeId', 'whatMatters',
] as const;
const LIST_KEYS = ['bestTimes', 'needs', 'consent'] as const;

/** Reads the posted form into plain strings and lists, capped so a huge post cannot be echoed back. */
export function readReferralForm(form: FormData): ReferralValues {
  const values: ReferralValues = {};
  for (const key of TEXT_KEYS) {
    const v = form.get(key);
    if (typeof v === 'string') values[key] = v.slice(0, 5000);
  }
  for (const key of LIST_KEYS) {
    values[key] = form
      .getAll(key)
      .filter((v): v is string => typeof v === 'string')
      .slice(0, 50)
      .map((v) => v.slice(0, 100));
  }
  return values;
}

/** The honeypot: hidden from people, filled in by bots. */
export function honeypotFilled(form: FormData): boolean {
  const v = form.get('website');
  return typeof v === 'string' && v.trim() !== '';
}

// ---------- field rules ----------

const PHONE_EXAMPLE = 'like 01632 960 001, 07700 900 982 or +44 808 157 0192';
const EMAIL_FORMAT = 'Enter an email address in the correct format, like name@example.com';

/** Digits and a leading plus only: "+44 (0)7700 900-982" -> "+447700900982". */
export function compactPhone(input: string): string {
  return input.replace(/\(0\)/g, '').replace(/[\s().-]/g, '');
}

/** A UK number (10 or 11 digits starting 0, or +44) or an international one (+ and 8 to 15 digits). */
export function isPhoneNumber(input: string): boolean {
  const c = compactPhone(input);
  return /^0\d{9,10}$/.test(c) || /^\+44\d{9,10}$/.test(c) || /^\+[1-9]\d{7,14}$/.test(c);
}

/** A UK mobile number, which can receive text messages. */
export function isMobileNumber(input: string): boolean {
  const c = compactPhone(input);
  return /^07\d{9}$/.test(c) || /^\+447\d{9}$/.test(c) || (/^\+[1-9]\d{7,14}$/.test(c) && !c.startsWith('+44'));
}

function text(max: number, tooLong: string) {
  return z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string().max(max, tooLong));
}

const emailRule = z.email({ error: EMAIL_FORMAT });

/** The date of birth from three boxes, or a message saying what to fix; null when all are blank. */
export function parseDateOfBirth(
  day: string | undefined,
  month: string | undefined,
  year: string | undefined,
  now: Date,
): { ok: true; date: Date | null } | { ok: false; error: string } {
  const d = (day ?? '').trim();
  const m = (month ?? '').trim();
  const y = (year ?? '').trim();
  if (!d && !m && !y) return { ok: true, date: null };
  const missing = [!d && 'day', !m && 'month', !y && 'year'].filter(Boolean) as string[];
  if (missing.length > 0) {
    const list = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} and ${missing[missing.length - 1]}`;
    return { ok: false, error: `Date of birth must include a ${list}` };
  }
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) {
    return { ok: false, error: 'Date of birth must be a real date, like 27 3 1950' };
  }
  const [dn, mn, yn] = [Number(d), Number(m), Number(y)];
  const date = new Date(Date.UTC(yn, mn - 1, dn));
  if (date.getUTCFullYear() !== yn || date.getUTCMonth() !== mn - 1 || date.getUTCDate() !== dn) {
    return { ok: false, error: 'Date of birth must be a real date, like 27 3 1950' };
  }
  if (date.getTime() > now.getTime()) return { ok: false, error: 'Date of birth must be in the past' };
  if (yn < 1900) return { ok: false, error: 'Date of birth must be after 1900' };
  return { ok: true, date };
}

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

export type ParseResult = { ok: true; data: ReferralFormData } | { ok: false; errors: ReferralErrors };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A submission key is generated when the form renders; anything else is refused. */
export const submissionKeyRule = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

const baseSchema = z.object({
  name: text(LIMITS.name, `Full name must be ${LIMITS.name} characters or fewer`).pipe(
    z.string().min(1, 'Enter the full name of the person who would like support'),
  ),
  ageBand: z.preprocess((v) => (v === '' || v == null ? undefined : v), z.enum(AGE_BANDS, { error: 'Choose an age range from the list' }).optional()),
  preferredContact: z.enum(CONTACT_METHODS, { error: 'Select how they would like to be contacted' }),
  phone: text(LIMITS.phone, `Phone number must be ${LIMITS.phone} characters or fewer`),
  email: text(LIMITS.email, EMAIL_FORMAT),
  bestTimes: z.array(z.string()).default([]),
  contactNotes: text(LIMITS.contactNotes, `Tell us in ${LIMITS.contactNotes} characters or fewer`),
  postcode: text(20, postcodeMessages.enterReal),
  gpPracticeId: z.preprocess((v) => (typeof v === 'string' && uuid.test(v) ? v : undefined), z.string().optional()),
  whatMatters: text(LIMITS.whatMatters, `Tell us in ${LIMITS.whatMatters.toLocaleString('en-GB')} characters or fewer`).pipe(
    z.string().min(1, 'Tell us what matters to the person and what they would like help with'),
  ),
  needs: z.array(z.string().max(100)).default([]),
  consent: z.array(z.string()).default([]),
});

const selfSchema = baseSchema.extend({
  forWhom: z.enum(FOR_WHOM, { error: 'Select who you are asking for help for' }),
  carerName: text(LIMITS.name, `Your name must be ${LIMITS.name} characters or fewer`),
  carerRelationship: text(LIMITS.relationship, `Tell us in ${LIMITS.relationship} characters or fewer`),
  carerPhone: text(LIMITS.phone, `Phone number must be ${LIMITS.phone} characters or fewer`),
  carerEmail: text(LIMITS.email, EMAIL_FORMAT),
});

const professionalSchema = baseSchema.extend({
  referrerName: text(LIMITS.name, `Your name must be ${LIMITS.name} characters or fewer`).pipe(z.string().min(1, 'Enter your name')),
  referrerRole: text(LIMITS.role, `Your role must be ${LIMITS.role} characters or fewer`).pipe(z.string().min(1, 'Enter your job title or role')),
  referrerOrganisation: text(LIMITS.organisation, `Organisation must be ${LIMITS.organisation} characters or fewer`).pipe(
    z.string().min(1, 'Enter the name of your organisation or practice'),
  ),
  referrerEmail: text(LIMITS.email, EMAIL_FORMAT),
  referrerPhone: text(LIMITS.phone, `Phone number must be ${LIMITS.phone} characters or fewer`),
  source: z.enum(PROFESSIONAL_SOURCES, { error: 'Select where you work' }),
});

function firstErrors(error: z.ZodError): ReferralErrors {
  const flat = z.flattenError(error).fieldErrors as Record<string, string[] | undefined>;
  const out: ReferralErrors = {};
  for (const [key, messages] of Object.entries(flat)) {
    if (messages?.[0] && (REFERRAL_FIELDS as readonly string[]).includes(key)) out[key as ReferralField] = messages[0];
  }
  return out;
}

/**
 * Checks a posted referral form. Field rules come from the zod schemas; the rules that join fields
 * (a phone number for a phone call, a date of birth or an age range) are applied after, so every
 * problem is reported at once.
 */
export function parseReferral(kind: ReferralKind, values: ReferralValues, now: Date = new Date()): ParseResult {
  const schema = kind === 'self' ? selfSchema : professionalSchema;
  const parsed = schema.safeParse(values);
  const errors: ReferralErrors = parsed.success ? {} : firstErrors(parsed.error);
  const add = (field: ReferralField, message: string) => {
    errors[field] ??= message;
  };

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
    else if (isPhoneNumber(phone) && !isMobileNumber(phone)) add('phone', 'Enter a mobile phone number for text messages, like 07700 900 982');
  }
  if (method === 'email' && !email) add('email', 'Enter an email address, or choose another way to be contacted');

  const dob = parseDateOfBirth(values.dobDay, values.dobMonth, values.dobYear, now);
  if (!dob.ok) add('dob', dob.error);
  else if (!dob.date && !values.ageBand) add('dob', 'Enter a date of birth, or choose an age range');

  let postcode: string | null = null;
  const postcodeText = (values.postcode ?? '').trim();
  if (postcodeText) {
    const p = parsePostcode(postcodeText);
    if (p.ok && p.kind === 'postcode') postcode = p.postcode;
    else if (p.ok) add('postcode', `Enter the full postcode, like ${EXAMPLE_POSTCODE}`);
    else add('postcode', p.error);
  }

  const consent = values.consent ?? [];
  if (!consent.includes('contact')) {
    add(
      'consent',
      kind === 'self' ? 'Tick the box to agree to a link worker getting in touch' : 'Tick the box to confirm the person agrees to a link worker getting in touch',
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
    if (!referrerPhone && !referrerEmail) add('referrerEmail', 'Enter your email address or phone number, so we can contact you about this referral');
    referrer = {
      name: (values.referrerName ?? '').trim(),
      role: (values.referrerRole ?? '').trim() || null,
      organisation: (values.referrerOrganisation ?? '').trim() || null,
      phone: referrerPhone || null,
      email: referrerEmail || null,
    };
  }

  if (!parsed.success || Object.keys(errors).length > 0 || !dob.ok) return { ok: false, errors: ordered(errors) };

  const data = parsed.data as z.infer<typeof baseSchema> & Partial<z.infer<typeof selfSchema>> & Partial<z.infer<typeof professionalSchema>>;
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
        postcode,
        gpPracticeId: data.gpPracticeId ?? null,
      },
      whatMatters: data.whatMatters,
      needCodes: [...new Set(data.needs)].slice(0, 30),
      consents: {
        contact: true,
        shareWithProvider: consent.includes('share_with_provider'),
        tellGp: consent.includes('tell_gp'),
      },
    },
  };
}

function ordered(errors: ReferralErrors): ReferralErrors {
  const out: ReferralErrors = {};
  for (const field of REFERRAL_FIELDS) if (errors[field]) out[field] = errors[field];
  return out;
}
