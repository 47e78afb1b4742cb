// The "password right, code still needed" state between the two steps: a sealed token naming the
// user and where to go afterwards, valid for five minutes. Pure, so tests seal and open it with a
// pinned clock; ./flow.ts puts it in an httpOnly cookie.
import { createHash } from 'node:crypto';
import type { Route } from 'next';
import { safeCallbackUrl } from '../roles';
import { deriveKey, open, seal } from './keys';

export const PENDING_SECONDS = 5 * 60;
const CONTEXT = 'two-step-pending';
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `ref` names this one pending sign-in (a digest of its token), for what is bound to it. */
export type Pending = { userId: string; callbackUrl: Route | null; expiresAt: Date; ref: string };

export function sealPending(master: Buffer, userId: string, callbackUrl: string | null | undefined, now: Date): string {
  const body = { u: userId, c: safeCallbackUrl(callbackUrl) ?? null, e: now.getTime() + PENDING_SECONDS * 1000 };
  return seal(deriveKey(master, 'pending'), JSON.stringify(body), CONTEXT);
}

/** The pending sign-in, or null when the token is missing, altered, for another key or expired. */
export function openPending(master: Buffer, token: string | undefined, now: Date): Pending | null {
  if (!token) return null;
  const text = open(deriveKey(master, 'pending'), token, CONTEXT);
  if (!text) return null;
  try {
    const body = JSON.parse(text) as { u?: unknown; c?: unknown; e?: unknown };
    if (typeof body.u !== 'string' || !uuid.test(body.u) || typeof body.e !== 'number' || body.e <= now.getTime()) return null;
    return {
      userId: body.u,
      callbackUrl: safeCallbackUrl(body.c),
      expiresAt: new Date(body.e),
      ref: createHash('sha256').update(token).digest('base64url'),
    };
  } catch {
    return null;
  }
}
