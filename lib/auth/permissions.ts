// The one place that says who may do what. Pure and synchronous: callers load the facts about a
// record (its team, its organisation) and pass them in, so the rules are testable as a table.
import type { Role, SessionUser } from './types';

export type Action =
  | 'directory.read'
  | 'service.edit'
  | 'moderation.review'
  | 'person.read'
  | 'person.export'
  | 'person.erase'
  | 'case.read'
  | 'case.write'
  | 'case.reassign'
  | 'triage.manage'
  | 'referral.read'
  | 'referral.respond'
  | 'referral.create'
  | 'reports.view'
  | 'users.manage'
  | 'settings.manage'
  | 'staff.manage'
  | 'audit.view'
  | 'outbox.view';

/** The facts about one record that the rules need. */
export type Resource =
  | { kind: 'case'; teamId: string; assignedWorkerId?: string | null }
  | { kind: 'referral'; serviceOrganisationId: string; caseTeamId: string }
  | { kind: 'service'; organisationId: string }
  | { kind: 'organisation'; organisationId: string }
  | { kind: 'person'; teamIds: string[] }
  | { kind: 'team'; teamId: string }
  | { kind: 'staff'; role: Role; teamId: string | null };

export class Forbidden extends Error {
  readonly status = 403;
  constructor(
    readonly action: Action,
    readonly resourceKind?: Resource['kind'],
  ) {
    super(`Not allowed: ${action}${resourceKind ? ` on ${resourceKind}` : ''}`);
    this.name = 'Forbidden';
  }
}

type Rule = (user: SessionUser, resource: Resource | undefined) => boolean;

const is = (user: SessionUser, ...allowed: Role[]) => allowed.includes(user.role);
const inTeam = (user: SessionUser, teamId: string | null | undefined) =>
  user.teamId !== null && teamId != null && user.teamId === teamId;
const inOrganisation = (user: SessionUser, organisationId: string | null | undefined) =>
  organisationId != null && user.organisationIds.includes(organisationId);

/** The team a record belongs to, for the kinds that have exactly one. */
function teamOf(resource: Resource): string | null {
  switch (resource.kind) {
    case 'case':
    case 'team':
      return resource.teamId;
    case 'referral':
      return resource.caseTeamId;
    default:
      return null;
  }
}

/** A link worker or coordinator working in the team that holds the record. */
function teamWorker(user: SessionUser, resource: Resource | undefined): boolean {
  if (!is(user, 'link_worker', 'coordinator') || user.teamId === null) return false;
  if (resource === undefined) return true;
  if (resource.kind === 'person') return resource.teamIds.includes(user.teamId);
  return inTeam(user, teamOf(resource));
}

function teamCoordinator(user: SessionUser, resource: Resource | undefined): boolean {
  return is(user, 'coordinator') && teamWorker(user, resource);
}

/** A provider who belongs to the organisation that runs the service. */
function organisationMember(user: SessionUser, resource: Resource | undefined): boolean {
  if (!is(user, 'provider')) return false;
  if (resource === undefined) return user.organisationIds.length > 0;
  switch (resource.kind) {
    case 'service':
    case 'organisation':
      return inOrganisation(user, resource.organisationId);
    case 'referral':
      return inOrganisation(user, resource.serviceOrganisationId);
    default:
      return false;
  }
}

const only =
  (...kinds: Resource['kind'][]) =>
  (rule: Rule): Rule =>
  (user, resource) =>
    (resource === undefined || kinds.includes(resource.kind)) && rule(user, resource);

// Without a resource a rule answers "may this user do this to some records of that kind" (for
// menus and list pages, whose queries are scoped by team or organisation). A page or action about
// one record must pass that record's facts.
const rules: Record<Action, Rule> = {
  'directory.read': () => true,
  'service.edit': only(
    'service',
    'organisation',
  )((user, resource) => is(user, 'coordinator', 'admin') || organisationMember(user, resource)),
  'moderation.review': only('service', 'organisation')((user) => is(user, 'coordinator', 'admin')),
  'person.read': only('person', 'case')(teamWorker),
  // Subject access and erasure are the only way an admin opens a person's record.
  'person.export': only('person')((user) => is(user, 'admin')),
  'person.erase': only('person')((user) => is(user, 'admin')),
  'case.read': only('case')(teamWorker),
  'case.write': only('case')(teamWorker),
  'triage.manage': only('team', 'case')(teamCoordinator),
  // Moving a case to another worker: the team's coordinators. An admin may move a whole caseload
  // (a leaver's, given as the team) but not open one case, which would show the person.
  'case.reassign': only(
    'case',
    'team',
  )((user, resource) => teamCoordinator(user, resource) || (is(user, 'admin') && resource?.kind !== 'case')),
  'referral.read': only('referral')((user, resource) => teamWorker(user, resource) || organisationMember(user, resource)),
  'referral.respond': only('referral')((user, resource) => teamWorker(user, resource) || organisationMember(user, resource)),
  'referral.create': only('case', 'referral')(teamWorker),
  // Aggregate and system-wide actions take no record: given one (a person, say), they refuse.
  'reports.view': only()((user) => is(user, 'commissioner', 'coordinator', 'admin')),
  'users.manage': only()((user) => is(user, 'admin')),
  // The service's name, colour, texts, timings and targets (/admin/settings).
  'settings.manage': only()((user) => is(user, 'admin')),
  // Staff accounts: an admin any account, a coordinator only the link workers of their own team.
  'staff.manage': only('staff')(
    (user, resource) =>
      is(user, 'admin') ||
      (is(user, 'coordinator') &&
        user.teamId !== null &&
        (resource === undefined ||
          (resource.kind === 'staff' && resource.role === 'link_worker' && inTeam(user, resource.teamId)))),
  ),
  'audit.view': only('team', 'person', 'case')((user, resource) => is(user, 'admin') || teamCoordinator(user, resource)),
  'outbox.view': only()((user) => is(user, 'admin')),
};

/** May this user (null when signed out) do this action, to this record if one is given? */
export function can(user: SessionUser | null, action: Action, resource?: Resource): boolean {
  const rule = rules[action];
  if (!rule) return false;
  if (action === 'directory.read') return true;
  if (user === null) return false;
  return rule(user, resource);
}

/** Like `can`, but throws `Forbidden` when the answer is no. */
export function assertCan(user: SessionUser | null, action: Action, resource?: Resource): void {
  if (!can(user, action, resource)) throw new Forbidden(action, resource?.kind);
}

export const actions = Object.keys(rules) as Action[];
