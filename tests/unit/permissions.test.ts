import { describe, expect, it } from 'vitest';
import { actions, assertCan, can, Forbidden, type Action, type Resource } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/types';

const TEAM_A = '00000000-0000-4000-8000-00000000000a';
const TEAM_B = '00000000-0000-4000-8000-00000000000b';
const ORG_X = '00000000-0000-4000-8000-0000000000f1';
const ORG_Y = '00000000-0000-4000-8000-0000000000f2';

function user(id: string, role: SessionUser['role'], teamId: string | null = null, organisationIds: string[] = []): SessionUser {
  return { id, name: id, email: `${id}@example.test`, role, teamId, organisationIds };
}

const users = {
  providerX: user('providerX', 'provider', null, [ORG_X]),
  providerNoOrg: user('providerNoOrg', 'provider'),
  workerA: user('workerA', 'link_worker', TEAM_A),
  workerB: user('workerB', 'link_worker', TEAM_B),
  workerNoTeam: user('workerNoTeam', 'link_worker'),
  coordA: user('coordA', 'coordinator', TEAM_A),
  coordB: user('coordB', 'coordinator', TEAM_B),
  commissioner: user('commissioner', 'commissioner'),
  admin: user('admin', 'admin'),
} satisfies Record<string, SessionUser>;

const resources = {
  caseA: { kind: 'case', teamId: TEAM_A, assignedWorkerId: 'workerA' },
  caseAUnassigned: { kind: 'case', teamId: TEAM_A, assignedWorkerId: null },
  caseB: { kind: 'case', teamId: TEAM_B },
  referralXA: { kind: 'referral', serviceOrganisationId: ORG_X, caseTeamId: TEAM_A },
  referralYB: { kind: 'referral', serviceOrganisationId: ORG_Y, caseTeamId: TEAM_B },
  serviceX: { kind: 'service', organisationId: ORG_X },
  serviceY: { kind: 'service', organisationId: ORG_Y },
  orgX: { kind: 'organisation', organisationId: ORG_X },
  orgY: { kind: 'organisation', organisationId: ORG_Y },
  personA: { kind: 'person', teamIds: [TEAM_A] },
  personAB: { kind: 'person', teamIds: [TEAM_B, TEAM_A] },
  personB: { kind: 'person', teamIds: [TEAM_B] },
  personNoTeam: { kind: 'person', teamIds: [] },
  teamA: { kind: 'team', teamId: TEAM_A },
  teamB: { kind: 'team', teamId: TEAM_B },
  workerInA: { kind: 'staff', role: 'link_worker', teamId: TEAM_A },
  workerInB: { kind: 'staff', role: 'link_worker', teamId: TEAM_B },
  workerNoTeamStaff: { kind: 'staff', role: 'link_worker', teamId: null },
  coordinatorInA: { kind: 'staff', role: 'coordinator', teamId: TEAM_A },
  adminStaff: { kind: 'staff', role: 'admin', teamId: null },
} satisfies Record<string, Resource>;

type Who = keyof typeof users | 'anonymous';
type What = keyof typeof resources | '-';

