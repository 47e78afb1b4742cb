// Everything the case page shows, loaded once and audited: opening a case is a view of the
// person's record (PRODUCT.md, information governance).
import { can } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/types';
import { listAuditForPerson, recordAudit, type AuditEntry } from '@/lib/audit/record';
import { Prisma, type Tx } from '@/lib/db/client';
import type {
  Case,
  CaseEvent,
  Consent,
  ContactAttempt,
  Conversation,
  Person,
  Referral,
  ReferralEvent,
  SafeguardingConcern,
  Signpost,
  UnmetNeed,
} from '@/lib/db/generated/client';
import type { ReferralStatus } from '@/lib/db/generated/enums';
import { describeSharedInfo, type SharedRow } from '@/lib/referrals/shared-info';
import { isFinal } from '@/lib/referrals/lifecycle';
import { caseAccess } from './access';
import { hasActiveConsent, isActive } from './consent';
import { safeguardingTeamLabels, sourceLabels } from './labels';
import { onBehalfChoices } from './refer-out';
import { buildTimeline, type TimelineEntry } from './timeline';
import { attemptsInARowSql, mayCloseAsCouldNotContact } from './contact-attempts';
import { compareOns4, type Ons4Comparison } from './ons4';
import { ageOn } from '@/lib/format/dates';

/**
 * How much history the case page loads by default: the newest HISTORY_WINDOW conversations and
 * referral status changes (together), with everything else since the oldest of them. "Show the
 * full history" (`history: 'all'`) loads the rest, up to HISTORY_CEILING of each.
 */
export const HISTORY_WINDOW = 50;
export const HISTORY_CEILING = 1000;

type Term = { id: string; name: string };
type Loaded = Case & {
  team: { id: string; name: string };
  assignedWorker: { id: string; name: string } | null;
  needs: Array<{ term: Term }>;
  person: Person & {
    area: { name: string; ward: { name: string } } | null;
    gpPractice: { name: string } | null;
    consents: Consent[];
  };
  conversations: Array<Conversation & { needs: Array<{ term: Term }>; supersededBy: { id: string } | null }>;
  referrals: Array<
    Referral & {
      service: { id: string; name: string; organisationId: string; organisation: { name: string } };
      events: ReferralEvent[];
    }
  >;
  unmetNeeds: Array<UnmetNeed & { term: { name: string } }>;
  safeguarding: SafeguardingConcern[];
  signposts: Signpost[];
  events: CaseEvent[];
  contactAttempts: ContactAttempt[];
};

type LoadedPage = {
  loaded: Loaded;
  attemptsInARow: number;
  users: Record<string, string>;
  organisations: Record<string, string>;
  services: Record<string, string>;
  history: CaseHistory;
};

// PostgreSQL's JSON writes a timestamp (UTC here, without a zone) as "2026-11-23T14:17:00.123"
// and a date as "2026-11-23"; Prisma gives both as Dates (a date at UTC midnight).
function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  const text = String(value);
  return new Date(text.length > 10 && !/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? `${text}Z` : text);
}
function withDates<T>(row: Record<string, unknown>, keys: readonly string[]): T {
  for (const key of keys) if (key in row) row[key] = toDate(row[key]);
  return row as T;
}
const dateKeys = {
  case: ['receivedAt', 'triagedAt', 'assignedAt', 'firstContactAt', 'closedAt', 'createdAt', 'updatedAt'],
  person: ['dateOfBirth', 'anonymisedAt', 'createdAt', 'updatedAt'],
  consent: ['givenAt', 'withdrawnAt'],
  conversation: ['occurredAt', 'nextFollowUpOn', 'createdAt'],
  referral: ['sentAt', 'respondedAt', 'reminderSentAt', 'createdAt', 'updatedAt'],
  event: ['createdAt'],
  unmetNeed: ['recordedAt'],
  safeguarding: ['raisedAt'],
  signpost: ['createdAt'],
  createdAt: ['createdAt'],
} as const;

/**
 * The whole case page in one statement (one round trip instead of one per relation): the case,
 * the person, agreements, needs, unmet need, safeguarding and signposts in full, the newest
 * history (see HISTORY_WINDOW), and the names of everyone and everything they mention.
 */
