import { describe, expect, it } from 'vitest';
import { districtOf, normalisePostcode, parsePostcode, postcodeMessages } from '@/lib/geo/postcode';
import { formatMiles, haversineMetres, metresToMiles, milesToMetres } from '@/lib/geo/distance';
import { columnMap, toRow } from '@/lib/geo/onspd';
import { ChainGeocoder, PostcodesIoGeocoder, postcodeLookupSetting, type Geocoder } from '@/lib/geo/geocoder';
import type { Tx } from '@/lib/db/client';

describe('normalisePostcode', () => {
  it.each([
    ['eb12ab', 'EB1 2AB'],
    ['  EB1   2AB ', 'EB1 2AB'],
    ['sw1a1aa', 'SW1A 1AA'],
    ['W1A 0AX', 'W1A 0AX'],
    ['rg12 1aa', 'RG12 1AA'],
    ['M1 1AE', 'M1 1AE'],
    ['B33 8TH', 'B33 8TH'],
    ['CR2 6XH', 'CR2 6XH'],
    ['DN55 1PT', 'DN55 1PT'],
    ['EC1A 1BB', 'EC1A 1BB'],
    ['gir0aa', 'GIR 0AA'],
  ])('%s -> %s', (input, expected) => {
    expect(normalisePostcode(input)).toBe(expected);
  });

  it.each(['', 'EB1', 'EB1 2A', 'EB1 2CI', 'QB1 2AB', '12345', 'EB1 2AB X', 'hello'])('rejects %s', (input) => {
    expect(normalisePostcode(input)).toBeNull();
  });
});

describe('parsePostcode', () => {
  it('gives the postcode, its district and sector', () => {
    expect(parsePostcode('eb1 2ab')).toEqual({
      ok: true,
      kind: 'postcode',
      postcode: 'EB1 2AB',
      district: 'EB1',
      sector: 'EB1 2',
    });
  });

  it('accepts a district on its own', () => {
    expect(parsePostcode('rg12')).toEqual({ ok: true, kind: 'district', district: 'RG12' });
    expect(parsePostcode('SW1A')).toEqual({ ok: true, kind: 'district', district: 'SW1A' });
  });

  it('forgives a letter O typed for a zero in the inward code', () => {
    expect(parsePostcode('EB1 OAB')).toMatchObject({ ok: true, postcode: 'EB1 0AB' });
  });

  it('asks for a real postcode when the shape is nearly right', () => {
    expect(parsePostcode('EB1 2CI')).toEqual({ ok: false, error: postcodeMessages.enterReal });
    expect(parsePostcode('')).toEqual({ ok: false, error: postcodeMessages.enterReal });
  });

  it('says when it does not look like a postcode at all', () => {
    expect(parsePostcode('not a postcode')).toEqual({ ok: false, error: postcodeMessages.notPostcode });
    expect(parsePostcode('EB1 2AB!')).toEqual({ ok: false, error: postcodeMessages.notPostcode });
    expect(parsePostcode('123456789')).toEqual({ ok: false, error: postcodeMessages.notPostcode });
  });

  it('uses the wording people expect', () => {
    expect(postcodeMessages.enterReal).toBe('Enter a real postcode, like EB1 1AL');
    expect(postcodeMessages.notPostcode).toBe("That doesn't look like a UK postcode");
  });
});

describe('districtOf', () => {
  it('finds the outward code', () => {
    expect(districtOf('eb12ab')).toBe('EB1');
    expect(districtOf('RG12 1AA')).toBe('RG12');
    expect(districtOf('EB1')).toBe('EB1');
    expect(districtOf('nonsense!')).toBeNull();
  });
});

describe('distance', () => {
  it('measures London to Edinburgh at about 534 km', () => {
    const m = haversineMetres(51.5074, -0.1278, 55.9533, -3.1883);
    expect(m / 1000).toBeGreaterThan(530);
    expect(m / 1000).toBeLessThan(538);
  });

  it('converts miles and formats them', () => {
    expect(metresToMiles(milesToMetres(2))).toBeCloseTo(2, 10);
    expect(formatMiles(0.04)).toBe('less than 0.1 miles');
    expect(formatMiles(0.34)).toBe('0.3 miles');
    expect(formatMiles(1.02)).toBe('1 mile');
    expect(formatMiles(12.6)).toBe('13 miles');
  });
});

