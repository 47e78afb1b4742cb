// The ward map of unmet need on a small borough built by hand: the rates per 1,000 people it is
// drawn from, where each ward sits, and that a ward whose number is hidden in the table gives
// nothing away on the map. Every expected figure is worked out from the rows this file creates;
// the working is in the comments next to each assertion.
//
// The period is 1 April to 30 September 2026 (British Summer Time: each London day starts at
// 23:00 UTC the day before), as in reports.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/client';
import { londonMidnight } from '@/lib/format/dates';
import { buildSection } from '@/lib/reports';
import { tableCsv } from '@/lib/reports/csv';
import { refreshReportFacts } from '@/lib/reports/facts';
import { parseReportQuery, type ReportFilter, type WardOption } from '@/lib/reports/filter';
import { withReportTransaction } from '@/lib/reports/session';
import { unmetByWard } from '@/lib/reports/sql/unmet-by-ward';
import { wardCentres } from '@/lib/reports/sql/ward-centres';
import type { ReportTable } from '@/lib/reports/table';
import { BAND_COLOURS, HIDDEN_RADIUS, MAX_RADIUS, NONE_RADIUS } from '@/lib/reports/ward-map';
import { freshDatabase, type FreshDatabase } from '../helpers/db';

const NOW = new Date('2026-11-23T12:00:00Z');
const ldn = (key: string, h = 10) => new Date(londonMidnight(key).getTime() + h * 3_600_000);

let env: FreshDatabase;
let db: Db;
let wards: WardOption[];
const ids: Record<string, string> = {};

const PERIOD = { period: 'custom', from: '2026-04-01', to: '2026-09-30' };
const query = (params: Record<string, string>): ReportFilter => parseReportQuery(params, wards, NOW).filter;
const period = () => query(PERIOD);

async function byWardTable(f: ReportFilter): Promise<ReportTable> {
  const s = await withReportTransaction(db, (tx) => buildSection(tx, 'unmet-need', f));
  const t = s.tables.find((x) => x.id === 'by-ward');
  if (!t) throw new Error('no by-ward table');
  return t;
}
const cells = (t: ReportTable) => Object.fromEntries(t.rows.map((r) => [r.label, r.values.map((v) => v.text)]));

// ---------------------------------------------------------------- the borough
//
// ward       areas (people)            postcodes (latitude, longitude)                 unmet need in the period
// Ashford    A1 1,200 + A2 800 = 2,000  A1 (51.50, -0.10) (51.52, -0.12); A2 (51.51, -0.14)   6 in A1 + 2 in A2 + 2 against the ward = 10
// Brookside  B1 3,000                   B1 (51.47, -0.11)                                     6
// Chalkpit   C1 1,500                   C1 (51.49, -0.02) (51.50, -0.03)                      3
// Dene       D1 500                     none                                                  0
// Elmstead   E1 2,500                   E1 (51.54, -0.05) (51.56, -0.07)                      19 + 1 at 23:59:59 on 30 September = 20
// Fernhill   F1 1,000                   F1 (51.45, -0.09)                                     0
// no place                                                                                    7
// Total      10,500 people                                                                    46
//
// Not counted: one item in A1 at 23:59 on 31 March and one in E1 at midnight starting 1 October
// (both London time); a postcode with no area (in no ward).
const WARDS = [
  {
    code: 'ASH',
    name: 'Ashford',
    areas: [
      {
        code: 'A1',
        population: 1200,
        postcodes: [
          [51.5, -0.1],
          [51.52, -0.12],
        ],
      },
      { code: 'A2', population: 800, postcodes: [[51.51, -0.14]] },
    ],
  },
  { code: 'BRK', name: 'Brookside', areas: [{ code: 'B1', population: 3000, postcodes: [[51.47, -0.11]] }] },
  {
    code: 'CHK',
    name: 'Chalkpit',
    areas: [
      {
        code: 'C1',
        population: 1500,
        postcodes: [
          [51.49, -0.02],
          [51.5, -0.03],
        ],
      },
    ],
  },
  { code: 'DEN', name: 'Dene', areas: [{ code: 'D1', population: 500, postcodes: [] }] },
  {
    code: 'ELM',
    name: 'Elmstead',
    areas: [
      {
        code: 'E1',
        population: 2500,
        postcodes: [
          [51.54, -0.05],
          [51.56, -0.07],
        ],
      },
    ],
  },
  { code: 'FRN', name: 'Fernhill', areas: [{ code: 'F1', population: 1000, postcodes: [[51.45, -0.09]] }] },
] as const;

