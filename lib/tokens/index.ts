// Single-use, expiring links. Only the sha256 of a token is stored, so a copy of the database
// cannot be turned into working links; the raw token exists only in the link itself.
import { createHash, randomBytes } from 'node:crypto';
import type { Tx } from '../db/client';

export type TokenRecord = {
  id: string;
  purpose: string;
  subjectId: string;
  payload: Record<string, unknown>;
  expiresAt: Date;
};

export function hashToken(raw: string): string {
  return createHash('sha256').update(raw, 'utf8').digest('hex');
}

/** 32 random bytes, base64url (43 characters). */
export function newRawToken(): string {
  return randomBytes(32).toString('base64url');
}

// Anything else cannot be one of ours; refuse it before touching the database.
const shape = /^[A-Za-z0-9_-]{43}$/;
export function looksLikeToken(raw: unknown): raw is string {
  return typeof raw === 'string' && shape.test(raw);
}

export async function createToken(
  tx: Tx,
  input: { purpose: string; subjectId: string; payload?: Record<string, unknown>; expiresAt: Date },
): Promise<{ raw: string; id: string }> {
  const raw = newRawToken();
  const row = await tx.actionToken.create({
    data: {
      tokenHash: hashToken(raw),
      purpose: input.purpose,
      subjectId: input.subjectId,
      payload: (input.payload ?? {}) as object,
      expiresAt: input.expiresAt,
    },
    select: { id: true },
  });
  return { raw, id: row.id };
}

function toRecord(row: { id: string; purpose: string; subjectId: string; payload: unknown; expiresAt: Date }): TokenRecord {
  const payload =
    row.payload && typeof row.payload === 'object' && !Array.isArray(row.payload) ? (row.payload as Record<string, unknown>) : {};
  return { id: row.id, purpose: row.purpose, subjectId: row.subjectId, payload, expiresAt: row.expiresAt };
}

/** The token if it could still be used, without using it (for a confirmation page). */
export async function peekToken(tx: Tx, raw: string, purpose: string, now: Date = new Date()): Promise<TokenRecord | null> {
  if (!looksLikeToken(raw)) return null;
  const row = await tx.actionToken.findFirst({
    where: { tokenHash: hashToken(raw), purpose, usedAt: null, expiresAt: { gt: now } },
  });
  return row ? toRecord(row) : null;
}

/**
 * Uses the token: one UPDATE ... WHERE usedAt IS NULL AND expiresAt > now RETURNING, so of two
 * concurrent uses exactly one gets the record and a used or expired token gets null.
 */
export async function consumeToken(tx: Tx, raw: string, purpose: string, now: Date = new Date()): Promise<TokenRecord | null> {
  if (!looksLikeToken(raw)) return null;
  const rows = await tx.actionToken.updateManyAndReturn({
    where: { tokenHash: hashToken(raw), purpose, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  return rows.length === 1 ? toRecord(rows[0]) : null;
}

/** Marks every unused token for this subject and purpose used (the other links in the same e-mail). */
export async function revokeTokens(
  tx: Tx,
  input: { purpose: string; subjectId: string },
  now: Date = new Date(),
): Promise<number> {
  const { count } = await tx.actionToken.updateMany({
    where: { purpose: input.purpose, subjectId: input.subjectId, usedAt: null },
    data: { usedAt: now },
  });
  return count;
}
