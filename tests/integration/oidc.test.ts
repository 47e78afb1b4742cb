// Single sign-on against a real OpenID Connect provider (oidc-provider on localhost, started here):
// the full authorization code flow over HTTP, PKCE, state and nonce, then our checks of the answer.
// Nothing is mocked: the test is the browser, following the provider's redirects and posting its
// login form, and hands the query string it is sent back with to the callback's logic.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/client';
import { createSession, loadSession } from '@/lib/auth/load-user';
import { oidcClient, type OidcSettings } from '@/lib/auth/oidc/client';
import { finishOidc, nextStepAfterOidc, startOidc, type OidcOutcome } from '@/lib/auth/oidc/flow';
import { hashPassword } from '@/lib/auth/password';
import { freshDatabase, type FreshDatabase } from '../helpers/db';
import { startTestProvider, type TestProvider } from '../helpers/oidc-provider';

const REDIRECT_URI = 'http://localhost:3000/sign-in/oidc/callback';
const NOW = new Date('2026-12-02T09:00:00.000Z');
const key = randomBytes(32);

let database: FreshDatabase;
let db: Db;
let idp: TestProvider;
let settings: OidcSettings;

/** Cookies per name, as a browser keeps them for one site (paths are ignored: one flow at a time). */
class Jar {
  private readonly cookies = new Map<string, string>();
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
  keep(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

/**
 * Signs in at the provider as a browser would: the authorization request, the provider's login
 * page, its form, then redirects until the provider sends us back. Returns that query string.
 */
async function atProvider(url: URL, login: string, { mfa = false, cancel = false } = {}): Promise<URLSearchParams> {
  const jar = new Jar();
  const go = async (target: URL, init: RequestInit = {}) => {
    const response = await fetch(target, { ...init, redirect: 'manual', headers: { ...init.headers, cookie: jar.header() } });
    jar.keep(response);
    return response;
  };
  let response = await go(url);
  let here = url;
  for (let hops = 0; hops < 10; hops++) {
    if (response.status === 200) {
      // The provider's login page: post its form.
      expect(await response.text()).toContain('Test identity provider');
      const form = new URLSearchParams({ login, action: cancel ? 'cancel' : 'login', ...(mfa ? { mfa: 'yes' } : {}) });
      response = await go(here, { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      continue;
    }
    expect([302, 303]).toContain(response.status);
    here = new URL(response.headers.get('location')!, here);
    if (here.href.startsWith(`${REDIRECT_URI}?`)) return here.searchParams;
    response = await go(here);
  }
  throw new Error('the provider never sent the browser back');
}

/** One whole sign-in: start, the provider, our callback's checks. */
async function signIn(
  login: string,
  options: { mfa?: boolean; cancel?: boolean; callbackUrl?: string } = {},
): Promise<OidcOutcome> {
  const client = await oidcClient(settings);
  const started = await startOidc(client, settings, { key, callbackUrl: options.callbackUrl, now: NOW });
  const params = await atProvider(started.url, login, options);
  return finishOidc(db, client, settings, { params, cookie: started.cookie, key, now: NOW });
}

let n = 0;
async function makeUser(
  email: string,
  { role = 'link_worker', active = true }: { role?: 'link_worker' | 'commissioner'; active?: boolean } = {},
) {
  return db.user.create({
    data: { email, name: `Staff ${++n}`, passwordHash: await hashPassword(`a long password ${n}`), role, active },
  });
}

const audits = async (action: string) => db.auditEvent.findMany({ where: { action }, orderBy: { createdAt: 'asc' } });

beforeAll(async () => {
  database = await freshDatabase();
  db = database.db;
  idp = await startTestProvider({
    redirectUris: [REDIRECT_URI],
    accounts: {
      ada: { sub: 'sub-ada', email: 'Ada.Lovelace@council.example', email_verified: true },
      'ada-elsewhere': { sub: 'sub-someone-else', email: 'ada.lovelace@council.example', email_verified: true },
      unverified: { sub: 'sub-unverified', email: 'grace@council.example', email_verified: false },
      stranger: { sub: 'sub-stranger', email: 'nobody@council.example', email_verified: true },
      leaver: { sub: 'sub-leaver', email: 'leaver@council.example', email_verified: true },
      commissioner: { sub: 'sub-commissioner', email: 'figures@council.example', email_verified: true },
      entra: { sub: 'sub-entra', preferred_username: 'Mary.Seacole@council.example' },
      taken: { sub: 'sub-taken', email: 'taken@council.example', email_verified: true },
    },
  });
  settings = {
    issuer: idp.issuer,
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
    buttonLabel: "Sign in with your organisation's account",
    allowedDomains: [],
    trustsMfa: false,
    allowHttp: true,
    redirectUri: REDIRECT_URI,
  };
});

afterAll(async () => {
  await idp?.close();
  await database?.drop();
});

describe('single sign-on against a real provider', () => {
  it('matches an active account by verified e-mail, case-insensitively, and pins the subject', async () => {
    const user = await makeUser('ada.lovelace@council.example');
    const outcome = await signIn('ada', { callbackUrl: '/cases' });
    expect(outcome).toEqual({
      ok: true,
      user: { id: user.id, email: 'ada.lovelace@council.example', role: 'link_worker' },
      providerMfa: false,
      callbackUrl: '/cases',
    });
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).toMatchObject({ oidcIssuer: idp.issuer, oidcSubject: 'sub-ada', lastLoginAt: NOW });

    const signedIn = (await audits('auth.signed_in')).filter((e) => e.entityId === user.id);
    expect(signedIn.map((e) => e.detail)).toEqual([{ method: 'oidc', providerMfa: false }]);
    expect((await audits('auth.oidc.linked')).map((e) => e.entityId)).toEqual([user.id]);

    // A link worker must give a code as well, unless the provider says it asked for a second factor.
    if (!outcome.ok) throw new Error('not signed in');
    expect(await nextStepAfterOidc(db, outcome, settings)).toBe('two-step');
    expect(await nextStepAfterOidc(db, outcome, { trustsMfa: true })).toBe('session');

    // The same subject signs in again; the pin is not rewritten.
    const again = await signIn('ada', { mfa: true });
    expect(again).toMatchObject({ ok: true, providerMfa: true });
    if (!again.ok) throw new Error('not signed in');
    expect(await nextStepAfterOidc(db, again, settings)).toBe('session');
    expect(await audits('auth.oidc.linked')).toHaveLength(1);
  });

  it('opens a session when no second step is due', async () => {
    const user = await makeUser('figures@council.example', { role: 'commissioner' });
    const outcome = await signIn('commissioner');
    if (!outcome.ok) throw new Error(`refused: ${outcome.reason}`);
    expect(await nextStepAfterOidc(db, outcome, settings)).toBe('session');
    // What issueSession does with it: a session row the cookie's token opens.
    const session = await createSession(db, outcome.user.id, { now: NOW });
    expect((await loadSession(db, session.token, NOW))?.user.id).toBe(user.id);
  });

  it('refuses a different subject for a pinned account', async () => {
    // "ada" above pinned sub-ada; another organisation account now carries the same address.
    const before = await db.user.findFirstOrThrow({ where: { email: 'ada.lovelace@council.example' } });
    expect(before.oidcSubject).toBe('sub-ada');
    expect(await signIn('ada-elsewhere')).toEqual({ ok: false, reason: 'subject' });
    const after = await db.user.findUniqueOrThrow({ where: { id: before.id } });
    expect(after.oidcSubject).toBe('sub-ada');
    const refused = (await audits('auth.oidc.refused')).at(-1);
    expect(refused).toMatchObject({ entityId: before.id, detail: { reason: 'subject', why: 'other_subject' } });
  });

  it('refuses a subject already pinned to another account', async () => {
    const other = await makeUser('someone@council.example');
    await db.user.update({ where: { id: other.id }, data: { oidcIssuer: idp.issuer, oidcSubject: 'sub-taken' } });
    const user = await makeUser('taken@council.example');
    expect(await signIn('taken')).toEqual({ ok: false, reason: 'subject' });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).oidcSubject).toBeNull();
  });

  it('refuses an e-mail the provider says is not verified', async () => {
    const user = await makeUser('grace@council.example');
    expect(await signIn('unverified')).toEqual({ ok: false, reason: 'unverified' });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).oidcSubject).toBeNull();
    expect((await audits('auth.oidc.refused')).at(-1)?.detail).toEqual({ reason: 'unverified', why: 'unverified' });
  });

