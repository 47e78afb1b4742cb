import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { emailFromClaims, providerUsedMfa } from '@/lib/auth/oidc/claims';
import {
  NOTICE_SECONDS,
  STATE_SECONDS,
  openNotice,
  openState,
  sealNotice,
  sealState,
  type OidcState,
} from '@/lib/auth/oidc/state';
import { messageForReason } from '@/lib/auth/sign-in-form';
import { EnvError, parseEnv } from '@/lib/config/env';

const T0 = new Date('2026-12-02T09:00:00.000Z');
const later = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

function problems(source: Record<string, string>): string[] {
  try {
    parseEnv(source);
    return [];
  } catch (error) {
    if (error instanceof EnvError) return error.problems.map((p) => `${p.name}: ${p.message}`);
    throw error;
  }
}

const sso = { OIDC_ISSUER: 'https://login.example/tenant/v2.0', OIDC_CLIENT_ID: 'app', OIDC_CLIENT_SECRET: 'secret' };

describe('single sign-on settings', () => {
  it('are off by default, with the documented button text', () => {
    const e = parseEnv({});
    expect(e.OIDC_ISSUER).toBeUndefined();
    expect(e).toMatchObject({
      OIDC_BUTTON_LABEL: "Sign in with your organisation's account",
      OIDC_ALLOWED_DOMAINS: [],
      OIDC_TRUSTS_MFA: false,
      OIDC_ALLOW_HTTP: false,
    });
  });

  it('need the client id and secret once an issuer is set', () => {
    expect(problems(sso)).toEqual([]);
    expect(problems({ OIDC_ISSUER: sso.OIDC_ISSUER })).toEqual([
      'OIDC_CLIENT_ID: must be set when OIDC_ISSUER is set',
      'OIDC_CLIENT_SECRET: must be set when OIDC_ISSUER is set',
    ]);
  });

  it('refuse an http issuer outside development and tests unless OIDC_ALLOW_HTTP=true', () => {
    const http = { ...sso, OIDC_ISSUER: 'http://localhost:3905' };
    expect(problems({ ...http, NODE_ENV: 'production' })).toEqual([
      'OIDC_ISSUER: must be an https address (OIDC_ALLOW_HTTP=true allows http for local testing only)',
    ]);
    expect(problems(http)).toHaveLength(1);
    expect(problems({ ...http, NODE_ENV: 'production', OIDC_ALLOW_HTTP: 'true' })).toEqual([]);
    expect(problems({ ...http, NODE_ENV: 'development' })).toEqual([]);
    expect(problems({ ...http, NODE_ENV: 'test' })).toEqual([]);
    expect(problems({ ...sso, NODE_ENV: 'production' })).toEqual([]);
  });

  it('read the allowed domains as a lower-case list, naming a bad one', () => {
    expect(parseEnv({ ...sso, OIDC_ALLOWED_DOMAINS: ' Eastbrook.gov.uk, @nhs.net ,' }).OIDC_ALLOWED_DOMAINS).toEqual([
      'eastbrook.gov.uk',
      'nhs.net',
    ]);
    expect(problems({ ...sso, OIDC_ALLOWED_DOMAINS: 'eastbrook.gov.uk,not a domain' })[0]).toMatch(
      /^OIDC_ALLOWED_DOMAINS: .*"not a domain" is not one/,
    );
  });
});