async function loadCase(tx: Tx, caseId: string, all: boolean): Promise<LoadedPage> {
  const window = all ? HISTORY_CEILING : HISTORY_WINDOW;
  const [row] = await tx.$queryRaw<Array<{ page: Record<string, unknown> | null }>>`
    WITH
    recent AS (
      (SELECT cv."occurredAt" AS at FROM "Conversation" cv WHERE cv."caseId" = ${caseId}::uuid ORDER BY cv."occurredAt" DESC LIMIT ${window})
      UNION ALL
      (SELECT e."createdAt" FROM "ReferralEvent" e JOIN "Referral" r ON r.id = e."referralId" WHERE r."caseId" = ${caseId}::uuid ORDER BY e."createdAt" DESC LIMIT ${window})
    ),
    cut AS (SELECT (SELECT at FROM recent ORDER BY at DESC OFFSET ${window - 1} LIMIT 1) AS at),
    k AS (SELECT * FROM "Case" WHERE id = ${caseId}::uuid),
    p AS (SELECT pe.* FROM "Person" pe WHERE pe.id = (SELECT "personId" FROM k)),
    consents AS (SELECT co.* FROM "Consent" co WHERE co."personId" = (SELECT "personId" FROM k)),
    convs AS (SELECT cv.* FROM "Conversation" cv, cut WHERE cv."caseId" = ${caseId}::uuid AND (cut.at IS NULL OR cv."occurredAt" >= cut.at)),
    refs AS (
      SELECT r.* FROM "Referral" r, cut
      WHERE r."caseId" = ${caseId}::uuid
        AND (cut.at IS NULL OR r."createdAt" >= cut.at OR EXISTS (SELECT 1 FROM "ReferralEvent" e WHERE e."referralId" = r.id AND e."createdAt" >= cut.at))
    ),
    evs AS (SELECT e.* FROM "ReferralEvent" e WHERE e."referralId" IN (SELECT id FROM refs)),
    unmet AS (SELECT u.* FROM "UnmetNeed" u WHERE u."caseId" = ${caseId}::uuid),
    sg AS (SELECT s.* FROM "SafeguardingConcern" s WHERE s."caseId" = ${caseId}::uuid),
    sp AS (SELECT s.* FROM "Signpost" s WHERE s."caseId" = ${caseId}::uuid),
    ce AS (SELECT e.* FROM "CaseEvent" e WHERE e."caseId" = ${caseId}::uuid),
    tries AS (SELECT a.* FROM "ContactAttempt" a WHERE a."caseId" = ${caseId}::uuid),
    mentioned AS (
      SELECT "triagedById" AS id FROM k UNION SELECT "assignedWorkerId" FROM k UNION SELECT "assignedById" FROM k
      UNION SELECT "closedById" FROM k
      UNION SELECT "recordedById" FROM consents UNION SELECT "withdrawnById" FROM consents
      UNION SELECT "workerId" FROM convs UNION SELECT "actorId" FROM evs
      UNION SELECT "recordedById" FROM unmet UNION SELECT "raisedById" FROM sg
      UNION SELECT "actorId" FROM ce UNION SELECT "fromWorkerId" FROM ce UNION SELECT "toWorkerId" FROM ce
      UNION SELECT ("detail"->>'closedById')::uuid FROM ce WHERE "detail"->>'closedById' IS NOT NULL
      UNION SELECT "userId" FROM tries
    )
    SELECT CASE WHEN EXISTS (SELECT 1 FROM k) THEN json_build_object(
      'case', (SELECT to_jsonb(k) FROM k),
      'team', (SELECT json_build_object('id', t.id, 'name', t.name) FROM "Team" t JOIN k ON t.id = k."teamId"),
      'assignedWorker', (SELECT json_build_object('id', u.id, 'name', u.name) FROM "User" u JOIN k ON u.id = k."assignedWorkerId"),
      'needs', (SELECT coalesce(json_agg(json_build_object('term', json_build_object('id', t.id, 'name', t.name)) ORDER BY n."termId"), '[]')
                FROM "CaseNeed" n JOIN "TaxonomyTerm" t ON t.id = n."termId" WHERE n."caseId" = ${caseId}::uuid),
      'person', (SELECT to_jsonb(p) FROM p),
      'area', (SELECT json_build_object('name', a.name, 'ward', json_build_object('name', w.name))
               FROM p JOIN "Area" a ON a.id = p."areaId" JOIN "Ward" w ON w.id = a."wardId"),
      'gpPractice', (SELECT json_build_object('name', g.name) FROM p JOIN "GpPractice" g ON g.id = p."gpPracticeId"),
      'consents', (SELECT coalesce(json_agg(to_jsonb(c) ORDER BY c."givenAt" DESC, c.id ASC), '[]') FROM consents c),
      'conversations', (
        SELECT coalesce(json_agg(to_jsonb(cv) || jsonb_build_object(
          'needs', (SELECT coalesce(jsonb_agg(jsonb_build_object('term', jsonb_build_object('id', t.id, 'name', t.name)) ORDER BY n."termId"), '[]')
                    FROM "ConversationNeed" n JOIN "TaxonomyTerm" t ON t.id = n."termId" WHERE n."conversationId" = cv.id),
          'supersededBy', (SELECT jsonb_build_object('id', s.id) FROM "Conversation" s WHERE s."supersedesId" = cv.id)
        ) ORDER BY cv."occurredAt" DESC, cv."createdAt" DESC, cv.id ASC), '[]')
        FROM convs cv),
      'referrals', (
        SELECT coalesce(json_agg(to_jsonb(r) || jsonb_build_object(
          'service', jsonb_build_object('id', sv.id, 'name', sv.name, 'organisationId', sv."organisationId", 'organisation', jsonb_build_object('name', o.name)),
          'events', (SELECT coalesce(jsonb_agg(to_jsonb(e) ORDER BY e."createdAt" ASC, e.id ASC), '[]') FROM evs e WHERE e."referralId" = r.id)
        ) ORDER BY r."createdAt" DESC, r.id ASC), '[]')
        FROM refs r JOIN "Service" sv ON sv.id = r."serviceId" JOIN "Organisation" o ON o.id = sv."organisationId"),
      'unmetNeeds', (SELECT coalesce(json_agg(to_jsonb(u) || jsonb_build_object('term', jsonb_build_object('name', t.name)) ORDER BY u."recordedAt" DESC, u.id ASC), '[]')
                     FROM unmet u JOIN "TaxonomyTerm" t ON t.id = u."termId"),
      'safeguarding', (SELECT coalesce(json_agg(to_jsonb(s) ORDER BY s."raisedAt" DESC, s.id ASC), '[]') FROM sg s),
      'signposts', (SELECT coalesce(json_agg(to_jsonb(s) ORDER BY s."createdAt" ASC, s.id ASC), '[]') FROM sp s),
      'events', (SELECT coalesce(json_agg(to_jsonb(e) ORDER BY e."createdAt" ASC, e.id ASC), '[]') FROM ce e),
      'contactAttempts', (SELECT coalesce(json_agg(to_jsonb(a) ORDER BY a."createdAt" ASC, a.id ASC), '[]') FROM tries a),
      'users', (SELECT coalesce(json_object_agg(u.id, u.name), '{}') FROM "User" u WHERE u.id IN (SELECT id FROM mentioned)),
      'organisations', (SELECT coalesce(json_object_agg(o.id, o.name), '{}') FROM "Organisation" o WHERE o.id IN (SELECT "organisationId" FROM consents)),
      'services', (SELECT coalesce(json_object_agg(s.id, s.name), '{}') FROM "Service" s WHERE s.id IN (SELECT "serviceId" FROM sp)),
      'cutoff', (SELECT at FROM cut),
      'older', (SELECT cut.at IS NOT NULL AND (
                  EXISTS (SELECT 1 FROM "Conversation" cv WHERE cv."caseId" = ${caseId}::uuid AND cv."occurredAt" < cut.at)
                  OR EXISTS (SELECT 1 FROM "ReferralEvent" e JOIN "Referral" r ON r.id = e."referralId" WHERE r."caseId" = ${caseId}::uuid AND e."createdAt" < cut.at))
                FROM cut),
      'conversationCount', (SELECT count(*) FROM "Conversation" cv WHERE cv."caseId" = ${caseId}::uuid),
      'attemptsInARow', ${attemptsInARowSql(Prisma.sql`${caseId}::uuid`)},
      'referralCount', (SELECT count(*) FROM "Referral" r WHERE r."caseId" = ${caseId}::uuid)
    ) END AS page`;
  const page = row?.page;
  if (!page) throw new Error(`Case ${caseId} not found`);
  type Json = Record<string, unknown>;
  const person = withDates<Loaded['person']>(page.person as Json, dateKeys.person);
  person.area = page.area as Loaded['person']['area'];
  person.gpPractice = page.gpPractice as Loaded['person']['gpPractice'];
  person.consents = (page.consents as Json[]).map((c) => withDates<Consent>(c, dateKeys.consent));
  const loaded: Loaded = {
    ...withDates<Case>(page.case as Json, dateKeys.case),
    team: page.team as Loaded['team'],
    assignedWorker: page.assignedWorker as Loaded['assignedWorker'],
    needs: page.needs as Loaded['needs'],
    person,
    conversations: (page.conversations as Json[]).map((c) =>
      withDates<Loaded['conversations'][number]>(c, dateKeys.conversation),
    ),
    referrals: (page.referrals as Json[]).map((r) => {
      const referral = withDates<Loaded['referrals'][number]>(r, dateKeys.referral);
      referral.events = (r.events as Json[]).map((e) => withDates<ReferralEvent>(e, dateKeys.event));
      return referral;
    }),
    unmetNeeds: (page.unmetNeeds as Json[]).map((u) => withDates<Loaded['unmetNeeds'][number]>(u, dateKeys.unmetNeed)),
    safeguarding: (page.safeguarding as Json[]).map((s) => withDates<SafeguardingConcern>(s, dateKeys.safeguarding)),
    signposts: (page.signposts as Json[]).map((s) => withDates<Signpost>(s, dateKeys.signpost)),
    events: (page.events as Json[]).map((e) => withDates<CaseEvent>(e, dateKeys.createdAt)),
    contactAttempts: (page.contactAttempts as Json[]).map((a) => withDates<ContactAttempt>(a, dateKeys.createdAt)),
  };
  return {
    loaded,
    attemptsInARow: Number(page.attemptsInARow),
    users: page.users as Record<string, string>,
    organisations: page.organisations as Record<string, string>,
    services: page.services as Record<string, string>,
    history: {
      complete: !page.older,
      since: page.older ? toDate(page.cutoff) : null,
      conversations: Number(page.conversationCount),
      referrals: Number(page.referralCount),
    },
  };
}

