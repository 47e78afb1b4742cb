import type { Role } from '@/lib/db/generated/client';

export type { Role };

/** The signed-in member of staff, loaded fresh from the database on every request. */
export type SessionUser = {
  id: string;
  name: string;
  email: string;
  role: Role;
  teamId: string | null;
  organisationIds: string[];
};

export const roles = ['provider', 'link_worker', 'coordinator', 'commissioner', 'admin'] as const satisfies readonly Role[];
