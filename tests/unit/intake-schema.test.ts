import { describe, expect, it } from 'vitest';
import { contactNotes, referrerColumns } from '@/lib/intake/submit';
import { generateReference, isIntakeReference, REFERENCE_ALPHABET, tidyReference } from '@/lib/intake/reference';
import { referenceKey } from '@/lib/references';
import {
  isMobileNumber,
  isPhoneNumber,
  parseDateOfBirth,
  parseReferral,
  readReferralForm,
  type ReferralValues,
} from '@/lib/intake/schema';

const NOW = new Date('2026-11-18T12:00:00Z');
const KEY = '3f1c2a9e-5b7d-4c8e-9a1b-2c3d4e5f6a7b';

const selfForm = (over: Partial<ReferralValues> = {}): ReferralValues => ({
  submissionKey: KEY,
  forWhom: 'self',
  name: 'Margaret Hill',
  dobDay: '',
  dobMonth: '',
  dobYear: '',
  ageBand: '75-84',
  preferredContact: 'phone',
  phone: '01632 960 123',
  email: '',
  bestTimes: [],
  contactNotes: '',
  postcode: '',
  whatMatters: 'I would like to get out of the house more.',
  needs: [],
  consent: ['contact'],
  ...over,
});

const proForm = (over: Partial<ReferralValues> = {}): ReferralValues => ({
  ...selfForm(),
  forWhom: undefined,
  referrerName: 'Dr Asha Patel',
  referrerRole: 'GP',
  referrerOrganisation: 'Brook Street Surgery',
  referrerEmail: 'reception@brook.example.org',
  referrerPhone: '',
  source: 'gp',
  ...over,
});

describe('parseReferral (self-referral)', () => {
  it('accepts a complete form and normalises it', () => {
    const r = parseReferral(
      'self',
      selfForm({ postcode: ' eb12ab ', bestTimes: ['afternoon', 'morning', 'nonsense'], needs: ['food', 'food'] }),
      NOW,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.source).toBe('self');
    expect(r.data.referrer).toBeNull();
    expect(r.data.person.postcode).toBe('EB1 2AB');
    expect(r.data.person.bestTimes).toEqual(['morning', 'afternoon']);
    expect(r.data.needCodes).toEqual(['food']);
    expect(r.data.consents).toEqual({ contact: true, shareWithProvider: false, tellGp: false });
  });

  it('reports every missing answer at once, in form order', () => {
    const r = parseReferral('self', { submissionKey: KEY }, NOW);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.fieldErrors)).toEqual(['forWhom', 'name', 'dob', 'preferredContact', 'whatMatters', 'consent']);
    expect(r.fieldErrors.consent?.[0]).toMatch(/tick the box/i);
  });

  it('needs a phone number for a call and a mobile for a text', () => {
    const noPhone = parseReferral('self', selfForm({ phone: '' }), NOW);
    expect(!noPhone.ok && noPhone.fieldErrors.phone?.[0]).toMatch(/enter a phone number/i);
    const landlineText = parseReferral('self', selfForm({ preferredContact: 'text', phone: '01632 960 123' }), NOW);
    expect(!landlineText.ok && landlineText.fieldErrors.phone?.[0]).toMatch(/mobile/i);
    const mobileText = parseReferral('self', selfForm({ preferredContact: 'text', phone: '07700 900 982' }), NOW);
    expect(mobileText.ok).toBe(true);
  });

  it('needs an email address when email is the way to get in touch', () => {
    const r = parseReferral('self', selfForm({ preferredContact: 'email', phone: '' }), NOW);
    expect(!r.ok && r.fieldErrors.email?.[0]).toMatch(/enter an email address/i);
    const bad = parseReferral('self', selfForm({ preferredContact: 'email', email: 'not-an-email' }), NOW);
    expect(!bad.ok && bad.fieldErrors.email?.[0]).toMatch(/correct format/i);
  });

  it('takes a date of birth or an age range, and works out the band from the date', () => {
    const neither = parseReferral('self', selfForm({ ageBand: '' }), NOW);
    expect(!neither.ok && neither.fieldErrors.dob?.[0]).toMatch(/date of birth, or choose an age range/i);
    const dob = parseReferral('self', selfForm({ ageBand: '', dobDay: '19', dobMonth: '11', dobYear: '1946' }), NOW);
    expect(dob.ok).toBe(true);
    if (!dob.ok) return;
    expect(dob.data.person.dateOfBirth?.toISOString().slice(0, 10)).toBe('1946-11-19');
    // 79 until tomorrow.
    expect(dob.data.person.ageBand).toBe('75-84');
  });

  it('explains what is wrong with a date of birth', () => {
    expect(parseDateOfBirth('31', '2', '1950', NOW)).toEqual({ ok: false, error: expect.stringMatching(/real date/) });
    expect(parseDateOfBirth('1', '', '', NOW)).toEqual({ ok: false, error: 'Date of birth must include a month and year' });
    expect(parseDateOfBirth('1', '1', '2030', NOW)).toEqual({ ok: false, error: 'Date of birth must be in the past' });
    expect(parseDateOfBirth('', '', '', NOW)).toEqual({ ok: true, date: null });
  });

  it('refuses a postcode that is not one, and a district on its own', () => {
    const bad = parseReferral('self', selfForm({ postcode: 'hello' }), NOW);
    expect(!bad.ok && bad.fieldErrors.postcode?.[0]).toBeTruthy();
    const district = parseReferral('self', selfForm({ postcode: 'EB1' }), NOW);
    expect(!district.ok && district.fieldErrors.postcode?.[0]).toMatch(/full postcode/i);
  });

  it('asks a carer for their name and keeps their details as the referrer', () => {
    const missing = parseReferral('self', selfForm({ forWhom: 'someone_i_care_for' }), NOW);
    expect(!missing.ok && missing.fieldErrors.carerName?.[0]).toBe('Enter your name');
    const ok = parseReferral(
      'self',
      selfForm({
        forWhom: 'someone_i_care_for',
        carerName: 'Ann Hill',
        carerRelationship: 'daughter',
        carerPhone: '07700 900 111',
      }),
      NOW,
    );
    expect(ok.ok).toBe(true);
    if (!ok.ok) return;
    expect(ok.data.source).toBe('self');
    expect(ok.data.referrer).toMatchObject({ name: 'Ann Hill', role: 'daughter', phone: '07700 900 111', organisation: null });
  });

  it('refuses a form without the key the page made', () => {
    const r = parseReferral('self', selfForm({ submissionKey: '' }), NOW);
    expect(r.ok).toBe(false);
  });
});

