// Subject access and erasure: the only ways an admin opens a person's record. Each is audited like
// any other read. Erasure anonymises: the person's identifying details and free text go, while
// cases, conversations (with their scores), referrals and unmet need stay as anonymous figures.
import { can } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/types';
import { recordAudit, recordPeopleListed } from '@/lib/audit/record';
import { isUuid } from '@/lib/forms';
import { Prisma, type Tx } from '@/lib/db/client';
import { referenceMatches } from '@/lib/references';
import { declineReasons } from '@/lib/referrals/lifecycle';
import { ANSWER_PURPOSE } from '@/lib/referrals/answer-links';

export const ANONYMISED_NAME = 'Anonymised person';

type PersonAccess = { ok: true; personId: string; teamIds: string[] } | { ok: false; reason: 'not_found' | 'forbidden' };

async function personAccess(
  tx: Tx,
  user: SessionUser,
  personId: string,
  action: 'person.export' | 'person.erase',
): Promise<PersonAccess> {
  if (!isUuid(personId)) return { ok: false, reason: 'not_found' };
  const person = await tx.person.findUnique({
    where: { id: personId },
    select: { id: true, cases: { select: { teamId: true } } },
  });
  if (!person) return { ok: false, reason: 'not_found' };
  const teamIds = [...new Set(person.cases.map((c) => c.teamId))];
  if (!can(user, action, { kind: 'person', teamIds })) return { ok: false, reason: 'forbidden' };
  return { ok: true, personId, teamIds };
}

export type PersonMatch = {
  id: string;
  name: string;
  anonymised: boolean;
  cases: Array<{ reference: string; status: string; receivedAt: Date }>;
};

/** An admin finds a person by a case reference, or by name, to answer a request about them. */
export async function findPeople(
  tx: Tx,
  user: SessionUser,
  query: string,
  now: Date = new Date(),
): Promise<PersonMatch[] | null> {
  if (!can(user, 'person.export', { kind: 'person', teamIds: [] })) return null;
  const q = query.trim().slice(0, 100);
  if (q.length < 2) return [];
  // A reference matches however it is typed (spaces, hyphens, case), in today's shape or an older one.
  const byReference = await tx.$queryRaw<{ personId: string }[]>`
    SELECT DISTINCT "personId" FROM "Case" WHERE ${referenceMatches(Prisma.sql`reference`, q)}`;
  const people = await tx.person.findMany({
    where: {
      OR: [{ id: { in: byReference.map((r) => r.personId) } }, { name: { contains: q, mode: 'insensitive' } }],
    },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    take: 25,
    select: {
      id: true,
      name: true,
      anonymisedAt: true,
      cases: { orderBy: { receivedAt: 'desc' }, select: { reference: true, status: true, receivedAt: true } },
    },
  });
  await recordAudit(tx, {
    actor: user,
    action: 'person.searched',
    entityType: 'person',
    detail: { purpose: 'subject_access', results: people.length },
    at: now,
  });
  await recordPeopleListed(
    tx,
    user,
    'person.listed',
    people.map((p) => ({ personId: p.id, entityType: 'person', entityId: p.id })),
    now,
  );
  return people.map((p) => ({ id: p.id, name: p.name, anonymised: p.anonymisedAt !== null, cases: p.cases }));
}

export type PersonSummary = {
  id: string;
  name: string;
  anonymisedAt: Date | null;
  counts: {
    cases: number;
    conversations: number;
    referrals: number;
    consents: number;
    unmetNeeds: number;
    safeguarding: number;
    auditEvents: number;
  };
  cases: Array<{ id: string; reference: string; status: string; receivedAt: Date; teamName: string }>;
};