  it('refuses an unknown e-mail and creates no account, keeping the address out of the audit trail', async () => {
    const users = await db.user.count();
    expect(await signIn('stranger')).toEqual({ ok: false, reason: 'no-account', email: 'nobody@council.example' });
    expect(await db.user.count()).toBe(users);
    const refused = (await audits('auth.oidc.refused')).at(-1);
    expect(refused).toMatchObject({ actorId: null, entityId: null, detail: { reason: 'no-account', why: 'unknown' } });
    expect(JSON.stringify(await db.auditEvent.findMany())).not.toContain('nobody@');
  });

  it('refuses a switched-off account', async () => {
    const user = await makeUser('leaver@council.example', { active: false });
    expect(await signIn('leaver')).toEqual({ ok: false, reason: 'no-account', email: 'leaver@council.example' });
    expect((await audits('auth.oidc.refused')).at(-1)).toMatchObject({
      entityId: user.id,
      detail: { reason: 'no-account', why: 'switched_off' },
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lastLoginAt).toBeNull();
  });

  it("refuses an answer that is not for this browser's sign-in", async () => {
    await makeUser('mine@council.example');
    const client = await oidcClient(settings);
    const mine = await startOidc(client, settings, { key, now: NOW });
    const theirs = await startOidc(client, settings, { key, now: NOW });
    // The provider's answer to someone else's sign-in, brought back with our cookie.
    const params = await atProvider(theirs.url, 'mine@council.example');
    const audited = await db.auditEvent.count();
    expect(await finishOidc(db, client, settings, { params, cookie: mine.cookie, key, now: NOW })).toEqual({
      ok: false,
      reason: 'state',
    });
    // No cookie, or one past its 10 minutes.
    expect(await finishOidc(db, client, settings, { params, cookie: undefined, key, now: NOW })).toEqual({
      ok: false,
      reason: 'expired',
    });
    const later = new Date(NOW.getTime() + 11 * 60 * 1000);
    expect(await finishOidc(db, client, settings, { params, cookie: theirs.cookie, key, now: later })).toEqual({
      ok: false,
      reason: 'expired',
    });
    // Nothing written: anyone can send these.
    expect(await db.auditEvent.count()).toBe(audited);
    // The right cookie works, once: the provider will not exchange the same code twice.
    const ok = await finishOidc(db, client, settings, { params, cookie: theirs.cookie, key, now: NOW });
    expect(ok).toMatchObject({ ok: true });
    expect(await finishOidc(db, client, settings, { params, cookie: theirs.cookie, key, now: NOW })).toEqual({
      ok: false,
      reason: 'failed',
    });
  });

  it('says when the person cancelled at the provider', async () => {
    expect(await signIn('ada', { cancel: true })).toEqual({ ok: false, reason: 'cancelled' });
  });

  it("accepts Entra ID's unverified address only in a listed domain", async () => {
    const user = await makeUser('mary.seacole@council.example');
    expect(await signIn('entra')).toEqual({ ok: false, reason: 'unverified' });
    const listed = { ...settings, allowedDomains: ['council.example'] };
    const client = await oidcClient(listed);
    const started = await startOidc(client, listed, { key, now: NOW });
    const params = await atProvider(started.url, 'entra');
    expect(await finishOidc(db, client, listed, { params, cookie: started.cookie, key, now: NOW })).toMatchObject({
      ok: true,
      user: { id: user.id },
    });
  });
});
