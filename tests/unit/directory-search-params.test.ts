import { describe, expect, it } from 'vitest';
import {
  effectiveSort,
  emptySearch,
  filterCount,
  filtersForLog,
  parseSearchParams,
  toQueryString,
} from '@/lib/directory/search-params';
import { anonymiseTerms, shorten } from '@/lib/directory/directory';
import { normaliseWords, todayFacts } from '@/lib/directory/search';

describe('parseSearchParams', () => {
  it('reads the whole search from the URL', () => {
    const { params, errors } = parseSearchParams({
      q: ' lonely ',
      need: ['loneliness', 'carers'],
      place: 'EB1 2AB',
      radius: '2',
      age: '67',
      free: '1',
      day: ['tuesday', 'thursday'],
      time: 'evening',
      access: 'step_free,hearing_loop',
      mode: 'in_person',
      self: 'on',
      space: 'yes',
      today: 'true',
      sort: 'distance',
      page: '3',
    });
    expect(errors).toEqual({});
    expect(params).toEqual({
      q: 'lonely',
      needs: ['loneliness', 'carers'],
      place: 'EB1 2AB',
      radius: 2,
      age: 67,
      free: true,
      days: ['tuesday', 'thursday'],
      times: ['evening'],
      access: ['step_free', 'hearing_loop'],
      modes: ['in_person'],
      selfRefer: true,
      hasSpace: true,
      openToday: true,
      sort: 'distance',
      page: 3,
    });
  });

  it('treats empty fields as not given (an empty age is not age 0)', () => {
    const { params, errors } = parseSearchParams({ q: '', age: '', radius: '', page: '', sort: '' });
    expect(errors).toEqual({});
    expect(params).toEqual(emptySearch);
  });

  it('gives each bad field its own error and keeps the good ones', () => {
    const { params, errors } = parseSearchParams(
      new URLSearchParams(
        'q=walking&age=-4&radius=3&day=funday&time=noon&access=lift&mode=carrier+pigeon&sort=random&page=0&free=maybe&need=%3Cscript%3E',
      ),
    );
    expect(params.q).toBe('walking');
    expect(errors).toEqual({
      age: 'Enter an age of 0 or more',
      radius: 'Choose a distance from the list',
      days: 'Choose days from the list',
      times: 'Choose a time of day from the list',
      access: 'Choose accessibility features from the list',
      modes: 'Choose in person, online or by phone',
      sort: 'Choose how to sort from the list',
      page: 'Page must be 1 or more',
      free: 'Tick the box or leave it empty',
      needs: 'Choose needs from the list',
    });
  });

  it('refuses an age that is not a whole number', () => {
    expect(parseSearchParams({ age: 'sixty' }).errors.age).toBe('Enter an age in years, like 67');
    expect(parseSearchParams({ age: '6.5' }).errors.age).toBe('Enter an age in whole years, like 67');
    expect(parseSearchParams({ age: '130' }).errors.age).toBe('Enter an age of 120 or less');
  });

  it('round-trips through the query string', () => {
    const query = '?q=dementia+carers&need=carers&place=EB1+2AB&radius=5&free=1&day=tuesday&time=morning&self=1&page=2';
    const { params } = parseSearchParams(new URLSearchParams(query));
    expect(toQueryString(params)).toBe(query);
    expect(toQueryString(emptySearch)).toBe('');
  });
});

describe('sort and log helpers', () => {
  it('sorts nearest first when there is a place, by best match for words, else A to Z', () => {
    expect(effectiveSort({ sort: null, q: '' }, true)).toBe('distance');
    expect(effectiveSort({ sort: null, q: 'walk' }, false)).toBe('relevance');
    expect(effectiveSort({ sort: null, q: '' }, false)).toBe('name');
    expect(effectiveSort({ sort: 'distance', q: 'walk' }, false)).toBe('relevance');
    expect(effectiveSort({ sort: 'relevance', q: 'walk' }, true)).toBe('relevance');
    expect(effectiveSort({ sort: 'updated', q: '' }, true)).toBe('updated');
  });

  it('logs filters but never the place', () => {
    const { params } = parseSearchParams({ q: 'x', place: 'EB1 2AB', radius: '2', free: '1', day: 'monday' });
    expect(filtersForLog(params)).toEqual({ radius: 2, free: true, days: ['monday'] });
    expect(filterCount(params)).toBe(2);
  });

  it('strips postcodes, e-mail addresses and phone numbers from logged words', () => {
    expect(anonymiseTerms('help near eb1 2ab please')).toBe('help near EB1 please');
    expect(anonymiseTerms('SW1A1AA lunch')).toBe('SW1A lunch');
    expect(anonymiseTerms('call me on 07700 900123 or jo@example.com')).toBe('call me on [number] or [email]');
  });
});

describe('text helpers', () => {
  it('shortens on a word boundary', () => {
    expect(shorten('short text')).toBe('short text');
    const long = 'word '.repeat(60);
    const out = shorten(long, 50);
    expect(out.length).toBeLessThanOrEqual(51);
    expect(out.endsWith('word…')).toBe(true);
  });

  it('cleans search words', () => {
    expect(normaliseWords('  Dementia;  CARERS!! ')).toBe('dementia carers');
    expect(normaliseWords('"tea, cake" -walk')).toBe('"tea cake" -walk');
  });

  it('knows where today sits in the month, in London', () => {
    const t = todayFacts(new Date('2026-11-24T09:00:00Z'));
    expect(t.code).toBe('TU');
    expect(t.nth).toBe('4TU');
    expect(t.last).toBe('-1TU');
    expect(t.monday.toISOString()).toBe('2026-11-23T00:00:00.000Z');
    // Just after midnight in BST is still the previous day in UTC.
    expect(todayFacts(new Date('2026-07-31T23:30:00Z')).dayOfMonth).toBe(1);
  });
});
