// Reading one referral for triage. The caller checks permission with `triageCaseTeam` first, then
// reads the record (and records that it did: every view of a person's record is audited).
import { recordAudit } from '@/lib/audit/record';
import type { SessionUser } from '@/lib/auth/types';
import { config } from '@/lib/config';
import type { Tx } from '@/lib/db/client';
import type {
  CaseOutcome,
  CaseSource,
  CaseStatus,
  ConsentScope,
  ContactMethod,
  Rag,
  SafeguardingTeam,
} from '@/lib/db/generated/client';
import { calendarDaysBetween } from '@/lib/format/dates';
import { attemptsInARow } from '@/lib/cases/contact-attempts';
import { ENGLAND_AND_WALES_BANK_HOLIDAYS, workingDaysBetween } from '@/lib/calendar/working-days';
import { isWaiting } from './decisions';
import { dueDate, targetDays, type Targets } from './targets';

/** The team a case belongs to, for the permission check before anything else is read. */
export async function triageCaseTeam(tx: Tx, caseId: string): Promise<{ id: string; teamId: string; personId: string } | null> {
  return tx.case.findUnique({ where: { id: caseId }, select: { id: true, teamId: true, personId: true } });
}

export type TriageCaseView = {
  id: string;
  reference: string;
  version: number;
  teamId: string;
  teamName: string;
  status: CaseStatus;
  waiting: boolean;
  source: CaseSource;
  referrer: { name: string | null; organisation: string | null; email: string | null; phone: string | null };
  whatMatters: string;
  receivedAt: Date;
  daysWaiting: number;
  workingDaysWaiting: number;
  targetWorkingDays: number;
  dueBy: Date;
  overTarget: boolean;
  rag: Rag | null;
  ragReason: string | null;
  triagedAt: Date | null;
  triagedBy: string | null;
  assignedWorker: { id: string; name: string } | null;
  /** The coordinator who assigned it. */
  assignedBy: string | null;
  assignedAt: Date | null;
  firstContactAt: Date | null;
  closedAt: Date | null;
  outcome: CaseOutcome | null;
  outcomeNote: string | null;
  /** Tries to reach the person since the latest conversation (or reopening). */
  attempts: number;
  person: {
    id: string;
    name: string;
    phone: string | null;
    email: string | null;
    preferredContact: ContactMethod;
    contactNotes: string | null;
    dateOfBirth: Date | null;
    ageBand: string | null;
    postcode: string | null;
    areaName: string | null;
    wardName: string | null;
    gpPractice: string | null;
  };
  consents: { scope: ConsentScope; givenAt: Date; withdrawnAt: Date | null; note: string | null }[];
  needs: { id: string; code: string; name: string }[];
  signposts: { serviceId: string; serviceName: string; organisationName: string; createdAt: Date }[];
  safeguarding: {
    id: string;
    raisedAt: Date;
    referredTo: SafeguardingTeam;
    referredToDetail: string | null;
    summary: string;
    raisedBy: string | null;
  }[];
};

