// The service's logo, shown in the header: PNG, JPEG or SVG, at most MAX_LOGO_BYTES, kept in the
// Setting table (`logo.image`, outside the `settings.` prefix so the settings cache never loads the
// bytes). The type is decided from the file's own bytes, never from what the browser claimed. An
// SVG is served only as an image (<img> never runs its scripts) and, opened directly, under a
// Content-Security-Policy that allows nothing and sandboxes it (app/api/logo/route.ts).
import { createHash } from 'node:crypto';
import { recordAudit, type AuditActor } from '@/lib/audit/record';
import type { Tx } from '@/lib/db/client';

export const LOGO_KEY = 'logo.image';
export const MAX_LOGO_BYTES = 200 * 1024;

export type LogoType = 'image/png' | 'image/jpeg' | 'image/svg+xml';
export type Logo = { type: LogoType; bytes: Buffer; etag: string };
type Stored = { type: LogoType; data: string; sha256: string; size: number };

export type LogoRefusal = 'empty' | 'too_big' | 'wrong_type' | 'unsafe_svg';

/** The logo's type from its first bytes, or why it is refused. */
export function checkLogo(bytes: Buffer): { ok: true; type: LogoType } | { ok: false; reason: LogoRefusal } {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  if (bytes.length > MAX_LOGO_BYTES) return { ok: false, reason: 'too_big' };
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return { ok: true, type: 'image/png' };
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return { ok: true, type: 'image/jpeg' };
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/i.test(text)) {
    // Served safely whatever it holds, but an SVG with scripts, event handlers or embedded pages is
    // not a logo: refused so it is never stored.
    if (/<script|<foreignObject|\son[a-z]+\s*=|javascript:|<!ENTITY/i.test(text)) return { ok: false, reason: 'unsafe_svg' };
    return { ok: true, type: 'image/svg+xml' };
  }
  return { ok: false, reason: 'wrong_type' };
}

export async function saveLogo(
  tx: Tx,
  actor: AuditActor,
  bytes: Buffer,
  now: Date = new Date(),
): Promise<{ ok: true; etag: string } | { ok: false; reason: LogoRefusal }> {
  const checked = checkLogo(bytes);
  if (!checked.ok) return checked;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const value: Stored = { type: checked.type, data: bytes.toString('base64'), sha256, size: bytes.length };
  await tx.setting.upsert({ where: { key: LOGO_KEY }, create: { key: LOGO_KEY, value }, update: { value } });
  await recordAudit(tx, {
    actor,
    action: 'settings.logo_changed',
    entityType: 'settings',
    entityId: 'logo',
    detail: { type: checked.type, size: bytes.length, sha256: sha256.slice(0, 16) },
    at: now,
  });
  return { ok: true, etag: sha256.slice(0, 16) };
}

export async function removeLogo(tx: Tx, actor: AuditActor, now: Date = new Date()): Promise<void> {
  const { count } = await tx.setting.deleteMany({ where: { key: LOGO_KEY } });
  if (count > 0)
    await recordAudit(tx, { actor, action: 'settings.logo_removed', entityType: 'settings', entityId: 'logo', at: now });
}

/** The logo's version (a prefix of its SHA-256) without loading its bytes; null when there is none. */
export async function logoVersion(tx: Tx): Promise<string | null> {
  const [row] = await tx.$queryRaw<{ sha: string | null }[]>`
    SELECT value->>'sha256' AS sha FROM "Setting" WHERE key = ${LOGO_KEY}`;
  return row?.sha ? row.sha.slice(0, 16) : null;
}

export async function readLogo(tx: Tx): Promise<Logo | null> {
  const row = await tx.setting.findUnique({ where: { key: LOGO_KEY } });
  const v = row?.value as Stored | undefined;
  if (!v || typeof v.data !== 'string') return null;
  const bytes = Buffer.from(v.data, 'base64');
  // Checked again on the way out: a row edited by hand is served only if it is still a safe image.
  const checked = checkLogo(bytes);
  if (!checked.ok) return null;
  return { type: checked.type, bytes, etag: v.sha256.slice(0, 16) };
}
