import { describe, expect, it } from 'vitest';
import { sanitiseDetail } from '@/lib/audit/record';
import { accountKey, normaliseEmail } from '@/lib/auth/authenticate';
import { userAgentLabel } from '@/lib/auth/load-user';
import { windowStartFor } from '@/lib/auth/rate-limit';
import { clientIp } from '@/lib/auth/request';
import { NextRequest } from 'next/server';
import { proxy } from '@/proxy';
import { roleHome, safeCallbackUrl } from '@/lib/auth/roles';
import { messageFor, messageForReason, signInInput, waitWords } from '@/lib/auth/sign-in-form';
import { isSignedOutError, SIGNED_OUT_DIGEST, SIGNED_OUT_MESSAGE, signedOutState } from '@/lib/forms/state';

describe('roleHome', () => {
  it('sends each role to its own home page', () => {
    expect(roleHome('provider')).toBe('/provider');
    expect(roleHome('link_worker')).toBe('/caseload');
    expect(roleHome('coordinator')).toBe('/triage');
    expect(roleHome('commissioner')).toBe('/reports');
    expect(roleHome('admin')).toBe('/admin');
  });
});

describe('safeCallbackUrl', () => {
  it.each([
    ['/caseload', '/caseload'],
    ['/cases/123?tab=notes#plan', '/cases/123?tab=notes#plan'],
  ])('keeps a path on this site: %s', (raw, expected) => {
    expect(safeCallbackUrl(raw)).toBe(expected);
  });

  it.each([
    'https://evil.example/phish',
    '//evil.example/phish',
    '/\\evil.example',
    'javascript:alert(1)',
    'caseload',
    '',
    '/sign-in?callbackUrl=/admin',
    '/api/auth/signout',
    undefined,
    42,
  ])('refuses anything else: %s', (raw) => {
    expect(safeCallbackUrl(raw)).toBeNull();
  });

  it('accepts an absolute address on our own origin only, as a path', () => {
    expect(safeCallbackUrl('http://localhost:3000/admin?x=1', 'http://localhost:3000')).toBe('/admin?x=1');
    expect(safeCallbackUrl('http://localhost:3000.evil.example/admin', 'http://localhost:3000')).toBeNull();
    expect(safeCallbackUrl('https://evil.example/admin', 'http://localhost:3000')).toBeNull();
  });
});

