import { randomBytes } from 'node:crypto';
import { Secret } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { can, type Action, type Resource } from '@/lib/auth/permissions';
import { roles, type SessionUser } from '@/lib/auth/types';
import { deriveKey, open, seal } from '@/lib/auth/two-step/keys';
import { PENDING_SECONDS, openPending, sealPending } from '@/lib/auth/two-step/pending';
import { ROLES_THAT_SEE_PEOPLE, twoStepRequired } from '@/lib/auth/two-step/policy';
import {
  generateRecoveryCodes,
  hashRecoveryCode,
  looksLikeRecoveryCode,
  normaliseRecoveryCode,
} from '@/lib/auth/two-step/recovery-codes';
import { checkCode, codeAt, generateSecret, manualKey, otpauthUri, stepAt } from '@/lib/auth/two-step/totp';
import { codeInput } from '@/lib/auth/two-step/forms';
import { EnvError, parseEnv } from '@/lib/config/env';
import { demoAccounts } from '@/lib/demo/accounts';

const at = (seconds: number) => new Date(seconds * 1000);
const b32 = (latin1: string) => Secret.fromLatin1(latin1).base32;

// RFC 6238 appendix B: 8-digit codes for the three hash functions at six moments.
const SEEDS = {
  SHA1: '12345678901234567890',
  SHA256: '12345678901234567890123456789012',
  SHA512: '1234567890123456789012345678901234567890123456789012345678901234',
} as const;
const VECTORS: [number, Record<keyof typeof SEEDS, string>][] = [
  [59, { SHA1: '94287082', SHA256: '46119246', SHA512: '90693936' }],
  [1111111109, { SHA1: '07081804', SHA256: '68084774', SHA512: '25091201' }],
  [1111111111, { SHA1: '14050471', SHA256: '67062674', SHA512: '99943326' }],
  [1234567890, { SHA1: '89005924', SHA256: '91819424', SHA512: '93441116' }],
  [2000000000, { SHA1: '69279037', SHA256: '90698825', SHA512: '38618901' }],
  [20000000000, { SHA1: '65353130', SHA256: '77737706', SHA512: '47863826' }],
];