beforeAll(async () => {
  env = await freshDatabase();
  db = env.db;
  const taxonomy = await db.taxonomy.create({ data: { name: 'Local needs', description: 'Test' } });
  const term = (await db.taxonomyTerm.create({ data: { taxonomyId: taxonomy.id, code: 't1', name: 'Loneliness', sortOrder: 1 } }))
    .id;

  let n = 0;
  for (const w of WARDS) {
    ids[w.code] = (await db.ward.create({ data: { code: w.code, name: w.name } })).id;
    for (const a of w.areas) {
      ids[a.code] = (
        await db.area.create({
          data: { code: a.code, name: a.code, wardId: ids[w.code], population: a.population, imdDecile: 5 },
        })
      ).id;
      for (const [latitude, longitude] of a.postcodes) {
        n += 1;
        await db.postcode.create({
          data: { postcode: `TT${n} 1AA`, district: `TT${n}`, latitude, longitude, areaId: ids[a.code] },
        });
      }
    }
  }
  await db.postcode.create({ data: { postcode: 'ZZ1 1ZZ', district: 'ZZ1', latitude: 52, longitude: 1, areaId: null } });
  wards = WARDS.map((w) => ({ id: ids[w.code], code: w.code, name: w.name }));

  const unmet = async (count: number, at: Date, place: { area?: string; ward?: string }) => {
    for (let i = 0; i < count; i++) {
      await db.unmetNeed.create({
        data: {
          termId: term,
          reason: 'no_service',
          recordedAt: at,
          areaId: place.area ? ids[place.area] : null,
          wardId: place.ward ? ids[place.ward] : null,
        },
      });
    }
  };
  await unmet(6, ldn('2026-05-01'), { area: 'A1' });
  await unmet(2, ldn('2026-06-01'), { area: 'A2' });
  await unmet(2, ldn('2026-06-02'), { ward: 'ASH' });
  await unmet(6, ldn('2026-07-01'), { area: 'B1' });
  await unmet(3, ldn('2026-08-01'), { area: 'C1' });
  await unmet(19, ldn('2026-07-15'), { area: 'E1' });
  await unmet(1, new Date('2026-09-30T22:59:59Z'), { area: 'E1' });
  await unmet(7, ldn('2026-09-01'), {});
  await unmet(1, new Date('2026-03-31T22:59:00Z'), { area: 'A1' });
  await unmet(1, new Date('2026-09-30T23:00:00Z'), { area: 'E1' });

  await refreshReportFacts(db);
});

afterAll(async () => {
  await env?.drop();
});

