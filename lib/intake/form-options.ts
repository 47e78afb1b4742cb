import type { Tx } from '@/lib/db/client';

export type Choice = { value: string; label: string };

export type ReferralFormOptions = {
  /** The top level of the needs taxonomy, in its own order. */
  needs: Choice[];
  gpPractices: Choice[];
};

/** The choices the referral forms offer that come from the database. */
export async function referralFormOptions(tx: Tx): Promise<ReferralFormOptions> {
  const [terms, practices] = await Promise.all([
    tx.taxonomyTerm.findMany({
      where: { parentId: null },
      orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
      take: 40,
      select: { code: true, name: true },
    }),
    tx.gpPractice.findMany({ orderBy: { name: 'asc' }, take: 200, select: { id: true, name: true } }),
  ]);
  return {
    needs: terms.map((t) => ({ value: t.code, label: t.name })),
    gpPractices: practices.map((p) => ({ value: p.id, label: p.name })),
  };
}