describe('ONS Postcode Directory rows', () => {
  const header = ['pcd', 'pcd2', 'pcds', 'dointr', 'doterm', 'lat', 'long', 'lsoa21'];
  const cols = columnMap(header);
  const rec = (o: Partial<Record<string, string>>) =>
    ({
      pcd: 'EB1 2AB',
      pcd2: 'EB1  2AB',
      pcds: 'EB1 2AB',
      dointr: '198001',
      doterm: '',
      lat: '51.5',
      long: '-0.7',
      lsoa21: 'E01000001',
      ...o,
    }) as Record<string, string>;

  it('finds the columns by their ONSPD names', () => {
    expect(cols).toEqual({ postcode: 'pcds', latitude: 'lat', longitude: 'long', lsoa: 'lsoa21', terminated: 'doterm' });
  });

  it('refuses a file without the columns it needs', () => {
    expect(() => columnMap(['postcode', 'x', 'y'])).toThrow(/lat and long/);
  });

  it('turns a record into a row', () => {
    expect(toRow(rec({}), cols)).toEqual({
      ok: true,
      row: { postcode: 'EB1 2AB', district: 'EB1', latitude: 51.5, longitude: -0.7, lsoa: 'E01000001' },
    });
  });

  it('skips terminated postcodes and ones without a grid reference', () => {
    expect(toRow(rec({ doterm: '202001' }), cols)).toEqual({ ok: false, reason: 'terminated' });
    expect(toRow(rec({ doterm: '202001' }), cols, true).ok).toBe(true);
    expect(toRow(rec({ lat: '99.999999', long: '0.000000' }), cols)).toEqual({ ok: false, reason: 'no_location' });
    expect(toRow(rec({ pcds: 'ZZ' }), cols)).toEqual({ ok: false, reason: 'bad_postcode' });
  });
});

describe('geocoder choice', () => {
  it('defaults to the local table', () => {
    expect(postcodeLookupSetting({})).toBe('local');
    expect(postcodeLookupSetting({ POSTCODE_LOOKUP: 'postcodes.io' })).toBe('postcodes.io');
    expect(() => postcodeLookupSetting({ POSTCODE_LOOKUP: 'google' })).toThrow(/POSTCODE_LOOKUP/);
  });

  it('reads postcodes.io answers and treats failures as not found', async () => {
    const calls: string[] = [];
    const fetcher = async (url: string) => {
      calls.push(url);
      if (url.endsWith('/postcodes/EB12AB')) {
        return {
          ok: true,
          status: 200,
          json: async () => ({ status: 200, result: { postcode: 'EB1 2AB', outcode: 'EB1', latitude: 51.4, longitude: -0.7 } }),
        };
      }
      if (url.endsWith('/outcodes/EB9')) throw new Error('network down');
      return { ok: false, status: 404, json: async () => ({ status: 404, error: 'Postcode not found' }) };
    };
    const g = new PostcodesIoGeocoder({} as Tx, 'https://example.test', fetcher);
    expect(await g.postcode('EB1 2AB')).toEqual({
      kind: 'postcode',
      label: 'EB1 2AB',
      latitude: 51.4,
      longitude: -0.7,
      district: 'EB1',
      areaId: null,
      wardId: null,
    });
    expect(await g.postcode('EB1 9ZZ')).toBeNull();
    expect(await g.district('EB9')).toBeNull();
    expect(calls).toEqual([
      'https://example.test/postcodes/EB12AB',
      'https://example.test/postcodes/EB19ZZ',
      'https://example.test/outcodes/EB9',
    ]);
  });

  it('asks the next geocoder only when the first has no answer', async () => {
    const asked: string[] = [];
    const make = (name: string, knows: string): Geocoder => ({
      name,
      postcode: async (p) => (
        asked.push(`${name}:${p}`),
        p === knows ? { kind: 'postcode', label: p, latitude: 1, longitude: 2, district: null, areaId: null, wardId: null } : null
      ),
      district: async () => null,
    });
    const chain = new ChainGeocoder([make('local', 'EB1 2AB'), make('online', 'EB1 3CD')]);
    expect((await chain.postcode('EB1 2AB'))?.label).toBe('EB1 2AB');
    expect((await chain.postcode('EB1 3CD'))?.label).toBe('EB1 3CD');
    expect(asked).toEqual(['local:EB1 2AB', 'local:EB1 3CD', 'online:EB1 3CD']);
    expect(chain.name).toBe('local+online');
  });
});
