import { hash, verify, parseOptions, type Options } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';

// argon2id with OWASP's minimum recommended cost (19 MiB, 2 passes, 1 lane). `Algorithm` is a
// const enum, which isolated modules cannot read, so its value (Argon2id = 2) is written here.
const ARGON2ID = 2 as Options['algorithm'];
const policy = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } satisfies Options;

export const MIN_PASSWORD_LENGTH = 12;

export async function hashPassword(password: string): Promise<string> {
  return hash(password, policy);
}

/** False for a wrong password and for a stored value that is not an argon2 hash at all. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

/** True when a hash was made with weaker settings than today's, so it should be replaced at sign-in. */
export function needsRehash(storedHash: string): boolean {
  try {
    const used = parseOptions(storedHash);
    return (
      used.algorithm !== policy.algorithm ||
      used.memoryCost < policy.memoryCost ||
      used.timeCost < policy.timeCost ||
      used.parallelism !== policy.parallelism
    );
  } catch {
    return true;
  }
}

let dummy: Promise<string> | undefined;

/**
 * Spends the same work as checking a real password, for sign-ins whose e-mail matches nobody, so
 * the response time does not tell an attacker which addresses have accounts.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummy ??= hashPassword(randomBytes(32).toString('base64url'));
  await verifyPassword(await dummy, password);
  return false;
}