describe('clientIp', () => {
  it('takes the right-most forwarded address, which our own proxy added', () => {
    expect(clientIp(new Headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.9' }))).toBe('203.0.113.9');
    expect(clientIp({ 'x-forwarded-for': '198.51.100.7' })).toBe('198.51.100.7');
  });

  it('never believes x-real-ip (a client can send it); with no address at all, a shared "unknown" bucket', () => {
    expect(clientIp(new Headers({ 'x-real-ip': '192.0.2.1' }))).toBe('unknown');
    expect(clientIp(new Headers())).toBe('unknown');
  });
});

describe('e-mail keys', () => {
  it('treats case and surrounding spaces as the same address', () => {
    expect(normaliseEmail('  Sam.Worker@Example.TEST ')).toBe('sam.worker@example.test');
    expect(accountKey('Sam@Example.test')).toBe(accountKey('sam@example.test '));
  });

  it('keeps no e-mail address in the rate-limit key', () => {
    expect(accountKey('sam@example.test')).not.toContain('sam');
  });
});

describe('windowStartFor', () => {
  it('aligns fixed windows to the epoch so every instance agrees', () => {
    const now = new Date('2026-11-23T10:07:42.123Z');
    expect(windowStartFor(now, 60).toISOString()).toBe('2026-11-23T10:07:00.000Z');
    expect(windowStartFor(now, 15 * 60).toISOString()).toBe('2026-11-23T10:00:00.000Z');
  });
});

describe('session labels', () => {
  it('name the browser and system in a few words, never the whole header', () => {
    expect(
      userAgentLabel(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
      ),
    ).toBe('Chrome on Windows');
    expect(
      userAgentLabel('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Safari/604.1'),
    ).toBe('Safari on iOS');
    expect(userAgentLabel('curl/8.0')).toBe('Browser on another system');
  });
});

describe('a form sent after the session ended', () => {
  it('keeps every value and asks the person to sign in again', () => {
    const values = { whatMatters: 'x'.repeat(5000), needs: ['a', 'b'] };
    expect(signedOutState(values)).toEqual({
      values,
      fieldErrors: {},
      formError: 'You have been signed out. Sign in again to save this.',
      signedOut: true,
    });
    expect(SIGNED_OUT_MESSAGE).toMatch(/Sign in again to save this/);
  });

  it('is recognised by the digest Next.js keeps on the thrown error', () => {
    expect(isSignedOutError(Object.assign(new Error('x'), { digest: SIGNED_OUT_DIGEST }))).toBe(true);
    expect(isSignedOutError(Object.assign(new Error('x'), { digest: 'NEXT_REDIRECT;push;/sign-in' }))).toBe(false);
    expect(isSignedOutError(null)).toBe(false);
  });
});

describe('sign-in form', () => {
  it('names the field and says how to fix it', () => {
    const result = signInInput.safeParse({ email: ' ', password: '' });
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toContainEqual(['email', 'Enter your email address']);
    expect(issues).toContainEqual(['password', 'Enter your password']);
    const badFormat = signInInput.safeParse({ email: 'sam-at-example', password: 'x' });
    expect(badFormat.error!.issues[0].message).toBe('Enter an email address in the correct format, like name@example.com');
  });

  it('trims the e-mail', () => {
    expect(signInInput.parse({ email: ' sam@example.test ', password: 'x' }).email).toBe('sam@example.test');
  });

  it('gives the same words for a wrong password and an unknown address', () => {
    expect(messageFor({ ok: false, reason: 'invalid' })?.message).toBe('Enter a correct email address and password');
  });

  it('says how long to wait when throttled, never that the account is locked', () => {
    expect(messageFor({ ok: false, reason: 'throttled', retryAfterSeconds: 4 })?.message).toBe(
      'Too many attempts. Wait 4 seconds, then try again.',
    );
    expect(messageFor({ ok: false, reason: 'throttled', retryAfterSeconds: 300 })?.message).toBe(
      'Too many attempts. Wait 5 minutes, then try again.',
    );
    expect([0.2, 1, 59, 60, 61].map(waitWords)).toEqual(['1 second', '1 second', '59 seconds', '1 minute', '2 minutes']);
  });

  it('explains a timeout on the sign-in page', () => {
    expect(messageForReason('timeout')).toMatch(/signed out because you had not done anything/);
    expect(messageForReason('other')).toBeUndefined();
  });
});

describe('audit detail', () => {
  it('keeps ids, statuses, counts and field names', () => {
    const detail = {
      fromStatus: 'sent',
      toStatus: 'accepted',
      serviceId: '3f1c2a8e-5b7d-4c1e-9a2b-0c4d6e8f1a2b',
      count: 3,
      onBehalf: false,
      fields: ['name', 'phone'],
      on: '2026-11-23',
    };
    expect(sanitiseDetail(detail)).toEqual(detail);
  });

  it('drops personal data by key and by shape, and lists what it dropped', () => {
    const out = sanitiseDetail({
      name: 'Ada Lovelace',
      personEmail: 'x@y.test',
      contact_phone: '01632 960000',
      note: 'short',
      reason: 'ada@example.test',
      where: 'RG12 1AA',
      call: '+44 1632 960 000',
      essay: 'x'.repeat(500),
      nested: { status: 'ok', dateOfBirth: '1950-01-01' },
      kept: 'yes',
    });
    expect(out).toEqual({
      nested: { status: 'ok' },
      kept: 'yes',
      _redacted: ['name', 'personEmail', 'contact_phone', 'note', 'reason', 'where', 'call', 'essay', 'nested.dateOfBirth'],
    });
  });
});

describe('the proxy', () => {
  it('sends a signed-out page load of a staff page to sign in, and knows the session cookie by name', () => {
    const away = proxy(new NextRequest('http://localhost:3000/caseload?show=due'));
    expect(away.status).toBe(307);
    expect(away.headers.get('location')).toBe('http://localhost:3000/sign-in?callbackUrl=%2Fcaseload%3Fshow%3Ddue');
    const withCookie = new NextRequest('http://localhost:3000/caseload', { headers: { cookie: 'cc_session=abc' } });
    expect(proxy(withCookie).headers.get('location')).toBeNull();
  });

  it('lets a form post or server action through, so the action can keep what was typed', () => {
    const post = new NextRequest('http://localhost:3000/cases/1/conversations/new', {
      method: 'POST',
      headers: { 'next-action': 'abc' },
    });
    expect(proxy(post).headers.get('location')).toBeNull();
  });
});
