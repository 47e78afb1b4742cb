import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  addFieldError,
  characterCount,
  checkboxes,
  controlAria,
  dateKey,
  email,
  field,
  formState,
  initialFormState,
  optionalPhone,
  optionalPostcode,
  optionalText,
  optionalWholeNumber,
  parseDateParts,
  parseForm,
  radios,
  refusal,
  refused,
  summaryItems,
  text,
  uuid,
  version,
  wholeNumber,
} from '@/lib/forms';

function form(entries: Array<[string, string]>): FormData {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
}

const contact = z.object({
  name: text('Full name', 20, 'Enter your full name'),
  email: email('Enter your email address'),
  age: wholeNumber('Age', 0, 120),
  spaces: optionalWholeNumber('Spaces', 0, 10),
  note: optionalText('Note', 10),
  topics: z.array(z.string()).min(1, 'Select at least one topic'),
});

describe('parseForm', () => {
  it('reports every field with a problem at once, and keeps what was typed', () => {
    const result = parseForm(
      contact,
      form([
        ['name', ''],
        ['email', 'sam@'],
        ['age', '5.5'],
        ['spaces', '11'],
        ['note', 'far too long a note'],
      ]),
      { lists: ['topics'] },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.state.fieldErrors).sort()).toEqual(['age', 'email', 'name', 'note', 'spaces', 'topics']);
    expect(result.state.fieldErrors.name).toEqual(['Enter your full name']);
    expect(result.state.fieldErrors.email).toEqual(['Enter an email address in the correct format, like name@example.com']);
    expect(result.state.fieldErrors.topics).toEqual(['Select at least one topic']);
    expect(result.state.values).toEqual({ name: '', email: 'sam@', age: '5.5', spaces: '11', note: 'far too long a note' });
  });

  it('keeps every message of one field, not the first only', () => {
    const schema = z.object({
      code: z.string().min(4, 'Code must be 4 characters or more').regex(/^\d+$/, 'Code must be digits only'),
    });
    const result = parseForm(schema, form([['code', 'ab']]));
    expect(result.ok ? null : result.state.fieldErrors.code).toEqual([
      'Code must be 4 characters or more',
      'Code must be digits only',
    ]);
  });

  it('gives the parsed data when all is well, with lists read as lists', () => {
    const result = parseForm(
      contact,
      form([
        ['name', ' Sam Jones '],
        ['email', 'sam@example.com'],
        ['age', '42'],
        ['spaces', ''],
        ['topics', 'walks'],
      ]),
      { lists: ['topics'] },
    );
    expect(result).toMatchObject({
      ok: true,
      data: { name: 'Sam Jones', email: 'sam@example.com', age: 42, spaces: undefined, topics: ['walks'] },
    });
  });

  it('never sends a password back, and takes values that do not come from the form', () => {
    const schema = z.object({ password: z.string().min(12, 'Password must be 12 characters or more'), caseId: uuid() });
    const result = parseForm(schema, form([['password', 'short']]), { omit: ['password'], with: { caseId: 'not-an-id' } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.state.values).toEqual({});
    expect(result.state.fieldErrors.password).toEqual(['Password must be 12 characters or more']);
    expect(result.state.fieldErrors.caseId?.[0]).toMatch(/Something went wrong/);
  });

  it('keys nested fields by their posted name, and puts issues without a field on the form', () => {
    const schema = z
      .object({ location: z.object({ postcode: z.string().min(1, 'Enter the postcode') }) })
      .refine(() => false, { message: 'This form is broken' });
    const nested = schema.safeParse({ location: { postcode: '' } });
    expect(nested.success).toBe(false);
    const whole = parseForm(
      z.object({ a: z.string() }).refine(() => false, { message: 'Nothing was saved' }),
      form([['a', 'x']]),
    );
    expect(whole.ok ? null : whole.state.formError).toBe('Nothing was saved');
    const deep = parseForm(z.object({ location: z.object({ postcode: z.string().min(1, 'Enter the postcode') }) }), form([]), {
      with: { location: { postcode: '' } },
    });
    expect(deep.ok ? null : deep.state.fieldErrors['location.postcode']).toEqual(['Enter the postcode']);
  });
});

