import { describe, expect, it } from 'vitest';
import { countTable, plainValue, ratePerThousand } from '@/lib/reports/table';
import { buildWardMap, HIDDEN_RADIUS } from '@/lib/reports/ward-map';

/** A by-ward table as the unmet-need section builds it: count, population, rate per 1,000, total row. */
function table(rows: { key: string; n: number; population: number }[]) {
  const population = new Map(rows.map((r) => [r.key, r.population]));
  const total = rows.reduce((s, r) => s + r.population, 0);
  return countTable({
    id: 'by-ward',
    title: 'T',
    definition: 'D.',
    labelHeader: 'Ward',
    columns: [{ key: 'n', label: 'Items recorded', numeric: true }],
    rows: rows.map((r) => ({ key: r.key, label: r.key.toUpperCase(), counts: [r.n] })),
    columnTotals: true,
    extra: [
      {
        column: { key: 'population', label: 'People' },
        value: ({ key }) => plainValue(key === 'total' ? total : (population.get(key) ?? 0)),
      },
      {
        column: { key: 'rate', label: 'Per 1,000 people' },
        value: ({ key, counts, marks }) =>
          ratePerThousand(counts[0], key === 'total' ? total : (population.get(key) ?? 0), marks[0] !== 'shown'),
      },
    ],
  });
}
const centre = (key: string) => ({ wardId: key, latitude: 51.4, longitude: -0.7, postcodes: 3 });

describe('ward map', () => {
  it('bands from 0 to a round number at or above the highest rate, in tenths', () => {
    // Rates 8.1 and 2.5: 8.1 / 4 = 2.025, rounded up to 2.5 a band (top 10).
    const map = buildWardMap(
      table([
        { key: 'a', n: 81, population: 10_000 },
        { key: 'b', n: 25, population: 10_000 },
      ]),
      [centre('a'), centre('b')],
      'D.',
    );
    expect(map.bands.map((b) => b.label)).toEqual(['More than 0, under 2.5', '2.5 to under 5', '5 to under 7.5', '7.5 to 10']);
    expect(map.wards.map((w) => [w.id, w.band])).toEqual([
      ['a', 3],
      ['b', 1],
    ]);
    // 28 x sqrt(8.1 / 10) = 25.2; 28 x sqrt(2.5 / 10) = 14.
    expect(map.wards.map((w) => w.radius)).toEqual([25.2, 14]);
  });

  it('keeps small rates on a fine scale', () => {
    // 0.3 per 1,000: 0.3 / 4 = 0.075, rounded up to 0.1 a band (top 0.4).
    const map = buildWardMap(table([{ key: 'a', n: 30, population: 100_000 }]), [centre('a')], 'D.');
    expect(map.bands.map((b) => b.label)).toEqual([
      'More than 0, under 0.1',
      '0.1 to under 0.2',
      '0.2 to under 0.3',
      '0.3 to 0.4',
    ]);
    expect(map.wards[0].band).toBe(3);
    expect(map.sizes.map((s) => s.label)).toEqual(['0.4 per 1,000 people', '0.2 per 1,000 people', '0.1 per 1,000 people']);
  });

  it('sets the scale from shown rates only: a hidden ward cannot move it', () => {
    // b's 4 is hidden ("<5"), and c's 5 with it (the smallest other: the total would give b away);
    // a (9 / 1,000 = 9) is the only rate shown, so it alone sets the scale, whatever b's true rate:
    // 9 / 4 = 2.25, rounded up to 2.5 a band (top 10), and a's radius is 28 x sqrt(9 / 10) = 26.6.
    const rows = (bPopulation: number) => [
      { key: 'a', n: 9, population: 1000 },
      { key: 'b', n: 4, population: bPopulation },
      { key: 'c', n: 5, population: 1000 },
    ];
    const small = buildWardMap(table(rows(100_000)), ['a', 'b', 'c'].map(centre), 'D.');
    const large = buildWardMap(table(rows(10)), ['a', 'b', 'c'].map(centre), 'D.');
    expect(small).toEqual(large);
    expect(small.wards.map((w) => [w.id, w.kind, w.radius])).toEqual([
      ['a', 'rate', 26.6],
      ['b', 'hidden', HIDDEN_RADIUS],
      ['c', 'hidden', HIDDEN_RADIUS],
    ]);
  });

  it('draws a ward with no population neutral, and has no scale when nothing has a rate', () => {
    const map = buildWardMap(
      table([
        { key: 'a', n: 0, population: 0 },
        { key: 'b', n: 0, population: 500 },
      ]),
      [centre('a'), centre('b')],
      'D.',
    );
    expect(map.bands).toEqual([]);
    expect(map.sizes).toEqual([]);
    expect(map.wards.map((w) => [w.id, w.kind, w.description])).toEqual([
      ['a', 'hidden', 'A: 0 recorded; no population figure, so no rate.'],
      ['b', 'none', 'B: none recorded (0 per 1,000 people).'],
    ]);
  });
});