describe('parseReferral (professional)', () => {
  it('accepts a complete form with its source', () => {
    const r = parseReferral('professional', proForm({ consent: ['contact', 'share_with_provider', 'tell_gp'] }), NOW);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.source).toBe('gp');
    expect(r.data.forWhom).toBeNull();
    expect(r.data.referrer).toMatchObject({ name: 'Dr Asha Patel', role: 'GP', organisation: 'Brook Street Surgery' });
    expect(r.data.consents).toEqual({ contact: true, shareWithProvider: true, tellGp: true });
  });

  it('needs the referrer’s details and a way to reach them', () => {
    const r = parseReferral(
      'professional',
      proForm({ referrerName: '', referrerRole: '', referrerOrganisation: '', referrerEmail: '', source: '' }),
      NOW,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.fieldErrors)).toEqual([
      'referrerName',
      'referrerRole',
      'referrerOrganisation',
      'referrerEmail',
      'source',
    ]);
  });
});

describe('phone numbers', () => {
  it('accepts UK and international numbers', () => {
    expect(isPhoneNumber('01632 960 001')).toBe(true);
    expect(isPhoneNumber('+44 (0)7700 900-982')).toBe(true);
    expect(isPhoneNumber('+33 1 23 45 67 89')).toBe(true);
    expect(isPhoneNumber('12345')).toBe(false);
    expect(isMobileNumber('07700 900982')).toBe(true);
    expect(isMobileNumber('01632 960001')).toBe(false);
  });
});

describe('references', () => {
  it('look like EB-4K7P-9QX3 and use only unambiguous characters', () => {
    for (let i = 0; i < 200; i++) {
      const ref = generateReference('EB');
      expect(ref).toMatch(/^EB-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      for (const ch of ref.slice(3).replace('-', '')) expect(REFERENCE_ALPHABET).toContain(ch);
      expect(isIntakeReference(ref)).toBe(true);
    }
    expect(REFERENCE_ALPHABET).not.toMatch(/[01OILSZUVB258]/);
  });

  it('tidies a reference typed by hand', () => {
    expect(tidyReference('eb 4k7p 9qx3')).toBe('EB-4K7P-9QX3');
    expect(tidyReference('EB-4K7P-9QX3')).toBe('EB-4K7P-9QX3');
  });

  it('leaves a reference of an older shape as it was, never rearranged', () => {
    expect(tidyReference(' eb-26-02426 ')).toBe('EB-26-02426');
    expect(isIntakeReference('EB-26-02426')).toBe(false);
  });

  it('compares references by their letters and digits, however they are typed', () => {
    expect(referenceKey('eb 4k7p-9qx3')).toBe(referenceKey('EB-4K7P-9QX3'));
    expect(referenceKey('EB 26 02426')).toBe('EB2602426');
    expect(referenceKey('eb-26-02426')).toBe(referenceKey('EB-26-02426'));
  });

  it('draws from a generator it is given, so the demo seed makes the same references every time', () => {
    const counter = () => {
      let n = 0;
      return (max: number) => n++ % max;
    };
    expect(generateReference('EB', counter())).toBe(generateReference('EB', counter()));
    expect(generateReference('EB', counter())).toBe('EB-3467-9ACD');
  });
});

describe('stored wording', () => {
  it('puts best times and notes together', () => {
    expect(contactNotes(['morning', 'early_evening'], 'No voicemail please')).toBe(
      'Best times: weekday mornings, early evening. No voicemail please',
    );
    expect(contactNotes([], null)).toBeNull();
  });

  it('names the referrer with their role, or a carer with their relationship', () => {
    expect(
      referrerColumns(
        { name: 'Dr Asha Patel', role: 'GP', organisation: 'Brook Street Surgery', email: null, phone: '01632 960 500' },
        'professional',
      ),
    ).toEqual({
      referrerName: 'Dr Asha Patel (GP)',
      referrerOrganisation: 'Brook Street Surgery',
      referrerEmail: null,
      referrerPhone: '01632 960 500',
    });
    expect(
      referrerColumns({ name: 'Ann Hill', role: 'daughter', organisation: null, email: null, phone: null }, 'self').referrerName,
    ).toBe('Ann Hill (daughter, with the person’s agreement)');
    expect(referrerColumns(null, 'self').referrerName).toBeNull();
  });
});

describe('long answers', () => {
  it('keeps what was typed in full and refuses it with the limit, rather than cutting it', () => {
    const form = new FormData();
    form.set('whatMatters', 'a'.repeat(6000));
    expect(readReferralForm(form).whatMatters).toHaveLength(6000);
    const r = parseReferral('self', selfForm({ whatMatters: 'a'.repeat(3100) }), NOW);
    expect(!r.ok && r.fieldErrors.whatMatters).toEqual([
      'What matters must be 3,000 characters or fewer. You have 100 characters too many',
    ]);
  });
});
