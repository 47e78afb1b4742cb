import type { Tx } from '@/lib/db/client';
import type { WardOption } from '../filter';

/** Every ward, for the area filter. */
export async function listWards(db: Tx): Promise<WardOption[]> {
  return db.$queryRaw<WardOption[]>`SELECT id, code, name FROM "Ward" ORDER BY name`;
}
