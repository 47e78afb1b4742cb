/* eslint-disable @typescript-eslint/no-explicit-any -- parsed JSON bodies, read field by field; their shape is what validateOruk checks */
import { describe, expect, it } from 'vitest';
import { derivedId } from '@/lib/oruk/publish/ids';
import { mapService, publicEmail, webAddress, HSDS_ADDITIONS, type SourceService } from '@/lib/oruk/publish/map';
import { londonOffset, orukTime, toOrukSchedule, type SourceSchedule } from '@/lib/oruk/publish/schedule';
import { dayOf } from '@/lib/directory/days';
import { validateOruk } from '@/lib/oruk/validate';

// A winter "now": Monday 23 November 2026 (clocks on GMT until 28 March 2027).
const NOW = new Date('2026-11-23T10:30:00Z');
const SERVICE = '0b7e3a55-2f1c-4c3e-9a51-6f2f0d8e1a01';
const date = (iso: string) => new Date(`${iso}T00:00:00Z`);

function schedule(over: Partial<SourceSchedule>): SourceSchedule {
  return {
    id: '9c1d0e2f-3a4b-4c5d-8e6f-7a8b9c0d1e2f',
    serviceId: SERVICE,
    serviceAtLocationId: null,
    freq: 'WEEKLY',
    interval: 1,
    byDay: ['TU'],
    byMonthDay: null,
    rrule: null,
    dtstart: null,
    validFrom: null,
    validTo: null,
    opensAt: '10:00',
    closesAt: '12:00',
    description: null,
    notes: null,
    ...over,
  };
}

const ctx = { now: NOW, boroughName: 'Eastbrook', boroughEmail: 'connect@eastbrook.example.gov.uk' };

function service(over: Partial<SourceService> = {}): SourceService {
  return {
    id: SERVICE,
    name: 'Tuesday Lunch Club',
    description: 'A hot meal and company.',
    url: 'www.lunchclub.example.org',
    email: 'hello@lunchclub.example.org',
    phone: '01632 960 123',
    contactName: 'Pat at reception',
    status: 'temporarily_closed',
    minimumAge: 60,
    maximumAge: null,
    isFree: false,
    costDescription: '£3 a meal',
    languages: ['English', 'Punjabi'],
    alert: null,
    assuredAt: new Date('2026-10-01T09:00:00Z'),
    assurerEmail: 'staff.member@eastbrook.example.gov.uk',
    updatedAt: new Date('2026-10-02T08:00:00Z'),
    organisation: {
      id: '1a2b3c4d-5e6f-4a0b-8c1d-2e3f4a5b6c7d',
      name: 'Age Well Eastbrook',
      description: 'Older people’s charity.',
      website: 'https://agewell.example.org',
      email: 'info@agewell.example.org',
      charityNumber: '1234567',
      companyNumber: null,
    },
    schedules: [schedule({})],
    locations: [
      {
        id: '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9',
        location: {
          id: '6f7a8b9c-0d1e-4f2a-b3c4-d5e6f7a8b9c0',
          name: 'Community Hall',
          description: null,
          address1: '1 High Street',
          address2: 'Upper floor',
          city: 'Eastbrook',
          postcode: 'EB1 1AL',
          latitude: 51.5,
          longitude: -0.9,
          accessibility: ['step_free', 'hearing_loop'],
        },
      },
    ],
    terms: [
      {
        id: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d',
        code: 'food',
        name: 'Food',
        description: 'Meals and food parcels',
        parentId: null,
        externalUri: null,
        taxonomy: { id: '8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d1e', name: 'Eastbrook needs' },
      },
    ],
    ...over,
  };
}

describe('schedules to ORUK', () => {
  it('gives London’s UTC offset of the day: +00:00 in winter, +01:00 in summer', () => {
    expect(londonOffset(dayOf(2026, 12, 1), '10:00')).toBe('+00:00');
    expect(londonOffset(dayOf(2026, 7, 1), '10:00')).toBe('+01:00');
    // The day the clocks go forward: 00:30 is still GMT, 10:00 is BST.
    expect(londonOffset(dayOf(2027, 3, 28), '00:30')).toBe('+00:00');
    expect(londonOffset(dayOf(2027, 3, 28), '10:00')).toBe('+01:00');
    expect(orukTime('9:05', dayOf(2026, 7, 1))).toBe('09:05:00+01:00');
    expect(orukTime('24:00', dayOf(2026, 12, 1))).toBe('23:59:59+00:00');
    expect(orukTime('noon', dayOf(2026, 12, 1))).toBeNull();
  });

  it('writes a weekly rule with its day, interval and times at the next session’s offset', () => {
    const out = toOrukSchedule(schedule({ interval: 2, dtstart: date('2026-11-03') }), NOW);
    expect(out).toMatchObject({
      freq: 'WEEKLY',
      interval: 2,
      byday: 'TU',
      dtstart: '2026-11-03',
      opens_at: '10:00:00+00:00',
      closes_at: '12:00:00+00:00',
      service_id: SERVICE,
    });
    expect(out.description).toMatch(/Tuesday/);
  });

  it('uses the summer offset for a series that starts in summer', () => {
    const out = toOrukSchedule(schedule({ validFrom: date('2027-06-01'), dtstart: date('2027-06-01') }), NOW);
    expect(out.opens_at).toBe('10:00:00+01:00');
    expect(out.valid_from).toBe('2027-06-01');
  });

  it('writes "second Tuesday of the month" as MONTHLY with byday 2TU, and a day of the month as bymonthday', () => {
    expect(toOrukSchedule(schedule({ freq: 'MONTHLY', byDay: ['2TU'] }), NOW)).toMatchObject({
      freq: 'MONTHLY',
      interval: 1,
      byday: '2TU',
    });
    const last = toOrukSchedule(schedule({ freq: 'MONTHLY', byDay: [], byMonthDay: 15 }), NOW);
    expect(last).toMatchObject({ freq: 'MONTHLY', bymonthday: '15' });
    expect(last.byday).toBeUndefined();
  });

  it('writes a one-off date as valid_from = valid_to, with no repeat', () => {
    const out = toOrukSchedule(
      schedule({
        freq: 'ONCE',
        byDay: [],
        validFrom: date('2027-07-04'),
        validTo: date('2027-07-04'),
        opensAt: '14:00',
        closesAt: '16:30',
      }),
      NOW,
    );
    expect(out).toMatchObject({
      valid_from: '2027-07-04',
      valid_to: '2027-07-04',
      opens_at: '14:00:00+01:00',
      closes_at: '16:30:00+01:00',
    });
    expect(out.freq).toBeUndefined();
    expect(out.interval).toBeUndefined();
  });

  it('writes the weekday of a weekly rule that has none, from its start date', () => {
    expect(toOrukSchedule(schedule({ byDay: [], dtstart: date('2026-11-26') }), NOW).byday).toBe('TH');
  });

  it('fills the fields from RRULE text when only the text was kept', () => {
    const out = toOrukSchedule(schedule({ byDay: [], rrule: 'FREQ=MONTHLY;INTERVAL=2;BYDAY=-1FR' }), NOW);
    expect(out).toMatchObject({ freq: 'MONTHLY', interval: 2, byday: '-1FR' });
  });
});

