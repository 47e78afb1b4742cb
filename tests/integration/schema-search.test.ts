// The search migration: Service."searchVector" follows every change to the text it is built from,
// and queries written with the documented expressions can use the search indexes.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../helpers/db';

const t = useFreshDatabase();

let organisationId: string;
let taxonomyId: string;

async function vector(serviceId: string): Promise<string> {
  const rows = await t.db.$queryRaw<{ v: string | null }[]>`
    SELECT "searchVector"::text AS v FROM "Service" WHERE "id" = ${serviceId}::uuid`;
  return rows[0]?.v ?? '';
}

async function finds(serviceId: string, words: string): Promise<boolean> {
  const rows = await t.db.$queryRaw<{ id: string }[]>`
    SELECT "id"::text FROM "Service"
     WHERE "id" = ${serviceId}::uuid
       AND "searchVector" @@ websearch_to_tsquery('english', public.immutable_unaccent(${words}))`;
  return rows.length === 1;
}

async function newService(name: string, description = ''): Promise<string> {
  const service = await t.db.service.create({ data: { organisationId, name, description } });
  return service.id;
}

async function newTerm(name: string, synonyms: string[] = []): Promise<string> {
  const term = await t.db.taxonomyTerm.create({ data: { taxonomyId, code: `t-${randomUUID()}`, name, synonyms } });
  return term.id;
}

async function plan(sql: string): Promise<string> {
  return t.db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off');
    const rows = await tx.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(`EXPLAIN ${sql}`);
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  });
}

beforeAll(async () => {
  organisationId = (await t.db.organisation.create({ data: { name: 'Eastbrook Café Trust' } })).id;
  taxonomyId = (await t.db.taxonomy.create({ data: { name: `needs-${randomUUID()}`, description: 'Local needs' } })).id;
});

describe('Service.searchVector', () => {
  it('is built on insert: name A, organisation B, description C, accents removed', async () => {
    const id = await newService('Walking Group', 'A gentle walk round Ælfric Park');
    const v = await vector(id);
    expect(v).toMatch(/'walk':1A/);
    expect(v).toMatch(/'cafe':\d+B/);
    expect(v).toMatch(/'gentl':\d+C/);
    expect(await finds(id, 'café walking')).toBe(true);
    expect(await finds(id, 'aelfric')).toBe(true);
    expect(await finds(id, 'Ælfric park')).toBe(true);
    expect(await finds(id, 'swimming')).toBe(false);
  });

  it('follows needs being added and removed (several at once too)', async () => {
    const id = await newService('Chatterbox');
    const lonely = await newTerm('Loneliness and isolation', ['lonely', 'alone']);
    const money = await newTerm('Money and debt', ['skint']);
    expect(await finds(id, 'lonely')).toBe(false);

    await t.db.serviceTaxonomy.createMany({
      data: [
        { serviceId: id, termId: lonely },
        { serviceId: id, termId: money },
      ],
    });
    expect(await finds(id, 'lonely')).toBe(true);
    expect(await finds(id, 'skint')).toBe(true);
    expect(await vector(id)).toMatch(/'isol':\d+B/);

    await t.db.serviceTaxonomy.deleteMany({ where: { serviceId: id, termId: money } });
    expect(await finds(id, 'skint')).toBe(false);
    expect(await finds(id, 'lonely')).toBe(true);
  });

  it('follows a need being renamed or given new synonyms', async () => {
    const id = await newService('Friendship Bench');
    const term = await newTerm('Mental wellbeing', ['stress']);
    await t.db.serviceTaxonomy.create({ data: { serviceId: id, termId: term } });
    expect(await finds(id, 'stress')).toBe(true);

    await t.db.taxonomyTerm.update({ where: { id: term }, data: { synonyms: ['anxious'] } });
    expect(await finds(id, 'stress')).toBe(false);
    expect(await finds(id, 'anxious')).toBe(true);

    await t.db.taxonomyTerm.update({ where: { id: term }, data: { name: 'Emotional health' } });
    expect(await finds(id, 'emotional')).toBe(true);
    expect(await finds(id, 'wellbeing')).toBe(false);
  });

  it('follows the organisation being renamed', async () => {
    const org = await t.db.organisation.create({ data: { name: 'Riverside Men’s Shed' } });
    const service = await t.db.service.create({ data: { organisationId: org.id, name: 'Tuesday workshop' } });
    expect(await finds(service.id, 'riverside')).toBe(true);
    await t.db.organisation.update({ where: { id: org.id }, data: { name: 'Millbrook Shed' } });
    expect(await finds(service.id, 'riverside')).toBe(false);
    expect(await finds(service.id, 'millbrook')).toBe(true);
  });

  it('follows the service being edited or moved to another organisation, and cannot be set by hand', async () => {
    const id = await newService('Coffee Morning', 'Biscuits and a chat');
    await t.db.service.update({ where: { id }, data: { description: 'Cake and company' } });
    expect(await finds(id, 'biscuits')).toBe(false);
    expect(await finds(id, 'cake')).toBe(true);

    const other = await t.db.organisation.create({ data: { name: 'Hollybush Church' } });
    await t.db.service.update({ where: { id }, data: { organisationId: other.id } });
    expect(await finds(id, 'hollybush')).toBe(true);
    expect(await finds(id, 'eastbrook')).toBe(false);

    await t.db.$executeRaw`UPDATE "Service" SET "searchVector" = to_tsvector('junk') WHERE "id" = ${id}::uuid`;
    expect(await finds(id, 'junk')).toBe(false);
    expect(await finds(id, 'coffee')).toBe(true);
  });

  it('lets a service with needs be deleted (the cascade passes through the triggers)', async () => {
    const id = await newService('Short-lived');
    await t.db.serviceTaxonomy.create({ data: { serviceId: id, termId: await newTerm('Carers') } });
    await t.db.service.delete({ where: { id } });
    expect(await t.db.serviceTaxonomy.count({ where: { serviceId: id } })).toBe(0);
  });
});

