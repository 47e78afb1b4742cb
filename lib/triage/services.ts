// Services a coordinator can suggest when signposting: those matching a name search, or, with no
// search, those listed under the referral's needs. Published and running services only.
import type { Tx } from '@/lib/db/client';

export type SignpostCandidate = {
  id: string;
  name: string;
  organisationName: string;
  capacity: 'open' | 'waiting_list' | 'full';
};

const select = { id: true, name: true, capacityStatus: true, organisation: { select: { name: true } } } as const;

type Row = { id: string; name: string; capacityStatus: SignpostCandidate['capacity']; organisation: { name: string } };
const toCandidate = (s: Row): SignpostCandidate => ({
  id: s.id,
  name: s.name,
  organisationName: s.organisation.name,
  capacity: s.capacityStatus,
});

export async function signpostCandidates(
  tx: Tx,
  options: { query?: string; needTermIds?: readonly string[]; limit?: number },
): Promise<{ candidates: SignpostCandidate[]; basis: 'search' | 'needs' | 'none' }> {
  const limit = Math.min(Math.max(options.limit ?? 15, 1), 50);
  const query = (options.query ?? '').trim().slice(0, 100);
  const base = { published: true, status: 'active' as const };
  if (query) {
    const words = query.split(/\s+/).filter(Boolean).slice(0, 5);
    const rows = await tx.service.findMany({
      where: {
        ...base,
        AND: words.map((w) => ({
          OR: [
            { name: { contains: w, mode: 'insensitive' as const } },
            { organisation: { name: { contains: w, mode: 'insensitive' as const } } },
          ],
        })),
      },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      take: limit,
      select,
    });
    return { candidates: rows.map(toCandidate), basis: 'search' };
  }
  const termIds = options.needTermIds ?? [];
  if (termIds.length === 0) return { candidates: [], basis: 'none' };
  // Services covering more of the referral's needs first, then those with space, then by name.
  const ranked = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT s.id
    FROM "Service" s
    JOIN "ServiceTaxonomy" st ON st."serviceId" = s.id
    WHERE s.published AND s.status = 'active' AND st."termId" = ANY(${[...termIds]}::uuid[])
    GROUP BY s.id, s.name, s."capacityStatus"
    ORDER BY count(*) DESC, (s."capacityStatus" = 'open') DESC, s.name ASC, s.id ASC
    LIMIT ${limit}`;
  const order = new Map(ranked.map((r, i) => [r.id, i]));
  const rows = (await tx.service.findMany({ where: { id: { in: ranked.map((r) => r.id) } }, select })).sort(
    (a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0),
  );
  return { candidates: rows.map(toCandidate), basis: 'needs' };
}
