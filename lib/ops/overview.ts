import { roles, type Role } from '@/lib/auth/types';
import type { Tx } from '@/lib/db/client';
import { latestMigration } from '@/lib/ops/health';

export type AdminHome = {
  usersByRole: Array<{ role: Role; active: number }>;
  inactiveUsers: number;
  organisationsPending: number;
  services: { total: number; published: number };
  pendingChanges: number;
  lastMigration: string | null;
};

/** The system owner's overview: accounts, what waits for approval, the directory's size, the schema version. */
export async function adminHome(db: Tx): Promise<AdminHome> {
  const [byRole, inactiveUsers, organisationsPending, total, published, pendingChanges, lastMigration] = await Promise.all([
    Promise.all(roles.map(async (role) => ({ role, active: await db.user.count({ where: { role, active: true } }) }))),
    db.user.count({ where: { active: false } }),
    db.organisation.count({ where: { status: 'pending' } }),
    db.service.count({ where: { status: { not: 'defunct' } } }),
    db.service.count({ where: { status: { not: 'defunct' }, published: true } }),
    db.listingChangeRequest.count({ where: { status: 'pending' } }),
    latestMigration(db),
  ]);
  return {
    usersByRole: byRole,
    inactiveUsers,
    organisationsPending,
    services: { total, published },
    pendingChanges,
    lastMigration,
  };
}
