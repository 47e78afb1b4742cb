import { describe, expect, it } from 'vitest';
import { describeScheduleSnapshot, nextDates } from '@/lib/listings/describe';
import {
  blankListing,
  blankSchedule,
  capacityKey,
  capacityUntouched,
  listingValuesFromForm,
  parseListing,
  type ListingValues,
  type ScheduleValues,
} from '@/lib/listings/schema';
import { changedFields } from '@/lib/listings/diff';
import {
  KeptScheduleMissing,
  editorCanShow,
  scheduleFromSlot,
  scheduleIdentity,
  scheduleValues,
  type ScheduleSnapshot,
} from '@/lib/listings/schedule-slots';
import { listingValues, snapshotFromInput } from '@/lib/listings/snapshot';
import { normalisePhone, normaliseUrl, plainText, splitList } from '@/lib/listings/text';

const ORG = '7d1c1a4e-1111-4222-8333-944455556666';

function valid(overrides: Partial<ListingValues> = {}): ListingValues {
  return {
    ...blankListing(ORG),
    name: 'Friendship Café',
    description: 'Tea and a chat.',
    needs: ['loneliness'],
    cost: 'free',
    deliveryModes: ['online'],
    accessMethods: ['self_refer'],
    phone: '01632 960123',
    schedules: [],
    ...overrides,
  };
}

const sched = (s: Partial<ScheduleValues>): ScheduleValues => ({ ...blankSchedule(), opensAt: '10:00', closesAt: '12:00', ...s });

function parsedSchedule(s: Partial<ScheduleValues>, now = new Date('2026-11-24T09:00:00Z')) {
  const r = parseListing(valid({ schedules: [sched(s)] }));
  if (!r.ok) throw new Error(JSON.stringify(r.fieldErrors));
  return scheduleFromSlot(r.data.schedules[0], [], now);
}

describe('plain text', () => {
  it('strips markup and scripts, keeps line breaks', () => {
    // Kept as written (pages show it as text): nothing that looks like a tag is deleted unseen.
    expect(plainText('Ages 10 to 15 <under 16s with an adult>')).toBe('Ages 10 to 15 <under 16s with an adult>');
    expect(plainText('<p>Hello</p> <b>friend</b>')).toBe('<p>Hello</p> <b>friend</b>');
    expect(plainText('a\r\n\r\n\r\n\r\nb')).toBe('a\n\nb');
    expect(plainText('5 < 6 and 7 > 3')).toBe('5 < 6 and 7 > 3');
  });
  it('tidies lists, web addresses and phone numbers', () => {
    expect(splitList('Polish, English; polish\nUrdu')).toEqual(['Polish', 'English', 'Urdu']);
    expect(normaliseUrl('www.example.org')).toBe('https://www.example.org/');
    expect(normaliseUrl('javascript:alert(1)')).toBeNull();
    expect(normalisePhone('(01632) 960-123')).toBe('01632 960 123');
    expect(normalisePhone('123')).toBeNull();
  });
});

