import type { Tx } from '@/lib/db/client';
import { intakeSettings } from './settings';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type IntakeTeam = { id: string; name: string; email: string | null };

/**
 * The team that takes referrals from the public forms. INTAKE_TEAM names it (by name or id);
 * without it, the oldest team (ties broken by name) takes them. Null only when there is no team.
 * A named team that does not exist falls back the same way rather than losing the referral.
 */
export async function intakeTeam(tx: Tx, configured: string | null = intakeSettings.intakeTeam): Promise<IntakeTeam | null> {
  const select = { id: true, name: true, email: true } as const;
  if (configured) {
    const named = await tx.team.findFirst({
      where: uuid.test(configured) ? { OR: [{ id: configured }, { name: configured }] } : { name: configured },
      select,
    });
    if (named) return named;
  }
  return tx.team.findFirst({ orderBy: [{ createdAt: 'asc' }, { name: 'asc' }], select });
}
