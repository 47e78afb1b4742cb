import { randomBytes } from 'node:crypto';
import { db, type Tx } from '@/lib/db/client';
import { config } from '@/lib/config';

export const GENERATED_SECRET_KEY = 'auth.generatedSecret';

export class MissingAuthSecret extends Error {
  constructor() {
    super('AUTH_SECRET must be set (at least 32 characters) when DEMO_MODE is not true in production');
    this.name = 'MissingAuthSecret';
  }
}

/**
 * The key that signs the sign-in throttle's device cookie (./device.ts). A real deployment sets
 * AUTH_SECRET (NEXTAUTH_SECRET, its older name, is still read); without it
 * (development and the demo) a random secret is generated once and kept in the Setting table, so
 * restarts and every other instance agree on it and nobody has to invent one.
 */
export async function resolveAuthSecret(
  tx: Tx,
  { env = process.env, demoMode = config.demoMode }: { env?: NodeJS.ProcessEnv; demoMode?: boolean } = {},
): Promise<string> {
  const fromEnv = env.AUTH_SECRET || env.NEXTAUTH_SECRET;
  const strict = env.NODE_ENV === 'production' && !demoMode;
  if (fromEnv) {
    if (strict && fromEnv.length < 32) throw new MissingAuthSecret();
    return fromEnv;
  }
  if (strict) throw new MissingAuthSecret();

  // Insert-if-absent then read: two instances starting together both end up with the winner's value.
  await tx.setting.createMany({
    data: [{ key: GENERATED_SECRET_KEY, value: randomBytes(48).toString('base64url') }],
    skipDuplicates: true,
  });
  const row = await tx.setting.findUniqueOrThrow({ where: { key: GENERATED_SECRET_KEY } });
  if (typeof row.value !== 'string' || row.value.length < 32)
    throw new Error(`Setting ${GENERATED_SECRET_KEY} is not a usable secret`);
  return row.value;
}

let cached: Promise<string> | undefined;

/** This process's secret, resolved once (and again after a failure, such as the database starting). */
export function authSecret(): Promise<string> {
  cached ??= resolveAuthSecret(db()).catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}