describe('search functions and indexes', () => {
  it('has an IMMUTABLE unaccent wrapper', async () => {
    const rows = await t.db.$queryRaw<{ volatile: string; out: string }[]>`
      SELECT p.provolatile::text AS volatile, public.immutable_unaccent('Crème Brûlée Café') AS out
        FROM pg_proc p WHERE p.oid = 'public.immutable_unaccent(text)'::regprocedure`;
    expect(rows).toEqual([{ volatile: 'i', out: 'Creme Brulee Cafe' }]);
  });

  it('serves full-text queries from the GIN index', async () => {
    const p = await plan(`SELECT 1 FROM "Service" WHERE "searchVector" @@ websearch_to_tsquery('english', 'walk')`);
    expect(p).toContain('Service_searchVector_idx');
  });

  it('serves fuzzy name matching from the trigram index', async () => {
    const p = await plan(`SELECT 1 FROM "Service" WHERE lower(public.immutable_unaccent("name")) % 'walkng grop'`);
    expect(p).toContain('Service_name_trgm_idx');
  });

  it('serves distance searches from the GiST index on ll_to_earth', async () => {
    await t.db.location.create({
      data: { address1: '1 High Street', city: 'Eastbrook', postcode: 'EB1 1AA', latitude: 51.41, longitude: -0.75 },
    });
    const rows = await t.db.$queryRaw<{ metres: number }[]>`
      SELECT earth_distance(ll_to_earth(51.42, -0.75), ll_to_earth("latitude", "longitude")) AS metres
        FROM "Location"
       WHERE earth_box(ll_to_earth(51.42, -0.75), 5000) @> ll_to_earth("latitude", "longitude")`;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.metres).toBeGreaterThan(1000);
    expect(rows[0]!.metres).toBeLessThan(1200);
    const p = await plan(
      `SELECT 1 FROM "Location" WHERE earth_box(ll_to_earth(51.42, -0.75), 5000) @> ll_to_earth("latitude", "longitude")`,
    );
    expect(p).toContain('Location_earth_idx');
  });
});
