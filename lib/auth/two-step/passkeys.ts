// Passkeys and security keys (WebAuthn) as an alternative second step, through
// @simplewebauthn/server. The caller keeps the challenge from the options it sends to the browser
// (sealed, like the pending step) and passes it back with the browser's answer.
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import type { Tx } from '@/lib/db/client';
import { recordAudit, type AuditActor } from '@/lib/audit/record';
import { clear } from '../rate-limit';
import { attemptsKey, throttleAttempt, type CodeResult } from './service';

/** Who the browser's credential is for: this service, at this address. */
export type RelyingParty = { name: string; id: string; origin: string };

export function relyingPartyFor(baseUrl: string, serviceName: string): RelyingParty {
  const url = new URL(baseUrl);
  return { name: serviceName, id: url.hostname, origin: url.origin };
}

type Subject = { id: string; email: string; role: AuditActor['role'] };

const audit = (tx: Tx, user: AuditActor, action: string, at: Date) =>
  recordAudit(tx, { actor: user, action: `auth.two_step.${action}`, entityType: 'user', entityId: user.id, at });

const uuidBytes = (id: string) => Buffer.from(id.replace(/-/g, ''), 'hex');

export async function passkeyRegistrationOptions(
  tx: Tx,
  user: Subject,
  rp: RelyingParty,
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const existing = await tx.passkey.findMany({ where: { userId: user.id }, select: { credentialId: true, transports: true } });
  return generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: user.email,
    userID: uuidBytes(user.id),
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: p.transports })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
  });
}

/** Keeps the new passkey if the browser's answer is for our challenge, origin and site. */
export async function registerPasskey(
  tx: Tx,
  user: Subject,
  response: RegistrationResponseJSON,
  expectedChallenge: string,
  rp: RelyingParty,
  now: Date = new Date(),
): Promise<{ ok: true } | { ok: false; reason: 'invalid' }> {
  let result;
  try {
    result = await verifyRegistrationResponse({
      response,
      expectedChallenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: false,
    });
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (!result.verified) return { ok: false, reason: 'invalid' };
  const { credential } = result.registrationInfo;
  await tx.passkey.create({
    data: {
      userId: user.id,
      credentialId: credential.id,
      publicKey: Buffer.from(credential.publicKey).toString('base64url'),
      counter: credential.counter,
      transports: credential.transports ?? [],
      createdAt: now,
    },
  });
  await audit(tx, user, 'passkey_added', now);
  return { ok: true };
}

export async function hasPasskey(tx: Tx, userId: string): Promise<boolean> {
  return (await tx.passkey.count({ where: { userId } })) > 0;
}

export async function passkeyAuthenticationOptions(
  tx: Tx,
  userId: string,
  rp: RelyingParty,
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const keys = await tx.passkey.findMany({ where: { userId }, select: { credentialId: true, transports: true } });
  return generateAuthenticationOptions({
    rpID: rp.id,
    allowCredentials: keys.map((k) => ({ id: k.credentialId, transports: k.transports as never })),
    userVerification: 'preferred',
  });
}

/**
 * The second step with a passkey: one of this user's, signing our challenge, with a signature
 * counter that has moved on (a cloned key shows up as a counter going back). Throttled with codes.
 */
export async function verifyPasskey(
  tx: Tx,
  user: Subject,
  response: AuthenticationResponseJSON,
  expectedChallenge: string,
  rp: RelyingParty,
  now: Date = new Date(),
): Promise<CodeResult> {
  const throttled = await throttleAttempt(tx, user, now);
  if (throttled) return throttled;
  const key = await tx.passkey.findFirst({ where: { userId: user.id, credentialId: response.id } });
  let verified = false;
  let newCounter = 0;
  if (key) {
    try {
      const result = await verifyAuthenticationResponse({
        response,
        expectedChallenge,
        expectedOrigin: rp.origin,
        expectedRPID: rp.id,
        credential: {
          id: key.credentialId,
          publicKey: Buffer.from(key.publicKey, 'base64url'),
          counter: key.counter,
          transports: key.transports,
        },
        requireUserVerification: false,
      });
      verified = result.verified;
      newCounter = result.authenticationInfo.newCounter;
    } catch {
      verified = false;
    }
  }
  if (!key || !verified) {
    await audit(tx, user, 'passkey_refused', now);
    return { ok: false, reason: 'invalid' };
  }
  await tx.passkey.update({ where: { id: key.id }, data: { counter: newCounter, lastUsedAt: now } });
  await clear(tx, attemptsKey(user.id));
  await audit(tx, user, 'passkey_used', now);
  return { ok: true };
}
