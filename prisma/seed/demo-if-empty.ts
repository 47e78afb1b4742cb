// The demo borough loads on the first start only: a marker written after a complete seed
// makes later starts skip it, and a seed interrupted half-way simply runs again (it is idempotent).
import type { PrismaClient } from '../../lib/db/generated/client';
import { seedDemo } from './demo';

const marker = 'demo.seededAt';

export async function seedDemoIfEmpty(db: PrismaClient, log: (m: string) => void = () => {}): Promise<boolean> {
  if (await db.setting.findUnique({ where: { key: marker } })) return false;
  log('Loading the demo borough (first start only)...');
  await seedDemo(db);
  await db.setting.create({ data: { key: marker, value: new Date().toISOString() } });
  return true;
}
