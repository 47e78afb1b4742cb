import { describe, expect, it } from 'vitest';
import { isActive, limitShared, shareableWith, type ConsentLike } from '@/lib/cases/consent';
import { buildSharedInfo, sharingValues } from '@/lib/cases/refer-out';

const AT = new Date('2026-11-18T12:00:00Z');
const consent = (c: Partial<ConsentLike>): ConsentLike => ({
  scope: 'share_with_provider',
  organisationId: null,
  fields: [],
  withdrawnAt: null,
  givenAt: new Date('2026-11-01T00:00:00Z'),
  ...c,
});

describe('what may be shared with a provider', () => {
  it('is nothing without an agreement to share', () => {
    expect(shareableWith([consent({ scope: 'contact' })], 'org-1', AT)).toEqual([]);
  });

  it('joins the fields of every agreement in force, for any provider or this one', () => {
    const consents = [
      consent({ fields: ['name', 'phone'] }),
      consent({ organisationId: 'org-1', fields: ['whatMatters'] }),
      consent({ organisationId: 'org-2', fields: ['email'] }),
    ];
    expect(shareableWith(consents, 'org-1', AT)).toEqual(['name', 'phone', 'whatMatters']);
    expect(shareableWith(consents, 'org-2', AT)).toEqual(['name', 'phone', 'email']);
  });

  it('stops counting an agreement from the moment it is withdrawn', () => {
    const c = consent({ fields: ['name'], withdrawnAt: new Date('2026-11-10T00:00:00Z') });
    expect(isActive(c, new Date('2026-11-09T00:00:00Z'))).toBe(true);
    expect(shareableWith([c], 'org-1', AT)).toEqual([]);
  });

  it('builds the copy from chosen and allowed details that have a value', () => {
    const values = sharingValues({
      person: {
        name: 'Margaret',
        phone: '07700 900456',
        email: null,
        preferredContact: 'phone',
        contactNotes: '  ',
        ageBand: null,
        postcode: 'EB1 2AB',
      },
      whatMatters: 'Company',
      needs: ['Loneliness and isolation'],
      goals: '',
    });
    expect(
      buildSharedInfo(
        values,
        ['name', 'phone', 'email', 'contactNotes', 'needs', 'postcode'],
        ['name', 'email', 'needs', 'contactNotes'],
      ),
    ).toEqual({
      name: 'Margaret',
      needs: ['Loneliness and isolation'],
    });
  });

  it('cuts an existing copy down to what is still allowed', () => {
    expect(limitShared({ name: 'M', phone: '1', whatMatters: 'x' }, ['name'])).toEqual({ name: 'M' });
    expect(limitShared(null, ['name'])).toEqual({});
  });
});