describe('TOTP (RFC 6238)', () => {
  for (const [seconds, codes] of VECTORS) {
    for (const algorithm of ['SHA1', 'SHA256', 'SHA512'] as const) {
      it(`gives the RFC's code at ${seconds}s with ${algorithm}`, () => {
        const secret = b32(SEEDS[algorithm]);
        expect(codeAt(secret, at(seconds), { algorithm, digits: 8 })).toBe(codes[algorithm]);
        expect(checkCode(secret, codes[algorithm], at(seconds), null, { algorithm, digits: 8 })).toEqual({
          ok: true,
          step: Math.floor(seconds / 30),
        });
      });
    }
  }

  const secret = b32(SEEDS.SHA1);
  const now = at(1111111111); // step 37037037, 1 second into it
  const step = stepAt(now);

  it('accepts a code from one step before or after now, and not two', () => {
    expect(checkCode(secret, codeAt(secret, at(1111111111 - 30)), now, null)).toEqual({ ok: true, step: step - 1 });
    expect(checkCode(secret, codeAt(secret, at(1111111111 + 30)), now, null)).toEqual({ ok: true, step: step + 1 });
    expect(checkCode(secret, codeAt(secret, at(1111111111 - 60)), now, null)).toEqual({ ok: false, reason: 'invalid' });
    expect(checkCode(secret, codeAt(secret, at(1111111111 + 60)), now, null)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a code from the step already used or an earlier one', () => {
    const code = codeAt(secret, now);
    expect(checkCode(secret, code, now, step - 1)).toEqual({ ok: true, step });
    expect(checkCode(secret, code, now, step)).toEqual({ ok: false, reason: 'replayed' });
    // A later code was used: the code from before it no longer works either.
    expect(checkCode(secret, codeAt(secret, at(1111111111 - 30)), now, step)).toEqual({ ok: false, reason: 'replayed' });
  });

  it('refuses wrong codes and anything that is not 6 digits; ignores spaces people type', () => {
    const code = codeAt(secret, now);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    expect(checkCode(secret, wrong, now, null)).toEqual({ ok: false, reason: 'invalid' });
    expect(checkCode(secret, `${code}0`, now, null)).toEqual({ ok: false, reason: 'invalid' });
    expect(checkCode(secret, 'abcdef', now, null)).toEqual({ ok: false, reason: 'invalid' });
    expect(checkCode(secret, `${code.slice(0, 3)} ${code.slice(3)}`, now, null)).toEqual({ ok: true, step });
  });

  it('makes 160-bit secrets, an otpauth address with the service as issuer, and a key in groups of 4', () => {
    const s = generateSecret();
    expect(s).toMatch(/^[A-Z2-7]{32}$/);
    expect(generateSecret()).not.toBe(s);
    const uri = new URL(otpauthUri(s, 'Eastbrook Community Connect', 'sam@example.org'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(uri.searchParams.get('issuer')).toBe('Eastbrook Community Connect');
    expect(uri.searchParams.get('secret')).toBe(s);
    expect(uri.searchParams.get('digits')).toBe('6');
    expect(uri.searchParams.get('period')).toBe('30');
    expect(decodeURIComponent(uri.pathname)).toBe('/Eastbrook Community Connect:sam@example.org');
    expect(manualKey('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ')).toBe('GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ');
  });

  it('reads the code field as six digits, naming what is wrong', () => {
    expect(codeInput.safeParse({ code: '123 456' }).data).toEqual({ code: '123456' });
    expect(codeInput.safeParse({ code: '' }).error?.issues[0].message).toMatch(/enter the 6-digit code/i);
    expect(codeInput.safeParse({ code: '12a456' }).error?.issues[0].message).toMatch(/only include numbers/i);
    expect(codeInput.safeParse({ code: '12345' }).error?.issues[0].message).toMatch(/must be 6 numbers/i);
  });
});

describe('recovery codes', () => {
  it('makes 10 different codes that read well on paper', () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) {
      expect(c).toMatch(/^[A-Z0-9]{5}-[A-Z0-9]{5}$/);
      expect(c).not.toMatch(/[01OIL58BS]/);
      expect(looksLikeRecoveryCode(c)).toBe(true);
    }
  });

  it('hashes the normalised code with a key, so typing it differently still matches', () => {
    const key = randomBytes(32);
    expect(normaliseRecoveryCode(' k7qmt wx3cp ')).toBe('K7QMTWX3CP');
    expect(hashRecoveryCode(key, 'k7qmt wx3cp')).toBe(hashRecoveryCode(key, 'K7QMT-WX3CP'));
    expect(hashRecoveryCode(randomBytes(32), 'K7QMT-WX3CP')).not.toBe(hashRecoveryCode(key, 'K7QMT-WX3CP'));
    expect(hashRecoveryCode(key, 'K7QMT-WX3CP')).not.toContain('K7QMT');
  });
});

describe('sealed values', () => {
  const master = randomBytes(32);
  const key = deriveKey(master, 'secret');

  it('opens only with the same key and context, and not when altered', () => {
    const sealed = seal(key, 'JBSWY3DPEHPK3PXP', 'user-1');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(open(key, sealed, 'user-1')).toBe('JBSWY3DPEHPK3PXP');
    expect(open(key, sealed, 'user-2')).toBeNull();
    expect(open(deriveKey(master, 'pending'), sealed, 'user-1')).toBeNull();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('JBSWY3DPEHPK3PXQ').toString('base64url');
    expect(open(key, parts.join('.'), 'user-1')).toBeNull();
    expect(open(key, 'garbage', 'user-1')).toBeNull();
  });

  it('keeps the pending step for five minutes, with a safe callback only', () => {
    const now = new Date('2026-12-02T09:00:00Z');
    const userId = '6f1c2b9e-1a2b-4c3d-8e4f-5a6b7c8d9e0f';
    const token = sealPending(master, userId, '/cases/1?tab=plan', now);
    expect(openPending(master, token, now)).toEqual({
      userId,
      callbackUrl: '/cases/1?tab=plan',
      expiresAt: new Date(now.getTime() + PENDING_SECONDS * 1000),
      ref: expect.stringMatching(/^[\w-]{43}$/),
    });
    // Each pending sign-in has its own ref, for the passkey challenges bound to it.
    expect(openPending(master, sealPending(master, userId, null, now), now)?.ref).not.toBe(openPending(master, token, now)?.ref);
    expect(openPending(master, token, new Date(now.getTime() + PENDING_SECONDS * 1000 - 1))).not.toBeNull();
    expect(openPending(master, token, new Date(now.getTime() + PENDING_SECONDS * 1000))).toBeNull();
    expect(openPending(randomBytes(32), token, now)).toBeNull();
    expect(openPending(master, undefined, now)).toBeNull();
    expect(openPending(master, sealPending(master, userId, 'https://evil.example/', now), now)?.callbackUrl).toBeNull();
  });
});

describe('who must use two-step sign-in', () => {
  const on = { required: true, demoMode: false };
  const person = (role: SessionUser['role'], email = `${role}@council.example`) => ({ email, role });

  it('asks every role that can see a person and not commissioners', () => {
    expect(roles.filter((r) => twoStepRequired(person(r), on))).toEqual(['provider', 'link_worker', 'coordinator', 'admin']);
  });

  it('agrees with the permission table: every role that may read a person, case or referral must use it', () => {
    const teamId = 't1';
    const organisationId = 'o1';
    const records: [Action, Resource][] = [
      ['person.read', { kind: 'person', teamIds: [teamId] }],
      ['case.read', { kind: 'case', teamId }],
      ['referral.read', { kind: 'referral', serviceOrganisationId: organisationId, caseTeamId: teamId }],
      ['person.export', { kind: 'person', teamIds: [teamId] }],
      ['person.erase', { kind: 'person', teamIds: [teamId] }],
    ];
    for (const role of roles) {
      const user: SessionUser = { id: 'u', name: 'U', email: 'u@x.example', role, teamId, organisationIds: [organisationId] };
      const seesPeople = records.some(([action, resource]) => can(user, action, resource));
      expect(ROLES_THAT_SEE_PEOPLE.includes(role), role).toBe(seesPeople);
    }
  });

  it('asks nobody when the borough switches it off', () => {
    expect(roles.some((r) => twoStepRequired(person(r), { required: false, demoMode: false }))).toBe(false);
  });

  it('lets the demo accounts in one step in demo mode only', () => {
    for (const account of demoAccounts) {
      expect(twoStepRequired(account, { required: true, demoMode: true })).toBe(false);
    }
    const worker = demoAccounts.find((a) => a.role === 'link_worker')!;
    expect(twoStepRequired(worker, on)).toBe(true);
    expect(twoStepRequired(person('link_worker'), { required: true, demoMode: true })).toBe(true);
  });
});

describe('settings', () => {
  it('requires two-step sign-in unless switched off, and takes a 32-byte base64 key only', () => {
    expect(parseEnv({}).TWO_STEP_REQUIRED).toBe(true);
    expect(parseEnv({ TWO_STEP_REQUIRED: 'false' }).TWO_STEP_REQUIRED).toBe(false);
    const key = randomBytes(32).toString('base64');
    expect(parseEnv({ TWO_STEP_KEY: key }).TWO_STEP_KEY).toBe(key);
    for (const bad of ['short', randomBytes(16).toString('base64'), randomBytes(48).toString('base64')]) {
      expect(() => parseEnv({ TWO_STEP_KEY: bad })).toThrow(EnvError);
      expect(() => parseEnv({ TWO_STEP_KEY: bad })).toThrow(/TWO_STEP_KEY must be 32 random bytes/);
    }
  });
});