describe('unmet need per 1,000 people by ward', () => {
  it('counts each ward\u2019s items and people', async () => {
    // Ordered by ward name, the items with no place last (population 0: they belong to no ward).
    const rows = await unmetByWard(db, period());
    expect(rows.map((r) => [r.ward, r.population, r.n])).toEqual([
      ['Ashford', 2000, 10],
      ['Brookside', 3000, 6],
      ['Chalkpit', 1500, 3],
      ['Dene', 500, 0],
      ['Elmstead', 2500, 20],
      ['Fernhill', 1000, 0],
      [null, 0, 7],
    ]);
  });

  it('rates them per 1,000 people, hiding a small count and the one the total would give away', async () => {
    // Chalkpit's 3 is from 1 to 4: "<5", and its rate is not shown. With it hidden, the total 46
    // minus the others would give it away, so the smallest other non-zero count is hidden too:
    // Brookside's 6 (smaller than "no place" 7, Ashford 10 and Elmstead 20), and its rate.
    // Ashford: 10 / 2,000 x 1,000 = 5. Dene: 0 / 500 = 0. Elmstead: 20 / 2,500 x 1,000 = 8.
    // Fernhill: 0 / 1,000 = 0. All wards: 46 / 10,500 x 1,000 = 4.381 -> 4.4.
    expect(cells(await byWardTable(period()))).toEqual({
      Ashford: ['10', '2,000', '5'],
      Brookside: ['Not shown', '3,000', 'Not shown'],
      Chalkpit: ['<5', '1,500', 'Not shown'],
      Dene: ['0', '500', '0'],
      Elmstead: ['20', '2,500', '8'],
      Fernhill: ['0', '1,000', '0'],
      'Place not known': ['7', '', ''],
      'All wards': ['46', '10,500', '4.4'],
    });
  });

  it('downloads the same figures the map is drawn from', async () => {
    const csv = tableCsv(await byWardTable(period()), 'P', 'A').split(/\r\n/);
    expect(csv).toContain('P,A,Ashford,10,"2,000",5');
    expect(csv).toContain('P,A,Chalkpit,<5,"1,500",Not shown');
  });
});

describe('where each ward sits', () => {
  it('is the mean position of the postcodes in its areas', async () => {
    // Ashford: latitude (51.50 + 51.52 + 51.51) / 3 = 51.51, longitude (-0.10 - 0.12 - 0.14) / 3 = -0.12.
    // Chalkpit: (51.49 + 51.50) / 2 = 51.495, (-0.02 - 0.03) / 2 = -0.025. Elmstead: 51.55, -0.06.
    // Dene has no postcodes, so no centre; the postcode with no area counts for no ward.
    const centres = (await wardCentres(db, period())).sort((a, b) => a.latitude - b.latitude);
    const byId = Object.fromEntries(WARDS.map((w) => [ids[w.code], w.name]));
    expect(centres.map((c) => byId[c.wardId])).toEqual(['Fernhill', 'Brookside', 'Chalkpit', 'Ashford', 'Elmstead']);
    const expected = [
      [51.45, -0.09, 1],
      [51.47, -0.11, 1],
      [51.495, -0.025, 2],
      [51.51, -0.12, 3],
      [51.55, -0.06, 2],
    ];
    centres.forEach((c, i) => {
      expect(c.latitude).toBeCloseTo(expected[i][0], 9);
      expect(c.longitude).toBeCloseTo(expected[i][1], 9);
      expect(c.postcodes).toBe(expected[i][2]);
    });
  });
});

