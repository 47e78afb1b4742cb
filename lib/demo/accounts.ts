// Sign-in accounts created by the demo seed (prisma/seed). Shown on the sign-in page in demo mode.
// Kept free of database imports so client components can use it.

export type DemoRole = 'provider' | 'link_worker' | 'coordinator' | 'commissioner' | 'admin';

export interface DemoAccount {
  email: string;
  password: string;
  role: DemoRole;
  name: string;
  description: string;
}

export const demoAccounts: DemoAccount[] = [
  {
    email: 'coordinator@demo.example',
    password: 'demo-coordinator-2026',
    role: 'coordinator',
    name: 'Sam Okafor',
    description:
      'Coordinator, Eastbrook Community Connectors: triage queue, assigning referrals, caseloads, moderating listings.',
  },
  {
    email: 'linkworker@demo.example',
    password: 'demo-linkworker-2026',
    role: 'link_worker',
    name: 'Priya Shah',
    description: 'Link worker, Eastbrook Community Connectors: a caseload with follow-ups due today and some overdue.',
  },
  {
    email: 'linkworker2@demo.example',
    password: 'demo-linkworker2-2026',
    role: 'link_worker',
    name: 'Tom Gallagher',
    description: 'Link worker in the same team as Priya Shah: sees the team\u2019s cases.',
  },
  {
    email: 'pcn.linkworker@demo.example',
    password: 'demo-pcn-linkworker-2026',
    role: 'link_worker',
    name: 'Grace Mensah',
    description:
      'Social prescribing link worker, North Eastbrook PCN: a different team, so Community Connectors cases are not visible.',
  },
  {
    email: 'provider@demo.example',
    password: 'demo-provider-2026',
    role: 'provider',
    name: 'Jan Whitfield',
    description: 'Volunteer coordinator at Eastbrook Age Well: edits its listings and answers referrals in its inbox.',
  },
  {
    email: 'commissioner@demo.example',
    password: 'demo-commissioner-2026',
    role: 'commissioner',
    name: 'Alex Morgan',
    description: 'Commissioner, Eastbrook Borough Council: aggregate reports only, never a named person.',
  },
  {
    email: 'admin@demo.example',
    password: 'demo-admin-2026',
    role: 'admin',
    name: 'Chris Patel',
    description: 'System administrator: users and roles, taxonomy, areas, imports and retention.',
  },
];

/** The password the seed gives every other staff account it makes (demo and benchmark data). */
export const SEED_STAFF_PASSWORD = 'demo-staff-2026';

/** Every password the seed sets: published in this repository, so never acceptable on a live instance. */
export const publicSeedPasswords: readonly string[] = [...new Set([...demoAccounts.map((a) => a.password), SEED_STAFF_PASSWORD])];

/** The organisation the demo provider belongs to, and the two teams, as the seed names them. */
export const DEMO_PROVIDER_ORGANISATION = 'Eastbrook Age Well';
export const DEMO_TEAMS = {
  council: 'Eastbrook Community Connectors',
  pcn: 'North Eastbrook PCN Social Prescribing',
} as const;