export async function triageCaseView(
  tx: Tx,
  caseId: string,
  options: { now?: Date; targets?: Targets; holidays?: readonly string[] } = {},
): Promise<TriageCaseView | null> {
  const now = options.now ?? new Date();
  const targets = options.targets ?? config.triageTargetWorkingDays;
  const holidays = options.holidays ?? ENGLAND_AND_WALES_BANK_HOLIDAYS;
  const c = await tx.case.findUnique({
    where: { id: caseId },
    include: {
      team: { select: { name: true } },
      assignedWorker: { select: { id: true, name: true } },
      person: {
        include: {
          area: { select: { name: true, ward: { select: { name: true } } } },
          gpPractice: { select: { name: true } },
          consents: {
            orderBy: [{ givenAt: 'asc' }, { id: 'asc' }],
            select: { scope: true, givenAt: true, withdrawnAt: true, note: true },
          },
        },
      },
      needs: { include: { term: { select: { id: true, code: true, name: true, sortOrder: true } } } },
      signposts: { orderBy: { createdAt: 'asc' }, select: { serviceId: true, createdAt: true } },
      safeguarding: { orderBy: { raisedAt: 'asc' } },
    },
  });
  if (!c) return null;

  const userIds = [
    ...new Set(
      [c.triagedById, c.assignedById, ...c.safeguarding.map((s) => s.raisedById)].filter((id): id is string => Boolean(id)),
    ),
  ];
  const [users, services, attempts] = await Promise.all([
    userIds.length ? tx.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : [],
    c.signposts.length
      ? tx.service.findMany({
          where: { id: { in: c.signposts.map((s) => s.serviceId) } },
          select: { id: true, name: true, organisation: { select: { name: true } } },
        })
      : [],
    attemptsInARow(tx, c.id),
  ]);
  const userName = new Map(users.map((u) => [u.id, u.name]));
  const serviceById = new Map(services.map((s) => [s.id, s]));

  const workingDaysWaiting = workingDaysBetween(c.receivedAt, c.firstContactAt ?? now, holidays);
  const targetWorkingDays = targetDays(c.rag, targets);
  return {
    id: c.id,
    reference: c.reference,
    version: c.version,
    teamId: c.teamId,
    teamName: c.team.name,
    status: c.status,
    waiting: isWaiting(c),
    source: c.source,
    referrer: { name: c.referrerName, organisation: c.referrerOrganisation, email: c.referrerEmail, phone: c.referrerPhone },
    whatMatters: c.whatMatters,
    receivedAt: c.receivedAt,
    daysWaiting: calendarDaysBetween(c.receivedAt, c.firstContactAt ?? now),
    workingDaysWaiting,
    targetWorkingDays,
    dueBy: dueDate(c.receivedAt, c.rag, targets, holidays),
    overTarget: c.firstContactAt === null && workingDaysWaiting > targetWorkingDays,
    rag: c.rag,
    ragReason: c.ragReason,
    triagedAt: c.triagedAt,
    triagedBy: c.triagedById ? (userName.get(c.triagedById) ?? null) : null,
    assignedWorker: c.assignedWorker,
    assignedBy: c.assignedById ? (userName.get(c.assignedById) ?? null) : null,
    assignedAt: c.assignedAt,
    firstContactAt: c.firstContactAt,
    closedAt: c.closedAt,
    outcome: c.outcome,
    outcomeNote: c.outcomeNote,
    attempts,
    person: {
      id: c.person.id,
      name: c.person.name,
      phone: c.person.phone,
      email: c.person.email,
      preferredContact: c.person.preferredContact,
      contactNotes: c.person.contactNotes,
      dateOfBirth: c.person.dateOfBirth,
      ageBand: c.person.ageBand,
      postcode: c.person.postcode,
      areaName: c.person.area?.name ?? null,
      wardName: c.person.area?.ward.name ?? null,
      gpPractice: c.person.gpPractice?.name ?? null,
    },
    consents: c.person.consents,
    needs: c.needs
      .map((n) => n.term)
      .sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name))
      .map(({ id, code, name }) => ({ id, code, name })),
    signposts: c.signposts.map((s) => ({
      serviceId: s.serviceId,
      serviceName: serviceById.get(s.serviceId)?.name ?? 'A service no longer listed',
      organisationName: serviceById.get(s.serviceId)?.organisation.name ?? '',
      createdAt: s.createdAt,
    })),
    safeguarding: c.safeguarding.map((s) => ({
      id: s.id,
      raisedAt: s.raisedAt,
      referredTo: s.referredTo,
      referredToDetail: s.referredToDetail,
      summary: s.summary,
      raisedBy: userName.get(s.raisedById) ?? null,
    })),
  };
}

/** Records that a member of staff opened a person's record through triage. */
export async function auditTriageView(
  tx: Tx,
  actor: Pick<SessionUser, 'id' | 'role'>,
  c: { id: string; personId: string },
  now: Date = new Date(),
) {
  await recordAudit(tx, {
    actor,
    action: 'person.viewed',
    entityType: 'case',
    entityId: c.id,
    personId: c.personId,
    detail: { via: 'triage' },
    at: now,
  });
}

/** What the queue says after a decision: the reference, and who took it. Scoped to the team. */
export async function decisionSummary(
  tx: Tx,
  caseId: string,
  teamId: string,
): Promise<{ reference: string; workerName: string | null } | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(caseId)) return null;
  const c = await tx.case.findFirst({
    where: { id: caseId, teamId },
    select: { reference: true, assignedWorker: { select: { name: true } } },
  });
  return c ? { reference: c.reference, workerName: c.assignedWorker?.name ?? null } : null;
}
