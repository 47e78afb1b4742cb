import { describe, expect, it } from 'vitest';
import serviceFull from '@/lib/oruk/standard/examples/service_full.json';
import serviceList from '@/lib/oruk/standard/examples/service_list.json';
import salFull from '@/lib/oruk/standard/examples/service_at_location_full.json';
import salList from '@/lib/oruk/standard/examples/service_at_location_list.json';
import taxonomy from '@/lib/oruk/standard/examples/taxonomy.json';
import taxonomyList from '@/lib/oruk/standard/examples/taxonomy_list.json';
import term from '@/lib/oruk/standard/examples/taxonomy_term.json';
import termList from '@/lib/oruk/standard/examples/taxonomy_term_list.json';
import organization from '@/lib/oruk/standard/examples/organization_full.json';
import { validateOruk, type OrukKind } from '@/lib/oruk/validate';

const clone = <T>(x: T): T => structuredClone(x);

describe('validateOruk', () => {
  it.each<[OrukKind, unknown]>([
    ['service', serviceFull],
    ['service_page', serviceList],
    ['service_at_location', salFull],
    ['service_at_location_page', salList],
    ['taxonomy', taxonomy],
    ['taxonomy_page', taxonomyList],
    ['taxonomy_term', term],
    ['taxonomy_term_page', termList],
    ['organization', organization],
    ['root', { version: 'HSDS-UK-3.0', profile: 'https://example.org/profile', openapi_url: 'https://example.org/openapi.json' }],
  ])('accepts the standard’s own %s example', (kind, example) => {
    expect(validateOruk(kind, example)).toEqual([]);
  });

  it('names a missing required field and where it is', () => {
    const s = clone(serviceFull) as Record<string, unknown>;
    delete s.status;
    expect(validateOruk('service', s)).toEqual(['service is missing the required field "status"']);
  });

  it('explains a bad id, status, web address and nested date in words', () => {
    const s = clone(serviceFull);
    s.id = 'not-a-uuid';
    s.status = 'open';
    s.url = 'www.example.org';
    s.schedules[0].valid_from = '01/02/2024';
    const errors = validateOruk('service', s);
    expect(errors).toContain('service.id must be a UUID, not "not-a-uuid"');
    expect(errors).toContain('service.status must be one of "active", "inactive", "defunct", "temporarily closed", not "open"');
    expect(errors).toContain('service.url must be a full web address (with https://), not "www.example.org"');
    expect(errors).toContain('service.schedules[0].valid_from must be a date (YYYY-MM-DD), not "01/02/2024"');
  });

  it.each([
    ['10:00:00', true],
    ['10:00:00+01:00', true],
    ['23:59:59+00:00', true],
    ['10:00:00Z', true],
    ['24:00:00', false],
    ['10am', false],
    ['10:00:00+1', false],
  ])('reads the opening time %s as valid: %s', (time, ok) => {
    const s = clone(serviceFull);
    s.schedules[0].opens_at = time;
    expect(validateOruk('service', s).length === 0).toBe(ok);
  });

  it('refuses an impossible date', () => {
    const s = clone(serviceFull);
    s.assured_date = '2024-02-30';
    expect(validateOruk('service', s)).toEqual(['service.assured_date must be a date (YYYY-MM-DD), not "2024-02-30"']);
  });

  it('checks the items of a page with the item schema', () => {
    const p = clone(serviceList);
    (p.contents[0] as Record<string, unknown>).id = 42;
    expect(validateOruk('service_page', p)).toEqual(['page.contents[0].id must be a string, not 42']);
  });

  it('allows extra fields, as the standard does, unless asked to refuse them', () => {
    const s = clone(serviceFull) as Record<string, unknown>;
    s.referrals = [];
    (s.organization as Record<string, unknown>).members = ['someone'];
    expect(validateOruk('service', s)).toEqual([]);
    expect(validateOruk('service', s, { closed: true })).toEqual([
      'service has a field the standard does not define: "referrals"',
      'service.organization has a field the standard does not define: "members"',
    ]);
  });

  it('refuses a kind it does not know', () => {
    expect(() => validateOruk('person' as OrukKind, {})).toThrow(RangeError);
  });
});