// [who, action, resource ('-' = none), allowed]
const table: [Who, Action, What, boolean][] = [
  // directory.read: anyone, signed in or not
  ['anonymous', 'directory.read', '-', true],
  ['commissioner', 'directory.read', '-', true],
  ['providerX', 'directory.read', 'serviceY', true],

  // service.edit: provider of that organisation, coordinator, admin
  ['providerX', 'service.edit', 'serviceX', true],
  ['providerX', 'service.edit', 'orgX', true],
  ['providerX', 'service.edit', 'serviceY', false],
  ['providerX', 'service.edit', 'orgY', false],
  ['providerNoOrg', 'service.edit', 'serviceX', false],
  ['providerNoOrg', 'service.edit', '-', false],
  ['providerX', 'service.edit', '-', true],
  ['coordA', 'service.edit', 'serviceY', true],
  ['admin', 'service.edit', 'serviceY', true],
  ['workerA', 'service.edit', 'serviceX', false],
  ['commissioner', 'service.edit', 'serviceX', false],
  ['anonymous', 'service.edit', 'serviceX', false],
  ['providerX', 'service.edit', 'caseA', false],

  // moderation.review: coordinator, admin
  ['coordA', 'moderation.review', '-', true],
  ['admin', 'moderation.review', '-', true],
  ['workerA', 'moderation.review', '-', false],
  ['providerX', 'moderation.review', '-', false],
  ['commissioner', 'moderation.review', '-', false],

  // person.read: link worker or coordinator of one of the person's teams
  ['workerA', 'person.read', 'personA', true],
  ['workerA', 'person.read', 'personAB', true],
  ['coordB', 'person.read', 'personAB', true],
  ['workerA', 'person.read', 'personB', false],
  ['coordA', 'person.read', 'personB', false],
  ['workerA', 'person.read', 'personNoTeam', false],
  ['workerNoTeam', 'person.read', 'personA', false],
  ['admin', 'person.read', 'personA', false],
  ['commissioner', 'person.read', 'personA', false],
  ['commissioner', 'person.read', '-', false],
  ['providerX', 'person.read', 'personA', false],

  // person.export / person.erase: admin only (subject access and erasure)
  ['admin', 'person.export', 'personA', true],
  ['admin', 'person.erase', 'personB', true],
  ['admin', 'person.export', '-', true],
  ['coordA', 'person.export', 'personA', false],
  ['workerA', 'person.erase', 'personA', false],
  ['commissioner', 'person.export', 'personA', false],
  ['providerX', 'person.erase', 'personA', false],
  ['admin', 'person.export', 'caseA', false],

  // case.read / case.write: link worker or coordinator of the case's team
  ['workerA', 'case.read', 'caseA', true],
  ['workerA', 'case.read', 'caseAUnassigned', true],
  ['coordA', 'case.read', 'caseA', true],
  ['workerA', 'case.write', 'caseA', true],
  ['coordA', 'case.write', 'caseAUnassigned', true],
  ['workerA', 'case.read', '-', true],
  ['workerB', 'case.read', 'caseA', false],
  ['coordB', 'case.read', 'caseA', false],
  ['workerB', 'case.write', 'caseA', false],
  ['workerNoTeam', 'case.read', 'caseA', false],
  ['workerNoTeam', 'case.read', '-', false],
  ['admin', 'case.read', 'caseA', false],
  ['admin', 'case.write', 'caseA', false],
  ['commissioner', 'case.read', 'caseA', false],
  ['commissioner', 'case.read', '-', false],
  ['providerX', 'case.read', 'caseA', false],
  ['anonymous', 'case.read', 'caseA', false],
  ['workerA', 'case.read', 'teamA', false],

  // triage.manage: coordinator of the team
  ['coordA', 'triage.manage', 'teamA', true],
  ['coordA', 'triage.manage', 'caseAUnassigned', true],
  ['coordA', 'triage.manage', '-', true],
  ['coordA', 'triage.manage', 'teamB', false],
  ['coordB', 'triage.manage', 'caseA', false],
  ['workerA', 'triage.manage', 'teamA', false],
  ['admin', 'triage.manage', 'teamA', false],
  ['commissioner', 'triage.manage', 'teamA', false],

  // case.reassign: coordinator of the team; an admin a whole caseload (the team), never one case
  ['coordA', 'case.reassign', 'caseA', true],
  ['coordA', 'case.reassign', 'teamA', true],
  ['coordA', 'case.reassign', '-', true],
  ['coordB', 'case.reassign', 'caseA', false],
  ['coordB', 'case.reassign', 'teamA', false],
  ['workerA', 'case.reassign', 'caseA', false],
  ['workerA', 'case.reassign', 'teamA', false],
  ['admin', 'case.reassign', 'teamA', true],
  ['admin', 'case.reassign', 'caseA', false],
  ['commissioner', 'case.reassign', 'teamA', false],
  ['providerX', 'case.reassign', 'teamA', false],
  ['coordA', 'case.reassign', 'personA', false],

  // referral.read / referral.respond: provider of the service's organisation, or the case's team
  ['providerX', 'referral.read', 'referralXA', true],
  ['providerX', 'referral.respond', 'referralXA', true],
  ['workerA', 'referral.read', 'referralXA', true],
  ['coordA', 'referral.respond', 'referralXA', true],
  ['providerX', 'referral.read', 'referralYB', false],
  ['providerX', 'referral.respond', 'referralYB', false],
  ['providerNoOrg', 'referral.read', 'referralXA', false],
  ['workerA', 'referral.read', 'referralYB', false],
  ['coordA', 'referral.respond', 'referralYB', false],
  ['workerB', 'referral.respond', 'referralXA', false],
  ['admin', 'referral.read', 'referralXA', false],
  ['commissioner', 'referral.read', 'referralXA', false],
  ['commissioner', 'referral.respond', 'referralXA', false],

  // referral.create: link worker or coordinator of the case's team
  ['workerA', 'referral.create', 'caseA', true],
  ['coordA', 'referral.create', 'caseA', true],
  ['workerB', 'referral.create', 'caseA', false],
  ['providerX', 'referral.create', 'caseA', false],
  ['admin', 'referral.create', 'caseA', false],
  ['commissioner', 'referral.create', 'caseA', false],

  // reports.view: commissioner, coordinator, admin
  ['commissioner', 'reports.view', '-', true],
  ['coordB', 'reports.view', '-', true],
  ['admin', 'reports.view', '-', true],
  ['workerA', 'reports.view', '-', false],
  ['providerX', 'reports.view', '-', false],
  ['anonymous', 'reports.view', '-', false],

  // users.manage: admin
  ['admin', 'users.manage', '-', true],
  ['coordA', 'users.manage', '-', false],
  ['commissioner', 'users.manage', '-', false],

  // settings.manage: admin only
  ['admin', 'settings.manage', '-', true],
  ['coordA', 'settings.manage', '-', false],
  ['commissioner', 'settings.manage', '-', false],
  ['anonymous', 'settings.manage', '-', false],

  // staff.manage: admin any account; coordinator only link workers in their own team
  ['admin', 'staff.manage', '-', true],
  ['admin', 'staff.manage', 'adminStaff', true],
  ['admin', 'staff.manage', 'workerInB', true],
  ['coordA', 'staff.manage', '-', true],
  ['coordA', 'staff.manage', 'workerInA', true],
  ['coordA', 'staff.manage', 'workerInB', false],
  ['coordA', 'staff.manage', 'workerNoTeamStaff', false],
  ['coordA', 'staff.manage', 'coordinatorInA', false],
  ['coordA', 'staff.manage', 'adminStaff', false],
  ['coordA', 'staff.manage', 'personA', false],
  ['workerA', 'staff.manage', 'workerInA', false],
  ['commissioner', 'staff.manage', '-', false],
  ['providerX', 'staff.manage', '-', false],
  ['anonymous', 'staff.manage', '-', false],

  // audit.view: coordinator of the team, admin
  ['coordA', 'audit.view', 'personA', true],
  ['coordA', 'audit.view', 'teamA', true],
  ['coordA', 'audit.view', 'caseA', true],
  ['admin', 'audit.view', 'personB', true],
  ['coordA', 'audit.view', 'personB', false],
  ['coordB', 'audit.view', 'teamA', false],
  ['workerA', 'audit.view', 'personA', false],
  ['commissioner', 'audit.view', 'personA', false],
  ['providerX', 'audit.view', 'personA', false],

  // outbox.view: admin (demo mode's open outbox is decided by the outbox page)
  ['admin', 'outbox.view', '-', true],
  ['coordA', 'outbox.view', '-', false],
  ['anonymous', 'outbox.view', '-', false],
];

