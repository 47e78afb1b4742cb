import type { Prisma } from '../../../lib/db/generated/client';
import { demoAccounts, DEMO_TEAMS, SEED_STAFF_PASSWORD } from '../../../lib/demo/accounts';
import { pcns, wards } from '../data/geography';
import { staffNames } from '../data/names';
import { sid } from '../util';

export const STAFF_PASSWORD = SEED_STAFF_PASSWORD;

export interface StaffUser {
  id: string;
  email: string;
  name: string;
  role: Prisma.UserCreateManyInput['role'];
  teamId: string | null;
  password: string;
  active: boolean;
  /** Day offsets between which a link worker takes new cases. */
  from: number;
  to: number | null;
  orgKey?: string;
  demo: boolean;
}

export interface Staff {
  teams: Prisma.TeamCreateManyInput[];
  teamWards: Prisma.TeamWardCreateManyInput[];
  teamPractices: Prisma.TeamPracticeCreateManyInput[];
  users: StaffUser[];
  councilTeamId: string;
  pcnTeamId: string;
  linkWorkers: StaffUser[];
  coordinators: StaffUser[];
  providersByOrg: Map<string, StaffUser[]>;
  demo: {
    coordinator: StaffUser;
    linkWorkers: StaffUser[];
    provider: StaffUser;
    admin: StaffUser;
    commissioner: StaffUser;
  };
}

/** Organisations (by key, see data/organisations) with a provider account, besides the demo one. */
const providerOrgs = [
  'carers',
  'money',
  'foodbank',
  'mind',
  'bereavement',
  'shed',
  'transport',
  'digital-buddies',
  'family-hubs',
  'dementia-alliance',
  'active',
  'old-forge',
  'place:ca:Fernhill',
  'place:ca:Kingsmead',
  'place:church:Priory Fields',
  'hospice',
  'leisure',
  'age-well',
  'sewing-circle',
];

function emailFor(name: string, domain: string): string {
  return `${name
    .toLowerCase()
    .replace(/[^a-z ]/g, '')
    .replace(/ /g, '.')}@${domain}`;
}

export function buildStaff(): Staff {
  const councilTeamId = sid('team', 'council');
  const pcnTeamId = sid('team', 'pcn');
  const teams: Prisma.TeamCreateManyInput[] = [
    {
      id: councilTeamId,
      name: DEMO_TEAMS.council,
      description:
        'Eastbrook Borough Council\u2019s community connector service. Takes referrals from anyone, with no eligibility criteria.',
      email: 'connectors@eastbrook.example.gov.uk',
      phone: '01632 960 210',
      openingHours: 'Monday to Friday, 9am to 5pm (Thursdays until 7pm)',
      wholeBorough: true,
    },
    {
      id: pcnTeamId,
      name: DEMO_TEAMS.pcn,
      description: 'Social prescribing link workers for the practices of North Eastbrook Primary Care Network.',
      email: 'social.prescribing@northeastbrookpcn.example.org',
      phone: '01632 960 340',
      openingHours: 'Monday to Friday, 8:30am to 4:30pm',
    },
  ];
  // The PCN's team works with its practices' patients, who mostly live in the PCN's wards.
  const pcnCode = 'U99001';
  const teamWards = wards.filter((w) => w.pcn === pcnCode).map((w) => ({ teamId: pcnTeamId, wardId: sid('ward', w.code) }));
  const teamPractices = pcns
    .find((p) => p.code === pcnCode)!
    .practices.map((pr) => ({ teamId: pcnTeamId, practiceId: sid('practice', pr.code) }));
  const users: StaffUser[] = [];
  const add = (
    u: Omit<StaffUser, 'id' | 'active' | 'from' | 'to' | 'demo'> & Partial<Pick<StaffUser, 'active' | 'from' | 'to' | 'demo'>>,
  ) => {
    const user: StaffUser = { id: sid('user', u.email), active: true, from: -10_000, to: null, demo: false, ...u };
    users.push(user);
    return user;
  };

  const demo = (email: string) => demoAccounts.find((a) => a.email === email)!;
  const d = {
    coordinator: demo('coordinator@demo.example'),
    lw1: demo('linkworker@demo.example'),
    lw2: demo('linkworker2@demo.example'),
    pcnLw: demo('pcn.linkworker@demo.example'),
    provider: demo('provider@demo.example'),
    commissioner: demo('commissioner@demo.example'),
    admin: demo('admin@demo.example'),
  };
  const coordinator = add({ ...d.coordinator, teamId: councilTeamId, demo: true });
  const lw1 = add({ ...d.lw1, teamId: councilTeamId, demo: true, from: -600 });
  const lw2 = add({ ...d.lw2, teamId: councilTeamId, demo: true, from: -600 });
  const pcnLw = add({ ...d.pcnLw, teamId: pcnTeamId, demo: true, from: -600 });
  const provider = add({ ...d.provider, teamId: null, demo: true, orgKey: 'age-well' });
  const commissioner = add({ ...d.commissioner, teamId: null, demo: true });
  const admin = add({ ...d.admin, teamId: null, demo: true });
  for (const a of demoAccounts) {
    if (!users.some((u) => u.email === a.email)) add({ ...a, teamId: null, demo: true });
  }

  let n = 0;
  const next = () => staffNames[n++];
  const council = (name: string, extra: Partial<StaffUser> = {}) =>
    add({
      email: emailFor(name, 'eastbrook.example.gov.uk'),
      name,
      role: 'link_worker',
      teamId: councilTeamId,
      password: STAFF_PASSWORD,
      ...extra,
    });
  const pcn = (name: string, extra: Partial<StaffUser> = {}) =>
    add({
      email: emailFor(name, 'northeastbrookpcn.example.org'),
      name,
      role: 'link_worker',
      teamId: pcnTeamId,
      password: STAFF_PASSWORD,
      ...extra,
    });

  const coordinators = [coordinator];
  coordinators.push(council(next(), { role: 'coordinator' }));
  coordinators.push(pcn(next(), { role: 'coordinator' }));
  // Ten more link workers: one who left last spring, one who joined recently.
  council(next(), { from: -600 });
  council(next(), { from: -600 });
  council(next(), { from: -600 });
  council(next(), { from: -600, to: -230, active: false });
  council(next(), { from: -600 });
  council(next(), { from: -160 });
  council(next(), { from: -600 });
  pcn(next(), { from: -600 });
  council(next(), { from: -600 });
  pcn(next(), { from: -400 });
  add({
    email: emailFor(next(), 'nhs-eastbrook.example.org'),
    name: staffNames[n - 1],
    role: 'commissioner',
    teamId: null,
    password: STAFF_PASSWORD,
  });

  const providersByOrg = new Map<string, StaffUser[]>([['age-well', [provider]]]);
  for (const orgKey of providerOrgs) {
    const name = next() ?? `Provider ${orgKey}`;
    const domain = `${orgKey
      .replace(/^place:/, '')
      .replace(/[^a-z]+/gi, '-')
      .toLowerCase()}.example.org`;
    const u = add({ email: emailFor(name, domain), name, role: 'provider', teamId: null, password: STAFF_PASSWORD, orgKey });
    providersByOrg.set(orgKey, [...(providersByOrg.get(orgKey) ?? []), u]);
  }

  const linkWorkers = users.filter((u) => u.role === 'link_worker');
  return {
    teams,
    teamWards,
    teamPractices,
    users,
    councilTeamId,
    pcnTeamId,
    linkWorkers,
    coordinators,
    providersByOrg,
    demo: { coordinator, linkWorkers: [lw1, lw2, pcnLw], provider, admin, commissioner },
  };
}
