// The key behind two-step sign-in: it encrypts authenticator secrets at rest, keys the recovery
// code digests and seals the "code needed" cookie (each through its own derived key). A real
// deployment sets TWO_STEP_KEY; development and the demo generate one once and keep it in the
// Setting table, as lib/auth/secret.ts does for the session secret.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { Tx } from '@/lib/db/client';
import { config } from '@/lib/config';

export const GENERATED_TWO_STEP_KEY = 'auth.generatedTwoStepKey';

export class MissingTwoStepKey extends Error {
  constructor() {
    super('TWO_STEP_KEY must be set (32 bytes in base64) when DEMO_MODE is not true in production');
    this.name = 'MissingTwoStepKey';
  }
}

export type KeyOptions = { env?: NodeJS.ProcessEnv; demoMode?: boolean; configured?: string };

/** The 32-byte master key. */
export async function resolveTwoStepKey(
  tx: Tx,
  { env = process.env, demoMode = config.demoMode, configured = config.twoStep.key }: KeyOptions = {},
): Promise<Buffer> {
  if (configured) return Buffer.from(configured, 'base64');
  if (env.NODE_ENV === 'production' && !demoMode) throw new MissingTwoStepKey();
  // Insert-if-absent then read: instances starting together agree on the winner's value.
  await tx.setting.createMany({
    data: [{ key: GENERATED_TWO_STEP_KEY, value: randomBytes(32).toString('base64') }],
    skipDuplicates: true,
  });
  const row = await tx.setting.findUniqueOrThrow({ where: { key: GENERATED_TWO_STEP_KEY } });
  const key = typeof row.value === 'string' ? Buffer.from(row.value, 'base64') : Buffer.alloc(0);
  if (key.length !== 32) throw new Error(`Setting ${GENERATED_TWO_STEP_KEY} is not a usable key`);
  return key;
}

export type KeyPurpose = 'secret' | 'recovery' | 'pending' | 'oidc';

/** A key for one purpose only, so a leak of one use says nothing about the others. */
export function deriveKey(master: Buffer, purpose: KeyPurpose): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `two-step:${purpose}`, 32));
}

/** AES-256-GCM: `v1.<iv>.<tag>.<ciphertext>` in base64url. `context` binds it (e.g. to a user). */
export function seal(key: Buffer, plaintext: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

/** The plaintext, or null when the value was altered, sealed under another key or for another context. */
export function open(key: Buffer, sealed: string, context: string): string | null {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || body === undefined) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

export function hmac(key: Buffer, value: string): string {
  return createHmac('sha256', key).update(value).digest('hex');
}
