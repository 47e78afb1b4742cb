// Everything the case page shows, loaded once and audited: opening a case is a view of the
// person's record (PRODUCT.md, information governance).
import { can } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/types';
import { listAuditForPerson, recordAudit, type AuditEntry } from '@/lib/audit/record';
import type { Tx } from '@/lib/db/client';
import type { ReferralStatus } from '@/lib/db/generated/enums';
import { describeSharedInfo, type SharedRow } from '@/lib/referrals/shared-info';
import { isFinal } from '@/lib/referrals/lifecycle';
import { sourceLabels } from '@/lib/staff-home/labels';
import { caseAccess } from './access';
import { hasActiveConsent, isActive } from './consent';
import { safeguardingTeamLabels } from './labels';
import { onBehalfChoices } from './refer-out';
import { buildTimeline, type TimelineEntry } from './timeline';

async function loadCase(tx: Tx, caseId: string) {
  return tx.case.findUniqueOrThrow({
    where: { id: caseId },
    include: {
      team: { select: { id: true, name: true } },
      assignedWorker: { select: { id: true, name: true } },
      needs: { select: { term: { select: { id: true, name: true } } } },
      person: {
        include: {
          area: { select: { name: true, ward: { select: { name: true } } } },
          gpPractice: { select: { name: true } },
          consents: { orderBy: [{ givenAt: 'desc' }, { id: 'asc' }] },
        },
      },
      conversations: {
        orderBy: [{ occurredAt: 'desc' }, { createdAt: 'desc' }],
        include: { needs: { select: { term: { select: { id: true, name: true } } } }, supersededBy: { select: { id: true } } },
      },
      referrals: {
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
        include: {
          service: { select: { id: true, name: true, organisationId: true, organisation: { select: { name: true } } } },
          events: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
        },
      },
      unmetNeeds: { orderBy: [{ recordedAt: 'desc' }, { id: 'asc' }], include: { term: { select: { name: true } } } },
      safeguarding: { orderBy: [{ raisedAt: 'desc' }, { id: 'asc' }] },
      signposts: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
    },
  });
}

type Loaded = Awaited<ReturnType<typeof loadCase>>;

export type CasePage = {
  case: Omit<Loaded, 'person' | 'conversations' | 'referrals' | 'unmetNeeds' | 'safeguarding' | 'signposts'>;
  person: Omit<Loaded['person'], 'consents'>;
  consents: Array<Loaded['person']['consents'][number] & { active: boolean; organisationName: string | null; recordedByName: string | null; withdrawnByName: string | null }>;
  canBeContacted: boolean;
  canShare: boolean;
  conversations: Array<Loaded['conversations'][number] & { workerName: string; superseded: boolean }>;
  referrals: Array<{
    id: string;
    status: ReferralStatus;
    version: number;
    serviceId: string;
    serviceName: string;
    organisationName: string;
    sentAt: Date | null;
    message: string | null;
    shared: SharedRow[];
    open: boolean;
    onBehalfChoices: ReferralStatus[];
    events: Array<Loaded['referrals'][number]['events'][number] & { by: string | null }>;
  }>;
  unmetNeeds: Array<Loaded['unmetNeeds'][number] & { recordedByName: string | null }>;
  safeguarding: Array<Loaded['safeguarding'][number] & { raisedByName: string | null }>;
  signposts: Array<{ id: string; serviceId: string; serviceName: string }>;
  timeline: TimelineEntry[];
  /** For coordinators of the team: who viewed and changed this record. */
  audit: AuditEntry[] | null;
  canWrite: boolean;
};

export type OpenCase = { ok: true; page: CasePage } | { ok: false; reason: 'not_found' | 'forbidden' };