describe('whole numbers', () => {
  const score = optionalWholeNumber('Happiness', 0, 10);

  it.each(['5.5', '7.9', '5.', '.5', '5,5'])('refuses %s with a message, never rounding or cutting it', (raw) => {
    const result = score.safeParse(raw);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toMatch(
      /^Happiness must be a whole number from 0 to 10, or left empty\. .+ is not a whole number$/,
    );
  });

  it('refuses what is not a number, out of range, or written another way', () => {
    expect(score.safeParse('seven').error?.issues[0].message).toBe(
      'Happiness must be a whole number from 0 to 10, or left empty',
    );
    expect(score.safeParse('1e1').success).toBe(false);
    expect(score.safeParse('0x5').success).toBe(false);
    expect(score.safeParse('11').error?.issues[0].message).toBe('Happiness must be 10 or less');
    expect(score.safeParse('-1').error?.issues[0].message).toBe('Happiness must be 0 or more');
  });

  it('keeps 0 and 10, and an empty box is not answered rather than 0', () => {
    expect(score.parse('0')).toBe(0);
    expect(score.parse(' 10 ')).toBe(10);
    expect(score.parse('')).toBeUndefined();
    expect(score.parse('  ')).toBeUndefined();
    expect(wholeNumber('Age', 0, 120).safeParse('').error?.issues[0].message).toBe('Enter age');
  });
});

describe('free text with a limit', () => {
  it('refuses text over the limit, saying the limit and how much over, and never cuts it', () => {
    const summary = text('Summary', 2000, 'Enter a summary');
    const long = 'x'.repeat(2345);
    const result = summary.safeParse(long);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe('Summary must be 2,000 characters or fewer. You have 345 characters too many');
    expect(summary.safeParse('x'.repeat(2001)).error?.issues[0].message).toBe(
      'Summary must be 2,000 characters or fewer. You have 1 character too many',
    );
    expect(summary.parse('x'.repeat(2000))).toHaveLength(2000);
  });

  it('counts a line break once, as the browser does, and trims the ends', () => {
    expect(characterCount('a\r\nb')).toBe(3);
    expect(optionalText('Note', 3).parse('  a\r\nb  ')).toBe('a\r\nb');
    expect(optionalText('Note', 3).parse('   ')).toBeUndefined();
    expect(text('Note', 3, 'Enter a note').safeParse('   ').error?.issues[0].message).toBe('Enter a note');
  });
});

describe('shared pieces', () => {
  it('UK postcodes, phone numbers, e-mail addresses, ids, versions and date boxes', () => {
    expect(optionalPostcode().parse('eb1 oab')).toBe('EB1 0AB');
    expect(optionalPostcode().parse('')).toBeUndefined();
    expect(optionalPostcode().safeParse('EB1').error?.issues[0].message).toBe('Enter the full postcode, like EB1 1AL');
    expect(optionalPhone().parse(' 01632 960 001 ')).toBe('01632 960 001');
    expect(optionalPhone().safeParse('12345').error?.issues[0].message).toMatch(/^Enter a phone number, like/);
    expect(email().safeParse('').error?.issues[0].message).toBe('Enter an email address');
    expect(uuid('Choose a worker').safeParse('x').error?.issues[0].message).toBe('Choose a worker');
    expect(version(1).parse('3')).toBe(3);
    expect(version(1).safeParse('').success).toBe(false);
    expect(version(1).safeParse('0').success).toBe(false);
    const day = dateKey('Enter the date, for example 23 November 2026');
    expect(day.parse('2026-11-23')).toBe('2026-11-23');
    expect(day.safeParse('2026-02-30').error?.issues[0].message).toBe('Enter the date, for example 23 November 2026');
    expect(day.safeParse('').success).toBe(false);
  });

  it('reads the three GOV.UK date boxes with its messages', () => {
    expect(parseDateParts('Date of birth', { day: '1', month: '', year: '' }, '27 3 1950')).toEqual({
      ok: false,
      error: 'Date of birth must include a month and year',
    });
    expect(parseDateParts('Date of birth', { day: '31', month: '2', year: '1950' }, '27 3 1950')).toEqual({
      ok: false,
      error: 'Date of birth must be a real date, like 27 3 1950',
    });
    expect(parseDateParts('Date of birth', {}, '27 3 1950')).toEqual({ ok: true, date: null });
    expect(parseDateParts('Date of birth', { day: '27', month: '3', year: '1950' }, '27 3 1950')).toEqual({
      ok: true,
      date: new Date(Date.UTC(1950, 2, 27)),
    });
  });
});

