import type { Tx } from '@/lib/db/client';

/** The needs themes (the top of the local taxonomy), in the taxonomy's order. */
export async function needThemes(tx: Tx): Promise<Array<{ id: string; code: string; name: string }>> {
  return tx.taxonomyTerm.findMany({
    where: { parentId: null },
    orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
    select: { id: true, code: true, name: true },
  });
}
