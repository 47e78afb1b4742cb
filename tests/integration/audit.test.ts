import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/db/generated/client';
import { listAuditForPerson, recordAudit } from '@/lib/audit/record';
import type { SessionUser } from '@/lib/auth/types';
import { freshDatabase } from '../helpers/db';

let database: Awaited<ReturnType<typeof freshDatabase>>;
let db: PrismaClient;
let worker: SessionUser;
let coordinator: SessionUser;
let personId: string;
let otherPersonId: string;
const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 9, minute));

beforeAll(async () => {
  database = await freshDatabase();
  db = database.db;
  const team = await db.team.create({ data: { name: 'South team' } });
  const w = await db.user.create({
    data: { email: 'w@example.test', name: 'Wren Worker', passwordHash: 'x', role: 'link_worker', teamId: team.id },
  });
  const c = await db.user.create({
    data: { email: 'c@example.test', name: 'Cass Coordinator', passwordHash: 'x', role: 'coordinator', teamId: team.id },
  });
  worker = { id: w.id, name: w.name, email: w.email, role: w.role, teamId: team.id, organisationIds: [] };
  coordinator = { id: c.id, name: c.name, email: c.email, role: c.role, teamId: team.id, organisationIds: [] };
  personId = (await db.person.create({ data: { name: 'Pat Person', postcode: 'EB1 2AA' } })).id;
  otherPersonId = (await db.person.create({ data: { name: 'Other Person' } })).id;
});

afterAll(async () => {
  await database?.drop();
});

describe('recordAudit', () => {
  it('stores who, what and which record, with the role they had then', async () => {
    await recordAudit(db, {
      actor: worker,
      action: 'person.viewed',
      entityType: 'person',
      entityId: personId,
      personId,
      at: at(1),
    });
    const row = await db.auditEvent.findFirstOrThrow({ where: { action: 'person.viewed', actorId: worker.id } });
    expect(row).toMatchObject({ actorRole: 'link_worker', entityType: 'person', entityId: personId, personId, detail: {} });
  });

  it('records the system as a null actor', async () => {
    await recordAudit(db, { actor: null, action: 'referral.expired', entityType: 'referral', entityId: 'r-1' });
    const row = await db.auditEvent.findFirstOrThrow({ where: { action: 'referral.expired' } });
    expect(row.actorId).toBeNull();
    expect(row.actorRole).toBeNull();
  });

  it('never stores personal data in the detail', async () => {
    await recordAudit(db, {
      actor: worker,
      action: 'person.updated',
      entityType: 'person',
      entityId: personId,
      personId,
      detail: {
        fields: ['phone', 'postcode'],
        name: 'Pat Person',
        newPostcode: 'EB1 2AA',
        value: 'pat@example.test',
        version: 2,
      },
      at: at(2),
    });
    const row = await db.auditEvent.findFirstOrThrow({ where: { action: 'person.updated' } });
    expect(row.detail).toEqual({ fields: ['phone', 'postcode'], version: 2, _redacted: ['name', 'newPostcode', 'value'] });
    expect(JSON.stringify(row.detail)).not.toMatch(/Pat|EB1|example\.test/);
  });
});

describe('listAuditForPerson', () => {
  it('lists everything done with one person, newest first, naming who did it', async () => {
    await recordAudit(db, {
      actor: coordinator,
      action: 'case.assigned',
      entityType: 'case',
      entityId: 'c-1',
      personId,
      detail: { to: worker.id },
      at: at(3),
    });
    await recordAudit(db, {
      actor: worker,
      action: 'person.viewed',
      entityType: 'person',
      entityId: otherPersonId,
      personId: otherPersonId,
    });

    const entries = await listAuditForPerson(db, personId);
    expect(entries.map((e) => e.action)).toEqual(['case.assigned', 'person.updated', 'person.viewed']);
    expect(entries[0]).toMatchObject({
      actor: { id: coordinator.id, name: 'Cass Coordinator', role: 'coordinator' },
      actorRoleThen: 'coordinator',
      entityType: 'case',
      detail: { to: worker.id },
    });
    expect(entries.every((e) => e.actor !== null)).toBe(true);
    expect((await listAuditForPerson(db, otherPersonId)).map((e) => e.actor?.name)).toEqual(['Wren Worker']);
  });

  it('shows the role held at the time even after it changes', async () => {
    await db.user.update({ where: { id: worker.id }, data: { role: 'coordinator' } });
    const viewed = (await listAuditForPerson(db, personId)).find((e) => e.action === 'person.viewed')!;
    expect(viewed.actor?.role).toBe('coordinator');
    expect(viewed.actorRoleThen).toBe('link_worker');
  });
});
