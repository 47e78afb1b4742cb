import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  CONTROL_CHARACTER_MESSAGE,
  DIRECTION_CHARACTER_MESSAGE,
  LINE_BREAK_MESSAGE,
  cleanQuery,
  cleanSearchParams,
  parseForm,
  text,
} from '@/lib/forms';
import { parseReferral, type ReferralValues } from '@/lib/intake/schema';
import { parseOrganisation } from '@/lib/organisations/details';
import { plainText } from '@/lib/listings/text';
import { providerAnswerInput } from '@/lib/providers/inbox';

const schema = z.object({ name: text('Name', 100, 'Enter a name'), note: text('Note', 2000, 'Enter a note') });

function form(values: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.append(k, v);
  return f;
}

describe('characters no form takes', () => {
  it('refuses NUL and other C0 control characters in any field, keeping what was typed', () => {
    const r = parseForm(schema, form({ name: 'Ann\u0000', note: 'bell \u0007 here' }), { multiline: ['note'] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.state.fieldErrors.name).toEqual([CONTROL_CHARACTER_MESSAGE]);
    expect(r.state.fieldErrors.note).toEqual([CONTROL_CHARACTER_MESSAGE]);
    expect(r.values.name).toBe('Ann\u0000');
  });

  it('refuses direction overrides and isolates', () => {
    for (const c of ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069']) {
      const r = parseForm(schema, form({ name: `Ann${c}`, note: 'ok' }));
      expect(r.ok ? [] : r.state.fieldErrors.name, JSON.stringify(c)).toEqual([DIRECTION_CHARACTER_MESSAGE]);
    }
  });

  it('takes line breaks and tabs only in boxes of several lines', () => {
    const ok = parseForm(schema, form({ name: 'Ann', note: 'line one\r\nline two\twith a tab' }), { multiline: ['note'] });
    expect(ok.ok).toBe(true);
    const r = parseForm(schema, form({ name: 'Ann\nSmith', note: 'ok' }), { multiline: ['note'] });
    expect(r.ok ? [] : r.state.fieldErrors.name).toEqual([LINE_BREAK_MESSAGE]);
    const tab = parseForm(schema, form({ name: 'Ann\tSmith', note: 'line\nbreak' }));
    expect(tab.ok ? {} : tab.state.fieldErrors).toEqual({ name: [LINE_BREAK_MESSAGE], note: [LINE_BREAK_MESSAGE] });
  });

  it('still shows the schema’s messages for the other fields', () => {
    const r = parseForm(schema, form({ name: '\u0000', note: '' }));
    expect(r.ok ? {} : r.state.fieldErrors).toEqual({ name: [CONTROL_CHARACTER_MESSAGE], note: ['Enter a note'] });
  });

  it('applies to the referral form and a group’s details, which read their own fields', () => {
    const values: ReferralValues = {
      submissionKey: '7d5e4e0e-1111-4a4a-8a8a-123456789abc',
      forWhom: 'self',
      name: 'Margaret\u202E Hill',
      ageBand: '75-84',
      preferredContact: 'phone',
      phone: '01632 960 123',
      whatMatters: 'Line one\nline two',
      contactNotes: 'NUL \u0000',
      consent: ['contact'],
    };
    const r = parseReferral('self', values, new Date('2026-11-18T12:00:00Z'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.fieldErrors.name).toContain(DIRECTION_CHARACTER_MESSAGE);
    expect(r.fieldErrors.contactNotes).toContain(CONTROL_CHARACTER_MESSAGE);
    expect(r.fieldErrors.whatMatters).toBeUndefined();

    const org = parseOrganisation({
      name: 'Knit\nters',
      description: 'Two\nlines',
      email: '',
      phone: '',
      website: '',
      charityNumber: '',
      companyNumber: '',
    });
    expect(org.ok ? {} : org.fieldErrors).toEqual({ name: [LINE_BREAK_MESSAGE] });
  });
});

describe('query parameters', () => {
  it('lose the characters no input takes, for pages and route handlers alike', () => {
    expect(cleanQuery({ place: '\u0000', q: ['tea\u202E', 'x'], 'pa\u0000ge': '2', '\u0001': 'gone' })).toEqual({
      place: '',
      q: ['tea', 'x'],
      page: '2',
    });
    expect(cleanSearchParams(new URLSearchParams('q=a%00b&mode=im%0Aport')).toString()).toBe('q=ab&mode=import');
  });
});

describe('nothing typed is changed unseen', () => {
  it('keeps listing text that looks like a tag, as written', () => {
    expect(plainText('Juniors <under 16s with an adult>')).toBe('Juniors <under 16s with an adult>');
  });

  it('refuses a provider’s note over 2,000 characters instead of cutting it', () => {
    const base = { to: 'accepted', expectedVersion: '1' };
    expect(providerAnswerInput.safeParse({ ...base, note: 'x'.repeat(2000) }).success).toBe(true);
    const over = providerAnswerInput.safeParse({ ...base, note: 'x'.repeat(2001) });
    expect(over.success).toBe(false);
    expect(over.error?.issues[0]?.message).toBe('Your note must be 2,000 characters or fewer. You have 1 character too many');
  });
});
