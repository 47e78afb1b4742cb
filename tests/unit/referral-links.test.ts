import { describe, expect, it } from 'vitest';
import { answerDeadline, answersFor, choicesFor } from '@/lib/referrals/answer-links';
import { describeSharedInfo } from '@/lib/referrals/shared-info';
import { hashToken, looksLikeToken, newRawToken } from '@/lib/tokens';
import { urls } from '@/lib/referrals/urls';

describe('answer links', () => {
  it('lets "Accept" accept or waitlist, and "Can’t take this" only decline', () => {
    expect(answersFor('accept')).toEqual(['accepted', 'waitlisted']);
    expect(answersFor('decline')).toEqual(['declined']);
  });

  it('offers only the answers the referral can still take', () => {
    expect(choicesFor('accept', 'sent')).toEqual(['accepted', 'waitlisted']);
    expect(choicesFor('accept', 'waitlisted')).toEqual(['accepted']);
    expect(choicesFor('decline', 'waitlisted')).toEqual(['declined']);
    for (const status of [
      'draft',
      'accepted',
      'declined',
      'withdrawn',
      'expired',
      'attending',
      'did_not_attend',
      'completed',
    ] as const) {
      expect(choicesFor('accept', status)).toEqual([]);
      expect(choicesFor('decline', status)).toEqual([]);
    }
  });

  it('stops working when the referral would expire', () => {
    const sentAt = new Date('2026-11-02T09:00:00Z');
    expect(answerDeadline(sentAt).toISOString()).toBe('2026-11-16T09:00:00.000Z');
  });

  it('puts the raw token in the path', () => {
    const raw = newRawToken();
    expect(urls.answer(raw)).toMatch(new RegExp(`/r/${raw}$`));
  });
});

describe('tokens', () => {
  it('are 32 random bytes in base64url, different every time', () => {
    const a = newRawToken();
    const b = newRawToken();
    expect(a).toHaveLength(43);
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    expect(a).not.toBe(b);
    expect(looksLikeToken(a)).toBe(true);
  });

  it('are stored as sha256 hex, never as themselves', () => {
    const raw = newRawToken();
    expect(hashToken(raw)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(raw)).not.toContain(raw);
    expect(hashToken(raw)).toBe(hashToken(raw));
  });

  it('refuses anything that cannot be a token before reaching the database', () => {
    for (const bad of ['', 'short', `${newRawToken()}x`, 'a'.repeat(42) + '/', null, undefined, 42]) {
      expect(looksLikeToken(bad)).toBe(false);
    }
  });
});

describe('shared details for the provider', () => {
  it('labels known fields in a sensible order and keeps unknown ones', () => {
    const rows = describeSharedInfo({
      whatMatters: 'Getting out of the house',
      favouriteColour: 'blue',
      name: 'Sam Carter',
      preferredContact: 'text',
      needs: ['Loneliness and isolation', { name: 'Physical activity' }],
      phone: '07700 900123',
      email: '',
      postcode: null,
    });
    expect(rows.map((r) => [r.label, r.value])).toEqual([
      ['Name', 'Sam Carter'],
      ['Phone', '07700 900123'],
      ['How they would like to be contacted', 'Text message'],
      ['What matters to them', 'Getting out of the house'],
      ['What they would like help with', 'Loneliness and isolation, Physical activity'],
      ['Favourite colour', 'blue'],
    ]);
  });

  it('shows nothing for something that is not an object', () => {
    expect(describeSharedInfo(null)).toEqual([]);
    expect(describeSharedInfo('text')).toEqual([]);
    expect(describeSharedInfo([1, 2])).toEqual([]);
  });
});