/** What the page holds of the case's history. */
export type CaseHistory = {
  /** Everything is loaded. */
  complete: boolean;
  /** When not complete: the page shows conversations and referral changes from this instant on. */
  since: Date | null;
  /** All the case's conversations and referrals, loaded or not. */
  conversations: number;
  referrals: number;
};

export type CasePage = {
  case: Omit<
    Loaded,
    'person' | 'conversations' | 'referrals' | 'unmetNeeds' | 'safeguarding' | 'signposts' | 'events' | 'contactAttempts'
  >;
  person: Omit<Loaded['person'], 'consents'> & {
    /** Whole years, from the date of birth. */
    age: number | null;
  };
  consents: Array<
    Loaded['person']['consents'][number] & {
      active: boolean;
      organisationName: string | null;
      recordedByName: string | null;
      withdrawnByName: string | null;
    }
  >;
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
  contact: {
    /** Tries to reach the person since the latest conversation or reopening. */
    attemptsInARow: number;
    /** At least the configured number in a row: offer "close: could not contact". */
    offerClose: boolean;
    latest: { at: Date; outcome: ContactAttempt['outcome']; by: string | null } | null;
  };
  /** ONS4 first and closing answers side by side; null until a closing conversation answered. */
  ons4: Ons4Comparison | null;
  /** Newest first; when the history is not complete, only what happened since `history.since`. */
  timeline: TimelineEntry[];
  history: CaseHistory;
  /** For coordinators of the team: who viewed and changed this record. */
  audit: AuditEntry[] | null;
  canWrite: boolean;
  /** A coordinator of the team may move the case to another worker. */
  canReassign: boolean;
};