describe('the e-mail address a provider vouches for', () => {
  it('is `email` when `email_verified` is true, in lower case', () => {
    expect(emailFromClaims({ sub: 's', email: ' Ada@Council.Example ', email_verified: true }, [])).toEqual({
      ok: true,
      email: 'ada@council.example',
    });
    expect(emailFromClaims({ sub: 's', email: 'ada@council.example', email_verified: 'true' }, [])).toMatchObject({ ok: true });
  });

  it('is nothing when unverified, missing or not an address', () => {
    expect(emailFromClaims({ sub: 's', email: 'ada@council.example', email_verified: false }, [])).toEqual({
      ok: false,
      reason: 'unverified',
    });
    expect(emailFromClaims({ sub: 's', email: 'ada@council.example' }, [])).toEqual({ ok: false, reason: 'unverified' });
    expect(emailFromClaims({ sub: 's', preferred_username: 'ada@council.example' }, [])).toMatchObject({ ok: false });
    expect(emailFromClaims({ sub: 's', email: 'not an address', email_verified: true }, [])).toMatchObject({ ok: false });
    expect(emailFromClaims({ sub: 's', email: ['ada@council.example'], email_verified: true }, [])).toMatchObject({ ok: false });
  });

  it("takes Entra ID's address without email_verified only in a listed domain", () => {
    const domains = ['council.example'];
    expect(emailFromClaims({ sub: 's', email: 'ada@council.example' }, domains)).toEqual({
      ok: true,
      email: 'ada@council.example',
    });
    expect(emailFromClaims({ sub: 's', preferred_username: 'Ada@Council.Example' }, domains)).toEqual({
      ok: true,
      email: 'ada@council.example',
    });
    // An outside address in `email` does not hide the tenant's own user name.
    expect(emailFromClaims({ sub: 's', email: 'ada@gmail.example', preferred_username: 'ada@council.example' }, domains)).toEqual(
      {
        ok: true,
        email: 'ada@council.example',
      },
    );
    expect(emailFromClaims({ sub: 's', email: 'ada@sub.council.example' }, domains)).toEqual({ ok: false, reason: 'unverified' });
    expect(emailFromClaims({ sub: 's', email: 'ada@evilcouncil.example' }, domains)).toEqual({ ok: false, reason: 'unverified' });
    // The provider saying "not verified" is believed.
    expect(emailFromClaims({ sub: 's', email: 'ada@council.example', email_verified: false }, domains)).toEqual({
      ok: false,
      reason: 'unverified',
    });
  });

  it('must be in a listed domain, when there is a list, even when verified', () => {
    expect(emailFromClaims({ sub: 's', email: 'ada@gmail.example', email_verified: true }, ['council.example'])).toEqual({
      ok: false,
      reason: 'domain',
    });
  });
});

describe("the provider's second factor", () => {
  it('counts only when amr says "mfa"', () => {
    expect(providerUsedMfa({ amr: ['pwd', 'mfa'] })).toBe(true);
    expect(providerUsedMfa({ amr: ['pwd'] })).toBe(false);
    expect(providerUsedMfa({ amr: 'mfa' })).toBe(false);
    expect(providerUsedMfa({})).toBe(false);
  });
});

describe('the sealed single sign-on cookies', () => {
  const key = randomBytes(32);
  const value: OidcState = {
    state: 'st',
    nonce: 'no',
    verifier: 'a-pkce-verifier-that-must-stay-secret',
    callbackUrl: '/caseload',
  };

  it('carry one sign-in for 10 minutes, and only under their key', () => {
    const token = sealState(key, value, T0);
    expect(token).not.toContain('pkce-verifier');
    expect(openState(key, token, later(STATE_SECONDS - 1))).toEqual(value);
    expect(openState(key, token, later(STATE_SECONDS))).toBeNull();
    expect(openState(randomBytes(32), token, T0)).toBeNull();
    // Change a whole character of the sealed text (a final character may only carry padding bits).
    const cut = token.lastIndexOf('.') + 1;
    const changed = token[cut] === 'A' ? 'B' : 'A';
    expect(openState(key, `${token.slice(0, cut)}${changed}${token.slice(cut + 1)}`, T0)).toBeNull();
    expect(openState(key, undefined, T0)).toBeNull();
    // A notice is not a state, nor the other way round.
    expect(openState(key, sealNotice(key, 'ada@council.example', T0), T0)).toBeNull();
    expect(openNotice(key, token, T0)).toBeNull();
  });

  it('never carry a callback to another site', () => {
    const token = sealState(key, { ...value, callbackUrl: 'https://evil.example/' as never }, T0);
    expect(openState(key, token, T0)?.callbackUrl).toBeNull();
  });

  it('keep the refused address for two minutes', () => {
    const token = sealNotice(key, 'ada@council.example', T0);
    expect(openNotice(key, token, later(NOTICE_SECONDS - 1))).toBe('ada@council.example');
    expect(openNotice(key, token, later(NOTICE_SECONDS))).toBeNull();
  });
});

describe('what the sign-in page says after single sign-on', () => {
  it('names the address no active account was found for, and what to do', () => {
    expect(messageForReason('oidc-no-account', 'ada@council.example')).toBe(
      'There is no active account for ada@council.example. Ask your coordinator or admin to invite you.',
    );
    expect(messageForReason('oidc-no-account', null)).toMatch(/^There is no active account for the email address/);
    for (const reason of ['expired', 'state', 'cancelled', 'failed', 'unverified', 'subject'])
      expect(messageForReason(`oidc-${reason}`)).toMatch(/\.$/);
    expect(messageForReason('oidc-other')).toBeUndefined();
  });
});