describe('domain refusals', () => {
  const messages = {
    conflict: 'This changed since you opened it',
    taken: 'This worker is already assigned',
    closed: 'This case is closed',
  } as const;

  it('go onto the field they are about, or to the whole form, keeping what was typed', () => {
    const values = { workerId: 'w1' };
    const onField = refused(values, refusal('taken', messages, { taken: 'workerId' }));
    expect(onField).toEqual({ values, fieldErrors: { workerId: ['This worker is already assigned'] } });
    const onForm = refused(values, refusal('conflict', messages, { taken: 'workerId' }));
    expect(onForm).toEqual({ values, fieldErrors: {}, formError: 'This changed since you opened it' });
    expect(refused(values, 'Not allowed', { version: 4 })).toEqual({
      values,
      fieldErrors: {},
      formError: 'Not allowed',
      version: 4,
    });
  });

  it('adds a message to a field without repeating one', () => {
    const errors = addFieldError(addFieldError({}, 'phone', 'Enter a phone number'), 'phone', 'Enter a phone number');
    expect(addFieldError(errors, 'phone', 'Enter a mobile number')).toEqual({
      phone: ['Enter a phone number', 'Enter a mobile number'],
    });
  });
});

describe('field props and the summary', () => {
  const state = formState(
    { email: 'sam@', topics: ['walks', 'art'], 'location.postcode': 'EB1' },
    {
      fieldErrors: { 'location.postcode': ['Enter the full postcode'], email: ['Enter a real email address', 'Too long'] },
      formError: 'Nothing was saved',
    },
  );

  it('gives each control its id, name, value and error', () => {
    expect(field(state, 'email')).toEqual({
      id: 'email',
      name: 'email',
      defaultValue: 'sam@',
      error: ['Enter a real email address', 'Too long'],
    });
    expect(field(state, 'location.postcode', { idPrefix: 'g1-' })).toMatchObject({
      id: 'g1-location-postcode',
      name: 'location.postcode',
      defaultValue: 'EB1',
    });
    expect(field(initialFormState, 'name', { fallback: 'Sam' })).toEqual({
      id: 'name',
      name: 'name',
      defaultValue: 'Sam',
      error: undefined,
    });
    expect(checkboxes(state, 'topics')).toEqual({
      name: 'topics',
      idPrefix: 'topics',
      defaultValues: ['walks', 'art'],
      error: undefined,
    });
    expect(radios(initialFormState, 'rag', { fallback: 'red' })).toEqual({
      name: 'rag',
      idPrefix: 'rag',
      defaultValue: 'red',
      error: undefined,
    });
  });

  it('wires hint and error for assistive technology', () => {
    expect(controlAria('email', { hint: true, error: ['Enter an email address'] })).toEqual({
      'aria-describedby': 'email-hint email-error',
      'aria-invalid': true,
    });
    expect(controlAria('email', {})).toEqual({});
  });

  it('lists the form message first, then each field in page order, linked to its control', () => {
    expect(summaryItems(state, { order: ['email', 'location.postcode'] })).toEqual([
      { href: '#email', text: 'Nothing was saved' },
      { href: '#email', text: 'Enter a real email address' },
      { href: '#location-postcode', text: 'Enter the full postcode' },
    ]);
    expect(
      summaryItems(state, { order: ['location.postcode'], ids: { email: 'email-box' }, formErrorField: 'email' })[0],
    ).toEqual({ href: '#email-box', text: 'Nothing was saved' });
    expect(summaryItems(initialFormState)).toEqual([]);
  });
});
