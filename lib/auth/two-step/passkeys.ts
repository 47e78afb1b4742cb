// Security keys and passkeys (WebAuthn) as a second step next to the authenticator app, through
// @simplewebauthn/server. Each challenge is a single-use ActionToken (lib/tokens): random, only its
// digest stored, valid for CHALLENGE_SECONDS and bound to what asked for it (the pending sign-in's
// cookie or the signed-in session), so the browser's answer counts once, for that sign-in only.
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransport,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import type { Tx } from '@/lib/db/client';
import { recordAudit, type AuditActor } from '@/lib/audit/record';
import { consumeToken, createToken } from '@/lib/tokens';
import { clear } from '../rate-limit';
import { attemptsKey, hasApp, isEnrolled, replaceRecoveryCodes, throttleAttempt, type CodeResult } from './service';

/** How long the browser has to answer a challenge. */
export const CHALLENGE_SECONDS = 5 * 60;

/** Who a credential is for: this service, at the host and origin of APP_BASE_URL. */
export type RelyingParty = { name: string; id: string; origin: string };

export function relyingPartyFor(baseUrl: string, serviceName: string): RelyingParty {
  const url = new URL(baseUrl);
  return { name: serviceName, id: url.hostname, origin: url.origin };
}

type Purpose = 'register' | 'sign_in';
/** What a challenge belongs to: a digest of the pending sign-in's cookie, or the session's id. */
export type Binding = string;

type Subject = { id: string; email: string; role: AuditActor['role'] };

const audit = (tx: Tx, user: AuditActor, action: string, at: Date, detail?: Record<string, unknown>) =>
  recordAudit(tx, { actor: user, action: `auth.two_step.${action}`, entityType: 'user', entityId: user.id, at, detail });

const uuidBytes = (id: string) => Buffer.from(id.replace(/-/g, ''), 'hex');

/** A new challenge for this user and binding: the token's 32 random bytes, base64url as WebAuthn sends them. */
async function newChallenge(
  tx: Tx,
  userId: string,
  purpose: Purpose,
  boundTo: Binding,
  now: Date,
): Promise<Uint8Array<ArrayBuffer>> {
  const { raw } = await createToken(tx, {
    purpose: `passkey.${purpose}`,
    subjectId: userId,
    payload: { boundTo },
    expiresAt: new Date(now.getTime() + CHALLENGE_SECONDS * 1000),
  });
  return new Uint8Array(Buffer.from(raw, 'base64url'));
}

/** The challenge the browser signed, used up now; null unless it is ours, live, for this user and binding. */
async function takeChallenge(
  tx: Tx,
  userId: string,
  purpose: Purpose,
  boundTo: Binding,
  clientDataJSON: unknown,
  now: Date,
): Promise<string | null> {
  let challenge: unknown;
  try {
    challenge = (JSON.parse(Buffer.from(String(clientDataJSON), 'base64url').toString('utf8')) as { challenge?: unknown })
      .challenge;
  } catch {
    return null;
  }
  if (typeof challenge !== 'string') return null;
  const token = await consumeToken(tx, challenge, `passkey.${purpose}`, now);
  return token?.subjectId === userId && token.payload.boundTo === boundTo ? challenge : null;
}

export async function passkeyRegistrationOptions(
  tx: Tx,
  user: { id: string; email: string; name?: string },
  rp: RelyingParty,
  boundTo: Binding,
  now: Date = new Date(),
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const existing = await tx.passkey.findMany({ where: { userId: user.id }, select: { credentialId: true, transports: true } });
  return generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: user.email,
    userDisplayName: user.name ?? user.email,
    userID: uuidBytes(user.id),
    challenge: await newChallenge(tx, user.id, 'register', boundTo, now),
    timeout: CHALLENGE_SECONDS * 1000,
    // Which maker's key it is does not change what we trust: the signature with its public key.
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: p.transports as AuthenticatorTransport[] })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
  });
}

export type PasskeyAdded = { ok: true; recoveryCodes: string[] | null } | { ok: false; reason: 'invalid' };

/**
 * Keeps the new key if the browser's answer is to our challenge, from our origin, for our RP ID.
 * A first second step (no app, no other key) comes with recovery codes, to show once.
 */
