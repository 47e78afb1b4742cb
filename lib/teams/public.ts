// The link-worker teams as residents see them: how to reach each, when, and where it works; and
// which teams cover a postcode. Nothing here is about people or cases.
import type { Tx } from '@/lib/db/client';
import { parsePostcode } from '@/lib/geo/postcode';

export type PublicTeam = {
  id: string;
  name: string;
  description: string | null;
  email: string | null;
  phone: string | null;
  openingHours: string | null;
  wholeBorough: boolean;
  wards: string[];
  practices: string[];
};

/** Teams that say where they work (the whole borough, or some wards or practices), by name. */
export async function publicTeams(db: Tx): Promise<PublicTeam[]> {
  const teams = await db.team.findMany({
    where: { OR: [{ wholeBorough: true }, { wards: { some: {} } }, { practices: { some: {} } }] },
    orderBy: [{ wholeBorough: 'desc' }, { name: 'asc' }],
    select: {
      id: true,
      name: true,
      description: true,
      email: true,
      phone: true,
      openingHours: true,
      wholeBorough: true,
      wards: { select: { ward: { select: { name: true } } }, orderBy: { ward: { name: 'asc' } } },
      practices: { select: { practice: { select: { name: true } } }, orderBy: { practice: { name: 'asc' } } },
    },
  });
  return teams.map((t) => ({
    ...t,
    wards: t.wards.map((w) => w.ward.name),
    practices: t.practices.map((p) => p.practice.name),
  }));
}

export type CoverAnswer =
  { ok: true; postcode: string; ward: string; teamIds: string[] } | { ok: false; error: string; unknownPostcode?: string };

/**
 * Which teams cover a full postcode: those working across the borough, and those working in the
 * postcode's ward. A team that works only with some practices' patients is shown beside the
 * answer with its practices, since where someone is registered is not known from a postcode.
 */
export async function teamsCovering(db: Tx, input: string): Promise<CoverAnswer> {
  const parsed = parsePostcode(input);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  if (parsed.kind !== 'postcode') return { ok: false, error: 'Enter your full postcode, including the last 3 characters' };
  const row = await db.postcode.findUnique({
    where: { postcode: parsed.postcode },
    select: { area: { select: { ward: { select: { id: true, name: true } } } } },
  });
  const ward = row?.area?.ward;
  if (!ward) return { ok: false, error: 'Enter a postcode in the borough', unknownPostcode: parsed.postcode };
  const teams = await db.team.findMany({
    where: { OR: [{ wholeBorough: true }, { wards: { some: { wardId: ward.id } } }] },
    select: { id: true },
  });
  return { ok: true, postcode: parsed.postcode, ward: ward.name, teamIds: teams.map((t) => t.id) };
}
