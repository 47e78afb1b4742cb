// Single sign-on's two halves as plain functions of the database, the provider and the clock (no
// Next.js here, so the integration tests drive them against a real provider): `startOidc` makes
// the address to send the browser to and the sealed cookie to carry, `finishOidc` checks what the
// browser brings back and says which account it opens. ./handlers.ts does the cookies and redirects.
import type { Route } from 'next';
import * as oidc from 'openid-client';
import { recordAudit } from '@/lib/audit/record';
import type { Tx } from '@/lib/db/client';
import { logError } from '@/lib/log/logger';
import { safeCallbackUrl } from '../roles';
import { needsSecondStep } from '../two-step/flow';
import type { Role } from '../types';
import { emailFromClaims, providerUsedMfa, type IdentityClaims } from './claims';
import type { OidcSettings } from './client';
import { openState, sealState } from './state';

export const OIDC_SCOPE = 'openid email profile';

/** Where to send the browser, and the sealed state it must bring back (./state.ts). */
export async function startOidc(
  client: oidc.Configuration,
  settings: Pick<OidcSettings, 'redirectUri'>,
  { key, callbackUrl, now }: { key: Buffer; callbackUrl?: unknown; now: Date },
): Promise<{ url: URL; cookie: string }> {
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(client, {
    redirect_uri: settings.redirectUri,
    scope: OIDC_SCOPE,
    response_type: 'code',
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  const cookie = sealState(key, { state, nonce, verifier, callbackUrl: safeCallbackUrl(callbackUrl) }, now);
  return { url, cookie };
}

export type OidcRefusal =
  /** No sign-in under way in this browser (cookie missing, altered or older than 10 minutes). */
  | 'expired'
  /** The answer is not for the sign-in this browser started. */
  | 'state'
  /** The provider answered with an error (the person cancelled, or the provider refused them). */
  | 'cancelled'
  /** The code exchange or the ID token failed its checks. */
  | 'failed'
  /** No e-mail address the provider vouches for, or one outside OIDC_ALLOWED_DOMAINS. */
  | 'unverified'
  /** No active account with that e-mail address (never created here). */
  | 'no-account'
  /** The account is pinned to another subject at this provider, or this subject to another account. */
  | 'subject';

export type OidcOutcome =
  | {
      ok: true;
      user: { id: string; email: string; role: Role };
      /** The provider says it asked for a second factor (`amr` has "mfa"). */
      providerMfa: boolean;
      callbackUrl: Route | null;
    }
  | { ok: false; reason: Exclude<OidcRefusal, 'no-account'> }
  /** `email` is for the person's own sign-in page only: never logged or audited. */
  | { ok: false; reason: 'no-account'; email: string };

export type FinishInput = {
  /** The query string the provider sent the browser back with. */
  params: URLSearchParams;
  /** The sealed state cookie, as the browser sent it. */
  cookie: string | undefined;
  key: Buffer;
  now: Date;
};

const providerErrorCode = /^[a-z_]{1,40}$/;

/** Checks the provider's answer and finds the one active account it opens, or says why not. */
export async function finishOidc(
  db: Tx,
  client: oidc.Configuration,
  settings: Pick<OidcSettings, 'redirectUri' | 'allowedDomains'>,
  { params, cookie, key, now }: FinishInput,
): Promise<OidcOutcome> {
  const refuse = async <R extends OidcRefusal>(reason: R, extra: { userId?: string; detail?: Record<string, unknown> } = {}) => {
    await recordAudit(db, {
      actor: null,
      action: 'auth.oidc.refused',
      entityType: 'user',
      entityId: extra.userId,
      detail: { reason, ...extra.detail },
      at: now,
    });
    return reason;
  };

  // Anyone can call the callback: answers with no sign-in of this browser's behind them are turned
  // away without a write, so they cannot fill the audit trail.
  const started = openState(key, cookie, now);
  if (!started) return { ok: false, reason: 'expired' };
  // Checked here as well as by openid-client, so a forged or stale answer is named for what it is.
  if (params.get('state') !== started.state) return { ok: false, reason: 'state' };
  const providerError = params.get('error');
  if (providerError) {
    const code = providerErrorCode.test(providerError) ? providerError : 'other';
    return { ok: false, reason: await refuse('cancelled', { detail: { providerError: code } }) };
  }

  let claims: IdentityClaims;
  try {
    const currentUrl = new URL(settings.redirectUri);
    currentUrl.search = params.toString();
    const tokens = await oidc.authorizationCodeGrant(client, currentUrl, {
      pkceCodeVerifier: started.verifier,
      expectedState: started.state,
      expectedNonce: started.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims()!;
    claims = idToken as IdentityClaims;
    // Providers that follow the core spec to the letter (oidc-provider) put `email` in userinfo only.
    if (idToken.email === undefined && client.serverMetadata().userinfo_endpoint) {
      const info = await oidc.fetchUserInfo(client, tokens.access_token, idToken.sub);
      claims = { ...info, ...idToken } as IdentityClaims;
    }
  } catch (error) {
    // openid-client's codes and messages name the check that failed, never the claims' values.
    logError(error, {}, "Single sign-on: the identity provider's answer failed its checks");
    return { ok: false, reason: await refuse('failed') };
  }

  const found = emailFromClaims(claims, settings.allowedDomains);
  if (!found.ok) return { ok: false, reason: await refuse('unverified', { detail: { why: found.reason } }) };

  const user = await db.user.findFirst({
    where: { email: { equals: found.email, mode: 'insensitive' } },
    select: { id: true, email: true, role: true, active: true, oidcIssuer: true, oidcSubject: true },
  });
  if (!user || !user.active) {
    await refuse('no-account', { userId: user?.id, detail: { why: user ? 'switched_off' : 'unknown' } });
    return { ok: false, reason: 'no-account', email: found.email };
  }

  // The first match pins the provider's subject; from then on only that subject opens the account.
  const issuer = client.serverMetadata().issuer;
  if (user.oidcIssuer === issuer && user.oidcSubject !== claims.sub) {
    return { ok: false, reason: await refuse('subject', { userId: user.id, detail: { why: 'other_subject' } }) };
  }
  if (user.oidcIssuer !== issuer) {
    try {
      await db.user.update({ where: { id: user.id }, data: { oidcIssuer: issuer, oidcSubject: claims.sub } });
    } catch (error) {
      // Unique (issuer, subject): this organisation account already opens another account here.
      if ((error as { code?: string }).code !== 'P2002') throw error;
      return { ok: false, reason: await refuse('subject', { userId: user.id, detail: { why: 'subject_taken' } }) };
    }
    await recordAudit(db, {
      actor: { id: user.id, role: user.role },
      action: 'auth.oidc.linked',
      entityType: 'user',
      entityId: user.id,
      detail: { replaced: user.oidcIssuer !== null },
      at: now,
    });
  }

  const providerMfa = providerUsedMfa(claims);
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
  await recordAudit(db, {
    actor: { id: user.id, role: user.role },
    action: 'auth.signed_in',
    entityType: 'user',
    entityId: user.id,
    detail: { method: 'oidc', providerMfa },
    at: now,
  });
  return { ok: true, user: { id: user.id, email: user.email, role: user.role }, providerMfa, callbackUrl: started.callbackUrl };
}

/**
 * What a matched sign-in still needs: our second step when the borough asks for one for this user
 * (./two-step/flow.ts, as after a password), unless the provider says it asked for a second factor
 * itself (`amr` has "mfa") or the borough trusts it to (OIDC_TRUSTS_MFA=true).
 */
export async function nextStepAfterOidc(
  db: Tx,
  outcome: Extract<OidcOutcome, { ok: true }>,
  settings: Pick<OidcSettings, 'trustsMfa'>,
): Promise<'session' | 'two-step'> {
  if (outcome.providerMfa || settings.trustsMfa) return 'session';
  return (await needsSecondStep(db, outcome.user)) ? 'two-step' : 'session';
}