const who = (w: Who) => (w === 'anonymous' ? null : users[w]);
const what = (r: What) => (r === '-' ? undefined : resources[r]);

describe('can', () => {
  it.each(table)('%s / %s / %s -> %s', (w, action, r, allowed) => {
    expect(can(who(w), action, what(r))).toBe(allowed);
  });

  it('has rows for every action, each with an allowed and a refused case', () => {
    for (const action of actions) {
      const rows = table.filter((row) => row[1] === action);
      expect(
        rows.some((row) => row[3]),
        `${action} allowed somewhere`,
      ).toBe(true);
      if (action !== 'directory.read')
        expect(
          rows.some((row) => !row[3]),
          `${action} refused somewhere`,
        ).toBe(true);
    }
  });

  it('never lets a commissioner near a person, case or referral', () => {
    const personal = Object.values(resources).filter((r) => ['person', 'case', 'referral'].includes(r.kind));
    for (const action of actions) {
      if (action === 'directory.read') continue;
      for (const resource of personal)
        expect(can(users.commissioner, action, resource), `${action} ${resource.kind}`).toBe(false);
    }
  });

  it('refuses everything but the directory to someone signed out', () => {
    for (const action of actions) {
      for (const resource of [undefined, ...Object.values(resources)]) {
        expect(can(null, action, resource)).toBe(action === 'directory.read');
      }
    }
  });

  it('refuses an action it does not know', () => {
    expect(can(users.admin, 'nuclear.launch' as Action)).toBe(false);
  });
});

describe('assertCan', () => {
  it('passes quietly when allowed', () => {
    expect(() => assertCan(users.workerA, 'case.read', resources.caseA)).not.toThrow();
  });

  it('throws a typed Forbidden with the action and record kind when refused', () => {
    try {
      assertCan(users.workerB, 'case.write', resources.caseA);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(Forbidden);
      expect(error).toMatchObject({ status: 403, action: 'case.write', resourceKind: 'case' });
    }
  });
});
