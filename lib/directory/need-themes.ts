import type { Tx } from '@/lib/db/client';
import { logError } from '@/lib/log/logger';

export type NeedTheme = { code: string; name: string };

/**
 * The needs themes to offer as quick links on the home page: the top level of the taxonomy in its
 * own order. An empty or unreachable database gives an empty list, so the page still renders.
 */
export async function needThemes(db: Tx | (() => Tx), limit = 16): Promise<NeedTheme[]> {
  try {
    const client = typeof db === 'function' ? db() : db;
    return await client.taxonomyTerm.findMany({
      where: { parentId: null },
      orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
      take: limit,
      select: { code: true, name: true },
    });
  } catch (err) {
    logError(err, { where: 'home page needs' }, 'Could not load needs themes');
    return [];
  }
}