export async function registerPasskey(
  tx: Tx,
  user: Subject,
  input: { name: string; response: RegistrationResponseJSON },
  rp: RelyingParty,
  boundTo: Binding,
  { key, now = new Date() }: { key: Buffer; now?: Date },
): Promise<PasskeyAdded> {
  const expectedChallenge = await takeChallenge(tx, user.id, 'register', boundTo, input.response.response?.clientDataJSON, now);
  let result;
  try {
    if (!expectedChallenge) throw new Error('No live challenge');
    result = await verifyRegistrationResponse({
      response: input.response,
      expectedChallenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: false,
    });
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (!result.verified) return { ok: false, reason: 'invalid' };
  const first = !(await isEnrolled(tx, user.id));
  const { credential } = result.registrationInfo;
  await tx.passkey.create({
    data: {
      userId: user.id,
      name: input.name,
      credentialId: credential.id,
      publicKey: Buffer.from(credential.publicKey).toString('base64url'),
      counter: credential.counter,
      transports: credential.transports ?? [],
      createdAt: now,
    },
  });
  await audit(tx, user, 'passkey_added', now, { name: input.name });
  return { ok: true, recoveryCodes: first ? await replaceRecoveryCodes(tx, user.id, key, now) : null };
}

export async function passkeySignInOptions(
  tx: Tx,
  userId: string,
  rp: RelyingParty,
  boundTo: Binding,
  now: Date = new Date(),
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const keys = await tx.passkey.findMany({ where: { userId }, select: { credentialId: true, transports: true } });
  return generateAuthenticationOptions({
    rpID: rp.id,
    challenge: await newChallenge(tx, userId, 'sign_in', boundTo, now),
    timeout: CHALLENGE_SECONDS * 1000,
    allowCredentials: keys.map((k) => ({ id: k.credentialId, transports: k.transports as AuthenticatorTransport[] })),
    userVerification: 'preferred',
  });
}

/**
 * The second step with a key: one of this user's, signing a live challenge of this sign-in, with a
 * signature counter that has moved on (a cloned key shows up as a counter going back; keys that
 * keep no counter send 0 each time). Wrong attempts count with wrong codes.
 */
export async function verifyPasskey(
  tx: Tx,
  user: Subject,
  response: AuthenticationResponseJSON,
  rp: RelyingParty,
  boundTo: Binding,
  now: Date = new Date(),
): Promise<CodeResult> {
  const throttled = await throttleAttempt(tx, user, now);
  if (throttled) return throttled;
  const expectedChallenge = await takeChallenge(tx, user.id, 'sign_in', boundTo, response.response?.clientDataJSON, now);
  const key = expectedChallenge
    ? await tx.passkey.findFirst({ where: { userId: user.id, credentialId: String(response.id) } })
    : null;
  let newCounter: number | null = null;
  if (key && expectedChallenge) {
    try {
      const result = await verifyAuthenticationResponse({
        response,
        expectedChallenge,
        expectedOrigin: rp.origin,
        expectedRPID: rp.id,
        credential: {
          id: key.credentialId,
          publicKey: Buffer.from(key.publicKey, 'base64url'),
          counter: Number(key.counter),
          transports: key.transports as AuthenticatorTransport[],
        },
        requireUserVerification: false,
      });
      if (result.verified) newCounter = result.authenticationInfo.newCounter;
    } catch {
      newCounter = null;
    }
  }
  if (!key || newCounter === null) {
    await audit(tx, user, 'passkey_refused', now, { reason: expectedChallenge ? 'key' : 'challenge' });
    return { ok: false, reason: 'invalid' };
  }
  // Conditional on the counter read, so two requests racing with one answer cannot both pass.
  const { count } = await tx.passkey.updateMany({
    where: { id: key.id, counter: key.counter },
    data: { counter: newCounter, lastUsedAt: now },
  });
  if (count === 0) return { ok: false, reason: 'replayed' };
  await clear(tx, attemptsKey(user.id));
  await audit(tx, user, 'passkey_used', now, { name: key.name });
  return { ok: true };
}

export type PasskeyRemoved = { ok: true } | { ok: false; reason: 'not_found' | 'last_step' };

/** Whether a key is the last second step of someone who must have one (so it stays). */
export function isLastRequiredStep({ required, app, keys }: { required: boolean; app: boolean; keys: number }): boolean {
  return required && !app && keys <= 1;
}

/**
 * Removes one of the user's keys. Someone who must use two-step sign-in keeps at least one second
 * step: their last key goes only once they have the app.
 */
export async function removePasskey(
  tx: Tx,
  user: Subject,
  passkeyId: string,
  { required, now = new Date() }: { required: boolean; now?: Date },
): Promise<PasskeyRemoved> {
  const keys = await tx.passkey.findMany({ where: { userId: user.id }, select: { id: true, name: true } });
  const key = keys.find((k) => k.id === passkeyId);
  if (!key) return { ok: false, reason: 'not_found' };
  if (isLastRequiredStep({ required, app: await hasApp(tx, user.id), keys: keys.length }))
    return { ok: false, reason: 'last_step' };
  await tx.passkey.delete({ where: { id: key.id } });
  await audit(tx, user, 'passkey_removed', now, { name: key.name });
  return { ok: true };
}