export type OpenCase = { ok: true; page: CasePage } | { ok: false; reason: 'not_found' | 'forbidden' };

/** Loads the case page for a user of the case's team and records the view. */
export async function openCase(
  tx: Tx,
  user: SessionUser,
  caseId: string,
  now: Date = new Date(),
  options: { history?: 'recent' | 'all' } = {},
): Promise<OpenCase> {
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

  const {
    loaded: c,
    attemptsInARow,
    users,
    organisations,
    services,
    history,
  } = await loadCase(tx, caseId, options.history === 'all');
  const names = (id: string | null | undefined) => (id ? (users[id] ?? null) : null);
  const orgName = (id: string) => organisations[id] ?? null;
  const serviceName = (id: string) => services[id] ?? null;

  const {
    person: personWithConsents,
    conversations,
    referrals,
    unmetNeeds,
    safeguarding,
    signposts,
    events,
    contactAttempts,
    ...kase
  } = c;
  const { consents, ...person } = personWithConsents;

  const latestTry = contactAttempts.at(-1);
  const inForce = conversations.map((x) => ({ ...x, superseded: x.supersededBy !== null }));
  const page: CasePage = {
    case: kase,
    person: { ...person, age: person.dateOfBirth ? ageOn(person.dateOfBirth, now) : null },
    consents: consents.map((x) => ({
      ...x,
      active: isActive(x, now),
      organisationName: x.organisationId ? orgName(x.organisationId) : null,
      recordedByName: names(x.recordedById),
      withdrawnByName: names(x.withdrawnById),
    })),
    canBeContacted: hasActiveConsent(consents, 'contact', now),
    canShare: hasActiveConsent(consents, 'share_with_provider', now),
    conversations: conversations.map((x) => ({
      ...x,
      workerName: names(x.workerId) ?? 'A link worker',
      superseded: x.supersededBy !== null,
    })),
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
    signposts: signposts.map((s) => ({
      id: s.id,
      serviceId: s.serviceId,
      serviceName: serviceName(s.serviceId) ?? 'A service no longer listed',
    })),
    contact: {
      attemptsInARow,
      offerClose: c.status !== 'closed' && mayCloseAsCouldNotContact(attemptsInARow),
      latest: latestTry ? { at: latestTry.createdAt, outcome: latestTry.outcome, by: names(latestTry.userId) } : null,
    },
    // Only the loaded history: a case whose first answers are older than the window says so on the page.
    ons4: c.status === 'closed' ? compareOns4(inForce) : null,
    timeline: buildTimeline(
      {
        receivedAt: c.receivedAt,
        sourceLabel: sourceLabels[c.source],
        triagedAt: c.triagedAt,
        triagedById: c.triagedById,
        rag: c.rag,
        assignedAt: c.assignedAt,
        assignedWorkerId: c.assignedWorkerId,
        assignedById: c.assignedById,
        closedAt: c.closedAt,
        closedById: c.closedById,
        outcome: c.outcome,
        conversations: inForce,
        referrals: referrals.map((r) => ({ id: r.id, serviceName: r.service.name, events: r.events })),
        events,
        contactAttempts,
        unmetNeeds: unmetNeeds.map((u) => ({
          id: u.id,
          recordedAt: u.recordedAt,
          themeName: u.term.name,
          reason: u.reason,
          recordedById: u.recordedById,
        })),
        safeguarding: safeguarding.map((s) => ({
          id: s.id,
          raisedAt: s.raisedAt,
          referredToLabel: safeguardingTeamLabels[s.referredTo],
          raisedById: s.raisedById,
        })),
        consents,
      },
      names,
    ).filter((entry) => history.since === null || entry.at >= history.since),
    history,
    audit: can(user, 'audit.view', { kind: 'case', teamId: c.teamId, assignedWorkerId: c.assignedWorkerId })
      ? await listAuditForPerson(tx, c.personId, 200)
      : null,
    canWrite: can(user, 'case.write', { kind: 'case', teamId: c.teamId, assignedWorkerId: c.assignedWorkerId }),
    canReassign: can(user, 'case.reassign', { kind: 'case', teamId: c.teamId, assignedWorkerId: c.assignedWorkerId }),
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
  await recordAudit(tx, {
    actor: user,
    action: 'case.viewed',
    entityType: 'case',
    entityId: caseId,
    personId: c.person.id,
    detail: { purpose },
    at: now,
  });
  return { ok: true as const, summary: c };
}
