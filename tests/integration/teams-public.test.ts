// The link-worker teams residents see, and "which team covers me" for a postcode, on a small
// borough built here: two wards, one postcode in each, one postcode in no area; a team for the
// whole borough, a team for one ward and one practice, and a team that says nothing of where it
// works (so it is not listed).
import { beforeAll, describe, expect, it } from 'vitest';
import { publicTeams, teamsCovering } from '@/lib/teams/public';
import { useFreshDatabase } from '../helpers/db';

const t = useFreshDatabase();
const ids = { borough: '', north: '', quiet: '' };

beforeAll(async () => {
  const db = t.db;
  const [north, south] = await Promise.all([
    db.ward.create({ data: { code: 'W1', name: 'Northfield' } }),
    db.ward.create({ data: { code: 'W2', name: 'Southmead' } }),
  ]);
  const area = (code: string, wardId: string) =>
    db.area.create({ data: { code, name: code, wardId, population: 1500, imdDecile: 5 } });
  const [a1, a2] = await Promise.all([area('A1', north.id), area('A2', south.id)]);
  await db.postcode.createMany({
    data: [
      { postcode: 'EB1 1AA', district: 'EB1', latitude: 51.4, longitude: -0.7, areaId: a1.id },
      { postcode: 'EB2 2AB', district: 'EB2', latitude: 51.38, longitude: -0.72, areaId: a2.id },
      { postcode: 'EB3 3AD', district: 'EB3', latitude: 51.37, longitude: -0.73 },
    ],
  });
  const practice = await db.gpPractice.create({ data: { code: 'P1', name: 'Northfield Surgery' } });
  const borough = await db.team.create({
    data: { name: 'Borough Connectors', wholeBorough: true, phone: '01632 960 000', openingHours: 'Weekdays, 9 to 5' },
  });
  const northTeam = await db.team.create({
    data: {
      name: 'Northfield Social Prescribers',
      wards: { create: [{ wardId: north.id }] },
      practices: { create: [{ practiceId: practice.id }] },
    },
  });
  const quiet = await db.team.create({ data: { name: 'A team with no area yet' } });
  Object.assign(ids, { borough: borough.id, north: northTeam.id, quiet: quiet.id });
});

describe('the public list of teams', () => {
  it('lists teams that say where they work, the whole-borough team first, with wards and practices', async () => {
    const teams = await publicTeams(t.db);
    expect(teams.map((x) => x.name)).toEqual(['Borough Connectors', 'Northfield Social Prescribers']);
    expect(teams[0]).toMatchObject({ wholeBorough: true, openingHours: 'Weekdays, 9 to 5', wards: [], practices: [] });
    expect(teams[1]).toMatchObject({ wholeBorough: false, wards: ['Northfield'], practices: ['Northfield Surgery'] });
  });
});

describe('which team covers a postcode', () => {
  it('in a ward with its own team: both that team and the whole-borough team, however it is typed', async () => {
    const answer = await teamsCovering(t.db, ' eb11aa ');
    expect(answer).toEqual({ ok: true, postcode: 'EB1 1AA', ward: 'Northfield', teamIds: expect.any(Array) });
    if (answer.ok) expect(answer.teamIds.sort()).toEqual([ids.borough, ids.north].sort());
  });

  it('elsewhere in the borough: the whole-borough team only', async () => {
    const answer = await teamsCovering(t.db, 'EB2 2AB');
    expect(answer).toEqual({ ok: true, postcode: 'EB2 2AB', ward: 'Southmead', teamIds: [ids.borough] });
  });

  it('a postcode in no ward of the borough, or not in the table at all, is named back as not found', async () => {
    for (const postcode of ['EB3 3AD', 'SW1A 1AA'])
      expect(await teamsCovering(t.db, postcode)).toEqual({
        ok: false,
        error: 'Enter a postcode in the borough',
        unknownPostcode: postcode,
      });
  });

  it('a district or something that is not a postcode gets an error saying what to type', async () => {
    expect(await teamsCovering(t.db, 'EB1')).toEqual({
      ok: false,
      error: 'Enter your full postcode, including the last 3 characters',
    });
    expect(await teamsCovering(t.db, 'hello there')).toEqual({ ok: false, error: "That doesn't look like a UK postcode" });
  });
});
