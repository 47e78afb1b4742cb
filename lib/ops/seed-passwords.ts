// A live instance must not start while an account still opens with a password published in this
// repository (the demo seed's). Argon2 is slow on purpose, so not every hash is tried: the seed
// hashes each password once and shares the hash, so shared hashes and the seed's own addresses are
// checked, and every account when there are few.
import { verifyPassword } from '@/lib/auth/password';
import type { Tx } from '@/lib/db/client';
import { demoAccounts, publicSeedPasswords } from '@/lib/demo/accounts';

const CHECK_EVERY_ACCOUNT_UP_TO = 50;

/** E-mail addresses of active accounts whose password is one of the seed's public ones. */
export async function accountsWithSeedPasswords(tx: Tx): Promise<string[]> {
  const users = await tx.user.findMany({ where: { active: true }, select: { email: true, passwordHash: true } });
  const byHash = new Map<string, string[]>();
  for (const u of users) byHash.set(u.passwordHash, [...(byHash.get(u.passwordHash) ?? []), u.email]);
  const seedEmails = new Set(demoAccounts.map((a) => a.email));
  const suspect = [...byHash].filter(
    ([, emails]) => byHash.size <= CHECK_EVERY_ACCOUNT_UP_TO || emails.length > 1 || emails.some((e) => seedEmails.has(e)),
  );
  const found: string[] = [];
  for (const [hash, emails] of suspect) {
    for (const password of publicSeedPasswords) {
      if (await verifyPassword(hash, password)) {
        found.push(...emails);
        break;
      }
    }
  }
  return found.sort();
}

/** What `npm start` says when it refuses to run a live instance. */
export function seedPasswordRefusal(emails: readonly string[]): string {
  const shown = emails.slice(0, 5).join(', ') + (emails.length > 5 ? ` and ${emails.length - 5} more` : '');
  return [
    `${emails.length} account${emails.length === 1 ? ' still has' : 's still have'} a demo password published with this software (${shown}).`,
    'This is not a demo (DEMO_MODE is not true), so the service will not start until they are gone. Either:',
    '  - point DATABASE_URL at a new, empty database (the demo data is never loaded outside demo mode), or',
    '  - switch those accounts off or give them new passwords, or',
    '  - run the demo on purpose with DEMO_MODE=true (never with real people\u2019s data).',
    'See README.md, "Going live".',
  ].join('\n');
}