/** What the admin page shows before an export or erasure: counts, not content. Audited. */
export async function personSummary(
  tx: Tx,
  user: SessionUser,
  personId: string,
  now: Date = new Date(),
): Promise<{ ok: true; summary: PersonSummary } | { ok: false; reason: 'not_found' | 'forbidden' }> {
  const access = await personAccess(tx, user, personId, 'person.export');
  if (!access.ok) return access;
  const p = await tx.person.findUniqueOrThrow({
    where: { id: personId },
    select: {
      id: true,
      name: true,
      anonymisedAt: true,
      _count: { select: { consents: true, cases: true } },
      cases: {
        orderBy: { receivedAt: 'desc' },
        select: { id: true, reference: true, status: true, receivedAt: true, team: { select: { name: true } } },
      },
    },
  });
  const conversations = await tx.conversation.count({ where: { case: { personId } } });
  const referrals = await tx.referral.count({ where: { case: { personId } } });
  const unmetNeeds = await tx.unmetNeed.count({ where: { case: { personId } } });
  const safeguarding = await tx.safeguardingConcern.count({ where: { case: { personId } } });
  const auditEvents = await tx.auditEvent.count({ where: { personId } });
  await recordAudit(tx, {
    actor: user,
    action: 'person.viewed',
    entityType: 'person',
    entityId: personId,
    personId,
    detail: { purpose: 'subject_access' },
    at: now,
  });
  return {
    ok: true,
    summary: {
      id: p.id,
      name: p.name,
      anonymisedAt: p.anonymisedAt,
      counts: {
        cases: p._count.cases,
        conversations,
        referrals,
        consents: p._count.consents,
        unmetNeeds,
        safeguarding,
        auditEvents,
      },
      cases: p.cases.map((c) => ({
        id: c.id,
        reference: c.reference,
        status: c.status,
        receivedAt: c.receivedAt,
        teamName: c.team.name,
      })),
    },
  };
}