describe('a listing to an ORUK service', () => {
  const out = mapService(service(), ctx) as Record<string, any>;

  it('is valid against the standard, with only the two HSDS 3.0 additions beyond it', () => {
    expect(validateOruk('service', out, { closed: true, allow: HSDS_ADDITIONS })).toEqual([]);
  });

  it('maps status, ages, web address and last checked', () => {
    expect(out).toMatchObject({
      id: SERVICE,
      status: 'temporarily closed',
      minimum_age: 60,
      url: 'https://www.lunchclub.example.org/',
      assured_date: '2026-10-01',
      last_modified: '2026-10-02T08:00:00.000Z',
    });
    expect(out.maximum_age).toBeUndefined();
  });

  it('gives the checker’s address only when it is already public, otherwise the borough’s', () => {
    expect(out.assurer_email).toBe('connect@eastbrook.example.gov.uk');
    const own = mapService(service({ assurerEmail: 'info@agewell.example.org' }), ctx) as Record<string, any>;
    expect(own.assurer_email).toBe('info@agewell.example.org');
    const never = mapService(service({ assuredAt: null }), ctx) as Record<string, any>;
    expect(never.assurer_email).toBeUndefined();
    expect(never.assured_date).toBeUndefined();
  });

  it('puts accessibility on the location, with the address in ORUK’s fields', () => {
    const loc = out.service_at_locations[0].location;
    expect(loc.accessibility.map((a: any) => [a.accessibility, a.description])).toEqual([
      ['step_free', 'Step-free access'],
      ['hearing_loop', 'Hearing loop'],
    ]);
    expect(loc.addresses[0]).toMatchObject({
      address_1: '1 High Street, Upper floor',
      city: 'Eastbrook',
      state_province: 'Eastbrook',
      postal_code: 'EB1 1AL',
      country: 'GB',
      address_type: 'physical',
    });
  });

  it('maps costs: a price in words, or free', () => {
    expect(out.cost_options).toEqual([expect.objectContaining({ amount_description: '£3 a meal' })]);
    const free = mapService(service({ isFree: true, costDescription: null }), ctx) as Record<string, any>;
    expect(free.cost_options).toEqual([expect.objectContaining({ option: 'Free', amount: 0 })]);
    const unknown = mapService(service({ costDescription: null }), ctx) as Record<string, any>;
    expect(unknown.cost_options).toEqual([]);
  });

  it('maps languages, the contact with the phone, the service area and the charity number', () => {
    expect(out.languages.map((l: any) => l.name)).toEqual(['English', 'Punjabi']);
    expect(out.contacts[0]).toMatchObject({ name: 'Pat at reception', phones: [{ number: '01632 960 123' }] });
    expect(out.contacts[0].phones[0].contact_id).toBe(out.contacts[0].id);
    expect(out.service_areas).toEqual([expect.objectContaining({ name: 'Eastbrook', service_id: SERVICE })]);
    expect(out.organization.organization_identifiers).toEqual([
      expect.objectContaining({ identifier_scheme: 'GB-CHC', identifier: '1234567' }),
    ]);
  });

  it('gives each theme as an attribute with its taxonomy', () => {
    expect(out.attributes[0]).toMatchObject({
      link_id: SERVICE,
      taxonomy_term_id: '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d',
      taxonomy_term: {
        name: 'Food',
        term: 'food',
        taxonomy: 'Eastbrook needs',
        taxonomy_id: '8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d1e',
      },
    });
  });

  it('gives derived records stable UUIDs', () => {
    expect(derivedId(SERVICE, 'contact')).toBe(derivedId(SERVICE, 'contact'));
    expect(derivedId(SERVICE, 'contact')).not.toBe(derivedId(SERVICE, 'phone'));
    expect(derivedId(SERVICE, 'contact')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('leaves out addresses that are not addresses', () => {
    expect(webAddress('see our facebook page')).toBeUndefined();
    expect(webAddress('javascript:alert(1)')).toBeUndefined();
    expect(webAddress('http://example.org/a b')).toBe('http://example.org/a%20b');
    expect(publicEmail('not an email')).toBeUndefined();
    expect(publicEmail(' a@b.org ')).toBe('a@b.org');
  });
});