/** Loads the case page for a user of the case's team and records the view. */
export async function openCase(tx: Tx, user: SessionUser, caseId: string, now: Date = new Date()): Promise<OpenCase> {
  const access = await caseAccess(tx, user, caseId, 'case.read');
  if (!access.ok) return access;
  await recordAudit(tx, {
    actor: user,
    action: 'case.viewed',
    entityType: 'case',
    entityId: caseId,
    personId: access.facts.personId,
    at: now,
  });

  const c = await loadCase(tx, caseId);
  const userIds = new Set<string>();
  const add = (id: string | null | undefined) => id && userIds.add(id);
  add(c.triagedById);
  add(c.assignedWorkerId);
  add(c.closedById);
  c.person.consents.forEach((x) => (add(x.recordedById), add(x.withdrawnById)));
  c.conversations.forEach((x) => add(x.workerId));
  c.referrals.forEach((r) => r.events.forEach((e) => add(e.actorId)));
  c.unmetNeeds.forEach((u) => add(u.recordedById));
  c.safeguarding.forEach((s) => add(s.raisedById));
  const orgIds = [...new Set(c.person.consents.map((x) => x.organisationId).filter((x): x is string => !!x))];
  const serviceIds = [...new Set(c.signposts.map((s) => s.serviceId))];
  // One after another: inside a transaction the queries share one connection.
  const users = await tx.user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, name: true } });
  const orgs = orgIds.length ? await tx.organisation.findMany({ where: { id: { in: orgIds } }, select: { id: true, name: true } }) : [];
  const services = serviceIds.length ? await tx.service.findMany({ where: { id: { in: serviceIds } }, select: { id: true, name: true } }) : [];
  const userName = new Map(users.map((u) => [u.id, u.name]));
  const names = (id: string | null | undefined) => (id ? (userName.get(id) ?? null) : null);
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  const serviceName = new Map(services.map((s) => [s.id, s.name]));

  const { person: personWithConsents, conversations, referrals, unmetNeeds, safeguarding, signposts, ...kase } = c;
  const { consents, ...person } = personWithConsents;

  const page: CasePage = {
    case: kase,
    person,
    consents: consents.map((x) => ({
      ...x,
      active: isActive(x, now),
      organisationName: x.organisationId ? (orgName.get(x.organisationId) ?? null) : null,
      recordedByName: names(x.recordedById),
      withdrawnByName: names(x.withdrawnById),
    })),
    canBeContacted: hasActiveConsent(consents, 'contact', now),
    canShare: hasActiveConsent(consents, 'share_with_provider', now),
    conversations: conversations.map((x) => ({ ...x, workerName: names(x.workerId) ?? 'A link worker', superseded: x.supersededBy !== null })),
    referrals: referrals.map((r) => ({
      id: r.id,
      status: r.status,
      version: r.version,
      serviceId: r.service.id,
      serviceName: r.service.name,
      organisationName: r.service.organisation.name,
      sentAt: r.sentAt,
      message: r.message,
      shared: describeSharedInfo(r.sharedInfo),
      open: !isFinal(r.status),
      onBehalfChoices: onBehalfChoices(r.status),
      events: r.events.map((e) => ({ ...e, by: names(e.actorId) })),
    })),
    unmetNeeds: unmetNeeds.map((u) => ({ ...u, recordedByName: names(u.recordedById) })),
    safeguarding: safeguarding.map((s) => ({ ...s, raisedByName: names(s.raisedById) })),
    signposts: signposts.map((s) => ({ id: s.id, serviceId: s.serviceId, serviceName: serviceName.get(s.serviceId) ?? 'A service no longer listed' })),
    timeline: buildTimeline(
      {
        receivedAt: c.receivedAt,
        sourceLabel: sourceLabels[c.source],
        triagedAt: c.triagedAt,
        triagedById: c.triagedById,
        rag: c.rag,
        assignedAt: c.assignedAt,
        assignedWorkerId: c.assignedWorkerId,
        closedAt: c.closedAt,
        closedById: c.closedById,
        outcome: c.outcome,
        conversations: conversations.map((x) => ({ ...x, superseded: x.supersededBy !== null })),
        referrals: referrals.map((r) => ({ id: r.id, serviceName: r.service.name, events: r.events })),
        unmetNeeds: unmetNeeds.map((u) => ({ id: u.id, recordedAt: u.recordedAt, themeName: u.term.name, reason: u.reason, recordedById: u.recordedById })),
        safeguarding: safeguarding.map((s) => ({ id: s.id, raisedAt: s.raisedAt, referredToLabel: safeguardingTeamLabels[s.referredTo], raisedById: s.raisedById })),
        consents,
      },
      names,
    ),
    audit: can(user, 'audit.view', { kind: 'case', teamId: c.teamId, assignedWorkerId: c.assignedWorkerId }) ? await listAuditForPerson(tx, c.personId, 200) : null,
    canWrite: can(user, 'case.write', { kind: 'case', teamId: c.teamId, assignedWorkerId: c.assignedWorkerId }),
  };
  return { ok: true, page };
}

/** The case header facts for the smaller pages (conversation form, close, refer out), audited as a view. */
export async function openCaseSummary(tx: Tx, user: SessionUser, caseId: string, purpose: string, now: Date = new Date()) {
  const access = await caseAccess(tx, user, caseId, 'case.write');
  if (!access.ok) return access;
  const c = await tx.case.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      id: true,
      reference: true,
      status: true,
      version: true,
      receivedAt: true,
      firstContactAt: true,
      person: { select: { id: true, name: true, postcode: true, areaId: true, version: true, anonymisedAt: true } },
    },
  });
  await recordAudit(tx, { actor: user, action: 'case.viewed', entityType: 'case', entityId: caseId, personId: c.person.id, detail: { purpose }, at: now });
  return { ok: true as const, summary: c };
}