describe('the listing schema', () => {
  it('accepts a complete listing and tidies it', () => {
    const r = parseListing(valid({ url: 'eastbrook.example.org', email: ' Hello@Example.ORG ', languages: 'English, Polish' }));
    expect(r.ok).toBe(true);
    if (r.ok)
      expect(r.data).toMatchObject({
        url: 'https://eastbrook.example.org/',
        email: 'hello@example.org',
        languages: ['English', 'Polish'],
        isFree: true,
        location: null,
      });
  });

  it('names each field that needs fixing, with a message that says how', () => {
    const r = parseListing({ ...blankListing(ORG), schedules: [] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.fieldErrors).toMatchObject({
      name: ['Enter the name of the activity'],
      description: ['Describe the activity'],
      needs: ['Choose at least one thing it helps with'],
      cost: ['Say whether it is free'],
      deliveryModes: ['Choose how people take part'],
      accessMethods: ['Choose how people can join'],
      email: ['Give at least one way to get in touch: an email address, a phone number or a website'],
    });
  });

  it('refuses text over a limit, saying by how much, and the form read keeps it whole', () => {
    const r = parseListing(valid({ description: 'x'.repeat(4100) }));
    expect(!r.ok && r.fieldErrors.description).toEqual([
      'The description must be 4,000 characters or fewer. You have 100 characters too many',
    ]);
    const form = new FormData();
    form.set('description', 'x'.repeat(12_000));
    expect(listingValuesFromForm(form).description).toHaveLength(12_000);
  });

  it('asks for the address of an in-person activity and a cost when it is not free', () => {
    const r = parseListing(valid({ deliveryModes: ['in_person'], cost: 'paid' }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.fieldErrors['location-address1']?.[0]).toBe('Enter the first line of the address');
      expect(r.fieldErrors['location-postcode']?.[0]).toBe('Enter the postcode');
      expect(r.fieldErrors.costDescription?.[0]).toBe('Say what it costs, like £2 a session');
    }
  });

  it('points schedule messages at the slot the person filled in, ignoring empty slots', () => {
    const r = parseListing(valid({ schedules: [blankSchedule(), sched({ kind: 'weekly', days: [], closesAt: '09:00' })] }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.fieldErrors['schedules-1-days']?.[0]).toBe('Choose at least one day');
      expect(r.fieldErrors['schedules-1-closesAt']?.[0]).toBe('The end time must be after the start time');
      expect(Object.keys(r.fieldErrors).some((k) => k.startsWith('schedules-0'))).toBe(false);
    }
  });

  it('reads the editor’s form, schedules by position', () => {
    const f = new FormData();
    f.set('organisationId', ORG);
    f.set('name', 'Walk');
    f.set('scheduleCount', '2');
    f.set('schedules.1.kind', 'monthly');
    f.set('schedules.1.nth', '2');
    f.set('schedules.1.weekday', 'TH');
    f.append('needs', 'carers');
    f.append('needs', 'loneliness');
    const v = listingValuesFromForm(f);
    expect(v.needs).toEqual(['carers', 'loneliness']);
    expect(v.schedules).toHaveLength(2);
    expect(v.schedules[1]).toMatchObject({ kind: 'monthly', nth: '2', weekday: 'TH' });
  });

  it('keeps the map pin in the UK, and says why when it is not', () => {
    const place = (latitude: string, longitude: string) =>
      parseListing(
        valid({
          deliveryModes: ['in_person'],
          location: {
            name: '',
            address1: '1 Park Road',
            address2: '',
            city: 'Eastbrook',
            postcode: 'EB1 2AB',
            latitude,
            longitude,
            accessibility: [],
          },
        }),
      );
    const ok = place('51.41234', '-0.75101');
    expect(ok.ok && ok.data.location).toMatchObject({ latitude: 51.41234, longitude: -0.75101 });
    const swapped = place('-0.75', '51.41');
    expect(!swapped.ok && swapped.fieldErrors['location-latitude']?.[0]).toMatch(/wrong way round/);
    const dublin = place('53.35', '-6.26');
    expect(!dublin.ok && dublin.fieldErrors['location-latitude']?.[0]).toMatch(/not in the UK/);
    const words = place('fifty one', '-0.75');
    expect(!words.ok && words.fieldErrors['location-latitude']?.[0]).toBe('Enter the latitude as a number, like 51.41');
    const half = place('51.41', '');
    expect(!half.ok && half.fieldErrors['location-longitude']?.[0]).toBe('Enter both the latitude and the longitude, or neither');
  });

  it('refuses a date that does not exist', () => {
    const r = parseListing(valid({ schedules: [sched({ kind: 'once', date: '2026-02-30' })] }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.fieldErrors['schedules-0-date']?.[0]).toBe('Enter a real date');
  });
});

describe('schedules: stored as RRULE fields, described in plain English', () => {
  const now = new Date('2026-11-24T09:00:00Z'); // Tuesday

  it('weekly on chosen days', () => {
    const s = parsedSchedule({ kind: 'weekly', days: ['TH', 'MO'] });
    expect(s).toMatchObject({
      freq: 'WEEKLY',
      interval: 1,
      byDay: ['MO', 'TH'],
      rrule: 'FREQ=WEEKLY;BYDAY=MO,TH',
      dtstart: null,
    });
    expect(describeScheduleSnapshot(s, now)).toBe('Every Monday and Thursday, 10am to midday');
  });

  it('every other week, anchored on the coming session when no date is given', () => {
    const s = parsedSchedule({ kind: 'weekly', days: ['WE'], interval: '2', opensAt: '14:00', closesAt: '16:00' }, now);
    expect(s).toMatchObject({ freq: 'WEEKLY', interval: 2, rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=WE', dtstart: '2026-11-11' });
    expect(describeScheduleSnapshot(s, now)).toBe('Every other Wednesday, 2pm to 4pm');
    expect(nextDates([s], 3, now).map((o) => o.start.toISOString())).toEqual([
      '2026-11-25T14:00:00.000Z',
      '2026-12-09T14:00:00.000Z',
      '2026-12-23T14:00:00.000Z',
    ]);
    // Saved again later, the same weeks are kept.
    const again = scheduleFromSlot(
      (() => {
        const r = parseListing(valid({ schedules: [scheduleValues(s)] }));
        if (!r.ok) throw new Error('parse');
        return r.data.schedules[0];
      })(),
      [],
      new Date('2026-12-01T09:00:00Z'),
    );
    expect(again.dtstart).toBe('2026-11-11');
  });

  it('the nth weekday of the month, and a day of the month', () => {
    const second = parsedSchedule({ kind: 'monthly', nth: '2', weekday: 'TU', opensAt: '19:00', closesAt: '21:00' });
    expect(second).toMatchObject({ freq: 'MONTHLY', byDay: ['2TU'], rrule: 'FREQ=MONTHLY;BYDAY=2TU' });
    expect(describeScheduleSnapshot(second, now)).toBe('Second Tuesday of the month, 7pm to 9pm');
    const last = parsedSchedule({ kind: 'monthly', nth: '-1', weekday: 'FR' });
    expect(describeScheduleSnapshot(last, now)).toBe('Last Friday of the month, 10am to midday');
    const day = parsedSchedule({ kind: 'monthly_day', monthDay: '15' });
    expect(day).toMatchObject({ freq: 'MONTHLY', byMonthDay: 15, rrule: 'FREQ=MONTHLY;BYMONTHDAY=15' });
  });

  it('one-off dates', () => {
    const s = parsedSchedule({ kind: 'once', date: '2026-12-05', opensAt: '10:00', closesAt: '13:00' });
    expect(s).toMatchObject({ freq: 'ONCE', dtstart: '2026-12-05', validFrom: '2026-12-05', validTo: '2026-12-05', rrule: null });
    expect(describeScheduleSnapshot(s, now)).toBe('Saturday 5 December 2026, 10am to 1pm');
  });

  it('keeps 10am local across the clocks going back and forward', () => {
    const s = parsedSchedule({ kind: 'weekly', days: ['SU'] });
    const autumn = nextDates([s], 2, new Date('2026-10-18T07:00:00Z'));
    // 18 October (BST, UTC+1) -> 9:00Z; 25 October, the day the clocks go back (GMT) -> 10:00Z.
    expect(autumn.map((o) => o.start.toISOString())).toEqual(['2026-10-18T09:00:00.000Z', '2026-10-25T10:00:00.000Z']);
    const spring = nextDates([s], 2, new Date('2027-03-21T07:00:00Z'));
    expect(spring.map((o) => o.start.toISOString())).toEqual(['2027-03-21T10:00:00.000Z', '2027-03-28T09:00:00.000Z']);
  });

  it('an end date becomes UNTIL in UTC at the end of that London day', () => {
    const s = parsedSchedule({ kind: 'weekly', days: ['MO'], endsOn: '2027-06-28' });
    expect(s.rrule).toBe('FREQ=WEEKLY;BYDAY=MO;UNTIL=20270628T230000Z');
    expect(describeScheduleSnapshot(s, now)).toBe('Every Monday, 10am to midday, until 28 June 2027');
  });
});

describe('snapshots', () => {
  it('round-trip through the form without showing a change', () => {
    const r = parseListing(
      valid({ schedules: [sched({ kind: 'monthly', nth: '1', weekday: 'SA' }), sched({ kind: 'once', date: '2027-01-09' })] }),
    );
    if (!r.ok) throw new Error('parse');
    const snap = snapshotFromInput(r.data, null);
    const back = parseListing(listingValues(ORG, snap));
    if (!back.ok) throw new Error(JSON.stringify(back.fieldErrors));
    expect(changedFields(snap, snapshotFromInput(back.data, null))).toEqual([]);
  });
});

describe('a draft', () => {
  it('needs only its name, and what is filled in must still be right', () => {
    const nameOnly = { ...blankListing(ORG), cost: '', name: 'Knit and Natter' };
    expect(parseListing(nameOnly).ok).toBe(false);
    const draft = parseListing(nameOnly, { draft: true });
    if (!draft.ok) throw new Error(JSON.stringify(draft.fieldErrors));
    expect(draft.data).toMatchObject({ name: 'Knit and Natter', description: '', needs: [], isFree: false, location: null });

    const nameless = parseListing({ ...nameOnly, name: '' }, { draft: true });
    expect(nameless.ok ? null : nameless.fieldErrors.name).toEqual(['Enter the name of the activity']);
    const wrong = parseListing({ ...nameOnly, email: 'not an address', minimumAge: '200' }, { draft: true });
    expect(wrong.ok ? [] : Object.keys(wrong.fieldErrors).sort()).toEqual(['email', 'minimumAge']);
  });

  it('reopens with the cost question unanswered when it was never answered', () => {
    const draft = parseListing({ ...blankListing(ORG), cost: '', name: 'Knit and Natter' }, { draft: true });
    if (!draft.ok) throw new Error('parse');
    expect(listingValues(ORG, snapshotFromInput(draft.data, null)).cost).toBe('');
  });
});

describe('the space as the editor opened it', () => {
  it('tells a form whose space was left alone from one where the person changed it', () => {
    const r = parseListing(valid({ capacityStatus: 'open', capacitySpaces: '4' }));
    if (!r.ok) throw new Error('parse');
    const opened = listingValues(ORG, snapshotFromInput(r.data, null));
    expect(opened.capacityAsLoaded).toBe('open:4');
    expect(capacityUntouched(opened)).toBe(true);
    expect(capacityUntouched({ ...opened, capacitySpaces: ' 4 ' })).toBe(true);
    expect(capacityUntouched({ ...opened, capacitySpaces: '3' })).toBe(false);
    expect(capacityUntouched({ ...opened, capacityStatus: 'full' })).toBe(false);
    // A new listing's form has nothing to compare with.
    expect(capacityUntouched({ ...opened, capacityAsLoaded: undefined })).toBe(false);
    expect(capacityKey({ capacityStatus: 'full', capacitySpaces: '7' })).toBe('full:');
  });
});

describe('stored schedules the form cannot show are kept, not simplified', () => {
  const now = new Date('2026-11-24T09:00:00Z');
  const stored = (s: Partial<ScheduleSnapshot>): ScheduleSnapshot => ({
    freq: 'WEEKLY',
    interval: 1,
    byDay: [],
    byMonthDay: null,
    rrule: null,
    dtstart: '2026-01-06',
    validFrom: '2026-01-06',
    validTo: null,
    opensAt: '10:00',
    closesAt: '12:00',
    description: null,
    ...s,
  });

  it.each([
    ['weekly on two days', stored({ byDay: ['TU', 'TH'], rrule: 'FREQ=WEEKLY;INTERVAL=1;BYDAY=TU,TH' })],
    [
      'fortnightly, anchored without a start date',
      stored({ interval: 2, byDay: ['WE'], validFrom: null, dtstart: '2026-11-11' }),
    ],
    ['the second Thursday', stored({ freq: 'MONTHLY', byDay: ['2TH'] })],
    ['the last Friday', stored({ freq: 'MONTHLY', byDay: ['-1FR'] })],
    ['the 15th', stored({ freq: 'MONTHLY', byMonthDay: 15 })],
    ['a one-off date', stored({ freq: 'ONCE', dtstart: '2026-12-05', validFrom: '2026-12-05', validTo: '2026-12-05' })],
    ['a course with an end date', stored({ byDay: ['MO'], validTo: '2027-03-29' })],
  ])('the form shows %s as it is', (_what, s) => {
    expect(editorCanShow(s, now)).toBe(true);
    expect(scheduleValues(s, now).kind).not.toBe('keep');
  });

  it.each([
    [
      'the first and third Tuesday',
      stored({ freq: 'MONTHLY', byDay: ['1TU', '3TU'] }),
      'First and third Tuesday of the month, 10am to midday',
    ],
    [
      'every other month',
      stored({ freq: 'MONTHLY', interval: 2, byDay: ['2WE'] }),
      'Second Wednesday of every other month, 10am to midday',
    ],
    ['every six weeks', stored({ interval: 6, byDay: ['FR'] }), 'Every 6 weeks on Friday, 10am to midday'],
    ['the last day of the month', stored({ freq: 'MONTHLY', byMonthDay: -1 }), 'The last day of the month, 10am to midday'],
    ['a session past midnight', stored({ byDay: ['SA'], opensAt: '22:00', closesAt: '02:00' }), 'Every Saturday, 10pm to 2am'],
    [
      'the last weekday (BYSETPOS)',
      stored({ freq: 'MONTHLY', byDay: ['MO', 'TU', 'WE', 'TH', 'FR'], rrule: 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1' }),
      'Last weekday of the month, 10am to midday',
    ],
    [
      'two rules and an exception',
      stored({ rrule: 'RRULE:FREQ=WEEKLY;BYDAY=TU\nRRULE:FREQ=MONTHLY;BYDAY=-1FR\nEXDATE;VALUE=DATE:20261229' }),
      'Every Tuesday, and last Friday of the month, 10am to midday, except 29 December 2026',
    ],
  ])('keeps %s and says it in words', (_what, s, words) => {
    expect(editorCanShow(s, now)).toBe(false);
    const v = scheduleValues(s, now);
    expect(v).toMatchObject({ kind: 'keep', keep: scheduleIdentity(s) });
    expect(v.kept?.text).toBe(words);
    expect(v.kept?.next).toHaveLength(3);
    // Through the form and back, it is the very same schedule.
    const r = parseListing(valid({ schedules: [v] }));
    if (!r.ok) throw new Error(JSON.stringify(r.fieldErrors));
    expect(r.data.schedules[0]).toEqual({ kind: 'keep', key: scheduleIdentity(s), slot: 0 });
    expect(scheduleFromSlot(r.data.schedules[0], [stored({ byDay: ['MO'] }), s], now)).toEqual(s);
  });

  it('reads a kept slot from the posted form, and refuses one it does not know', () => {
    const f = new FormData();
    f.set('scheduleCount', '1');
    f.set('schedules.0.kind', 'keep');
    f.set('schedules.0.keep', '0123456789abcdef');
    expect(listingValuesFromForm(f).schedules[0]).toMatchObject({ kind: 'keep', keep: '0123456789abcdef' });
    expect(() => scheduleFromSlot({ kind: 'keep', key: '0123456789abcdef', slot: 0 }, [], now)).toThrow(KeptScheduleMissing);
    const bad = parseListing(valid({ schedules: [{ ...blankSchedule(), kind: 'keep', keep: '<script>' }] }));
    expect(!bad.ok && bad.fieldErrors['schedules-0-kind']?.[0]).toBe('Choose how often it happens');
  });
});