describe('the map', () => {
  it('sizes and shades the wards with a rate shown, and leaves off a ward it cannot place', async () => {
    const map = (await byWardTable(period())).map!;
    // Rates shown (above 0): Ashford 5, Elmstead 8. Four bands from 0 to a round number at or above
    // 8: 8 / 4 = 2 a band, so 0-2, 2-4, 4-6, 6-8. Ashford (5) is in the third, Elmstead (8) the fourth.
    expect(map.bands.map((b) => b.label)).toEqual(['More than 0, under 2', '2 to under 4', '4 to under 6', '6 to 8']);
    expect(map.bands.map((b) => b.colour)).toEqual([...BAND_COLOURS]);
    // Area in proportion to the rate: radius = 28 x sqrt(rate / 8). Elmstead 28; Ashford
    // 28 x sqrt(5 / 8) = 22.136 -> 22.1 (area 5/8 of Elmstead's). Key: 8 -> 28, 4 -> 19.799 -> 19.8, 2 -> 14.
    expect(map.sizes).toEqual([
      { label: '8 per 1,000 people', radius: MAX_RADIUS },
      { label: '4 per 1,000 people', radius: 19.8 },
      { label: '2 per 1,000 people', radius: 14 },
    ]);
    // Dene has no postcodes: off the map, still in the table.
    expect(map.leftOff).toEqual(['Dene']);
    // Biggest first, so smaller circles are drawn over them.
    expect(map.wards.map((w) => [w.name, w.kind, w.band, w.radius])).toEqual([
      ['Elmstead', 'rate', 3, 28],
      ['Ashford', 'rate', 2, 22.1],
      ['Brookside', 'hidden', null, HIDDEN_RADIUS],
      ['Chalkpit', 'hidden', null, HIDDEN_RADIUS],
      ['Fernhill', 'none', null, NONE_RADIUS],
    ]);
    const ashford = map.wards.find((w) => w.name === 'Ashford')!;
    expect([ashford.latitude, ashford.longitude].map((x) => Math.round(x * 1e6) / 1e6)).toEqual([51.51, -0.12]);
    expect(ashford.description).toBe('Ashford: 10 items recorded, 5 per 1,000 people (2,000 people).');
    expect(map.wards.find((w) => w.name === 'Fernhill')!.description).toBe('Fernhill: none recorded (0 per 1,000 people).');
  });

  it('draws every ward whose number is hidden the same way, whatever its number', async () => {
    const map = (await byWardTable(period())).map!;
    const brookside = map.wards.find((w) => w.name === 'Brookside')!;
    const chalkpit = map.wards.find((w) => w.name === 'Chalkpit')!;
    // Brookside (6, hidden so the total cannot give Chalkpit away) and Chalkpit (3) look alike:
    // same kind, no band, the fixed radius; nothing about either is built on its count.
    const look = (w: typeof brookside) => ({ kind: w.kind, band: w.band, radius: w.radius });
    expect(look(brookside)).toEqual(look(chalkpit));
    expect(Object.keys(brookside).sort()).toEqual([
      'band',
      'description',
      'id',
      'kind',
      'latitude',
      'longitude',
      'name',
      'radius',
    ]);
    expect(chalkpit.description).toBe('Chalkpit: fewer than 5 recorded, so the rate is not shown.');
    expect(brookside.description).toBe(
      'Brookside: the number is not shown, so that the total cannot give a smaller one away, and nor is the rate.',
    );
    // Neither true count (6, 3) nor any rate appears in what the map is given.
    for (const w of [brookside, chalkpit]) expect(w.description).not.toMatch(/\b[36]\b|per 1,000/);
  });

  it('follows the ward filter, as the table does', async () => {
    // Ashford only: the table has Ashford and its total (10, 2,000, 5), the map one circle, at the
    // same place. The scale comes from Ashford alone: 5 / 4 = 1.25, rounded up to 2 a band.
    const t = await byWardTable(query({ ...PERIOD, ward: 'ASH' }));
    expect(cells(t)).toEqual({ Ashford: ['10', '2,000', '5'], 'All wards': ['10', '2,000', '5'] });
    expect(t.map!.wards.map((w) => [w.name, w.kind, w.band, w.radius])).toEqual([['Ashford', 'rate', 2, 22.1]]);
    expect(t.map!.leftOff).toEqual([]);

    // Dene only: nothing to place; the map says so and the table still has the ward.
    const dene = await byWardTable(query({ ...PERIOD, ward: 'DEN' }));
    expect(cells(dene)).toEqual({ Dene: ['0', '500', '0'], 'All wards': ['0', '500', '0'] });
    expect(dene.map!.wards).toEqual([]);
    expect(dene.map!.leftOff).toEqual(['Dene']);
    expect(dene.map!.bands).toEqual([]);
  });

  it('leaves the map out of the download', async () => {
    const csv = tableCsv(await byWardTable(period()), 'P', 'A');
    expect(csv).not.toMatch(/latitude|51\.5|hatched/i);
  });
});