/** Everything held about a person, as JSON, for a subject access request. Audited. */
export async function exportPerson(
  tx: Tx,
  user: SessionUser,
  personId: string,
  now: Date = new Date(),
): Promise<{ ok: true; data: Record<string, unknown> } | { ok: false; reason: 'not_found' | 'forbidden' }> {
  const access = await personAccess(tx, user, personId, 'person.export');
  if (!access.ok) return access;
  // Written first, so the export lists its own making among the record's accesses.
  await recordAudit(tx, {
    actor: user,
    action: 'person.exported',
    entityType: 'person',
    entityId: personId,
    personId,
    detail: { purpose: 'subject_access' },
    at: now,
  });
  const person = await tx.person.findUniqueOrThrow({
    where: { id: personId },
    include: {
      area: { select: { code: true, name: true, ward: { select: { name: true } } } },
      gpPractice: { select: { code: true, name: true } },
      consents: { orderBy: { givenAt: 'asc' } },
      cases: {
        orderBy: { receivedAt: 'asc' },
        include: {
          team: { select: { name: true } },
          assignedWorker: { select: { name: true } },
          needs: { select: { term: { select: { code: true, name: true } } } },
          conversations: {
            orderBy: [{ occurredAt: 'asc' }, { createdAt: 'asc' }],
            include: { worker: { select: { name: true } }, needs: { select: { term: { select: { code: true, name: true } } } } },
          },
          referrals: {
            orderBy: { createdAt: 'asc' },
            include: {
              service: { select: { name: true, organisation: { select: { name: true } } } },
              createdBy: { select: { name: true } },
              events: { orderBy: { createdAt: 'asc' } },
            },
          },
          unmetNeeds: { orderBy: { recordedAt: 'asc' }, include: { term: { select: { code: true, name: true } } } },
          safeguarding: { orderBy: { raisedAt: 'asc' } },
          signposts: { orderBy: { createdAt: 'asc' } },
          events: { orderBy: { createdAt: 'asc' } },
          contactAttempts: { orderBy: { createdAt: 'asc' } },
        },
      },
    },
  });
  const audit = await tx.auditEvent.findMany({
    where: { personId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: {
      createdAt: true,
      action: true,
      entityType: true,
      entityId: true,
      actorRole: true,
      actor: { select: { name: true } },
    },
  });
  return {
    ok: true,
    data: {
      exportedAt: now.toISOString(),
      format: 'subject-access-v1',
      person,
      accessLog: audit.map((a) => ({
        at: a.createdAt,
        action: a.action,
        record: a.entityType,
        recordId: a.entityId,
        by: a.actor?.name ?? null,
        role: a.actorRole,
      })),
    },
  };
}

export type EraseResult = { ok: true; alreadyAnonymised: boolean } | { ok: false; reason: 'not_found' | 'forbidden' };

/**
 * Anonymises a person. Kept: the area (a statistical area of about 1,500 people), age band,
 * case source, dates, statuses, outcomes, ONS4 scores, need themes, referral statuses and
 * decline reasons, so the reports still count them. Removed: everything that identifies the
 * person or was written about them.
 */
export async function anonymisePerson(tx: Tx, user: SessionUser, personId: string, now: Date = new Date()): Promise<EraseResult> {
  const access = await personAccess(tx, user, personId, 'person.erase');
  if (!access.ok) return access;
  const person = await tx.person.findUniqueOrThrow({ where: { id: personId }, select: { anonymisedAt: true } });
  if (person.anonymisedAt) return { ok: true, alreadyAnonymised: true };

  const caseIds = (await tx.case.findMany({ where: { personId }, select: { id: true } })).map((c) => c.id);
  const referralIds = (await tx.referral.findMany({ where: { caseId: { in: caseIds } }, select: { id: true } })).map((r) => r.id);

  await tx.person.update({
    where: { id: personId },
    data: {
      name: ANONYMISED_NAME,
      email: null,
      phone: null,
      contactNotes: null,
      dateOfBirth: null,
      postcode: null,
      gender: null,
      ethnicity: null,
      disability: null,
      gpPracticeId: null,
      anonymisedAt: now,
      version: { increment: 1 },
    },
  });
  await tx.consent.updateMany({ where: { personId }, data: { note: null, withdrawnReason: null } });
  await tx.case.updateMany({
    where: { id: { in: caseIds } },
    data: {
      referrerName: null,
      referrerOrganisation: null,
      referrerEmail: null,
      referrerPhone: null,
      submissionKey: null,
      whatMatters: '',
      ragReason: null,
      outcomeNote: null,
      version: { increment: 1 },
    },
  });
  await tx.conversation.updateMany({
    where: { caseId: { in: caseIds } },
    data: { whatMatters: '', strengths: '', goals: '', actions: '', correctionNote: null },
  });
  await tx.referral.updateMany({ where: { id: { in: referralIds } }, data: { sharedInfo: {}, message: null } });
  // Decline reasons are a closed list and count in the reports; other reasons are free text.
  await tx.referralEvent.updateMany({ where: { referralId: { in: referralIds } }, data: { note: null } });
  await tx.referralEvent.updateMany({
    where: { referralId: { in: referralIds }, NOT: { reason: { in: declineReasons } } },
    data: { reason: null },
  });
  await tx.unmetNeed.updateMany({ where: { caseId: { in: caseIds } }, data: { note: null } });
  // Why a case moved or reopened is free text, and so is a reopened case's earlier outcome note.
  await tx.caseEvent.updateMany({ where: { caseId: { in: caseIds } }, data: { reason: null } });
  await tx.$executeRaw`UPDATE "CaseEvent" SET detail = detail - 'outcomeNote' WHERE "caseId" = ANY(${caseIds}::uuid[]) AND detail ? 'outcomeNote'`;
  await tx.safeguardingConcern.updateMany({ where: { caseId: { in: caseIds } }, data: { summary: '', referredToDetail: null } });
  // Answer links would show the (now empty) details; stop them.
  await tx.actionToken.updateMany({
    where: { purpose: ANSWER_PURPOSE, subjectId: { in: referralIds }, usedAt: null },
    data: { usedAt: now },
  });
  await recordAudit(tx, {
    actor: user,
    action: 'person.anonymised',
    entityType: 'person',
    entityId: personId,
    personId,
    detail: { cases: caseIds.length, referrals: referralIds.length },
    at: now,
  });
  return { ok: true, alreadyAnonymised: false };
}
