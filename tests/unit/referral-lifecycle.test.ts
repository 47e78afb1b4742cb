import { describe, expect, it } from 'vitest';
import {
  actorMayMake,
  canMove,
  checkMove,
  fieldsFor,
  finalStatuses,
  isFinal,
  moves,
  referralStatuses,
  toFhirTaskStatus,
  type ActorKind,
  type ReferralStatus,
} from '@/lib/referrals/lifecycle';

// PRODUCT.md's transition table, written out again here so the module is checked against the
// document rather than against itself.
const table: Record<ReferralStatus, ReferralStatus[]> = {
  draft: ['sent', 'withdrawn'],
  sent: ['accepted', 'waitlisted', 'declined', 'withdrawn', 'expired'],
  waitlisted: ['accepted', 'attending', 'declined', 'withdrawn'],
  accepted: ['attending', 'did_not_attend', 'withdrawn'],
  attending: ['completed', 'withdrawn'],
  expired: ['sent'],
  declined: [],
  withdrawn: [],
  did_not_attend: [],
  completed: [],
};

const all: ReferralStatus[] = [
  'draft',
  'sent',
  'accepted',
  'declined',
  'withdrawn',
  'expired',
  'waitlisted',
  'attending',
  'did_not_attend',
  'completed',
];
const pairs = all.flatMap((from) => all.map((to) => [from, to] as const));
const provider: ReferralStatus[] = ['accepted', 'waitlisted', 'declined', 'attending', 'did_not_attend', 'completed'];

/** Who PRODUCT.md says makes each status (draft is made by creating the referral). */
function expectedActorRule(kind: ActorKind, to: ReferralStatus, onBehalf: boolean): boolean {
  if (kind === 'worker') return onBehalf ? provider.includes(to) : ['draft', 'sent', 'withdrawn'].includes(to);
  if (onBehalf) return false;
  if (kind === 'provider' || kind === 'answer_link') return provider.includes(to);
  return to === 'expired';
}

/** An actor that may make `to` (for checking the transition rule on its own). */
function rightfulActor(to: ReferralStatus) {
  if (to === 'expired') return { actor: { kind: 'system' as const }, onBehalf: false };
  if (provider.includes(to)) return { actor: { kind: 'provider' as const, userId: 'u1' }, onBehalf: false };
  return { actor: { kind: 'worker' as const, userId: 'u1' }, onBehalf: false };
}

describe('the transition table', () => {
  it('knows every status', () => {
    expect([...referralStatuses].sort()).toEqual([...all].sort());
    expect(Object.keys(moves).sort()).toEqual([...all].sort());
  });

  it.each(pairs)('%s -> %s is allowed exactly when PRODUCT.md says so', (from, to) => {
    expect(canMove(from, to)).toBe(table[from].includes(to));
  });

  it('has the four final statuses and nothing moves out of them', () => {
    expect([...finalStatuses].sort()).toEqual(['completed', 'declined', 'did_not_attend', 'withdrawn']);
    for (const s of all) expect(isFinal(s)).toBe(table[s].length === 0);
  });

  it('never moves a referral back to draft', () => {
    for (const from of all) expect(canMove(from, 'draft')).toBe(false);
  });
});

describe('checkMove, transition by transition with the rightful actor', () => {
  it.each(pairs)('%s -> %s', (from, to) => {
    const { actor, onBehalf } = rightfulActor(to);
    const result = checkMove(from, { to, actor, onBehalf, reason: to === 'declined' ? 'full' : undefined });
    if (table[from].includes(to)) expect(result).toEqual({ ok: true });
    else expect(result).toEqual({ ok: false, reason: 'not_allowed' });
  });
});

describe('who may make each status', () => {
  const kinds: ActorKind[] = ['worker', 'provider', 'system', 'answer_link'];
  const cases = kinds.flatMap((kind) => all.flatMap((to) => [false, true].map((onBehalf) => [kind, to, onBehalf] as const)));

  it.each(cases)('%s -> %s (on behalf: %s)', (kind, to, onBehalf) => {
    expect(actorMayMake(kind, to, onBehalf)).toBe(expectedActorRule(kind, to, onBehalf));
  });

  it('refuses a provider withdrawing or expiring a referral', () => {
    expect(checkMove('sent', { to: 'withdrawn', actor: { kind: 'provider', userId: 'p' } })).toEqual({
      ok: false,
      reason: 'forbidden_actor',
    });
    expect(checkMove('sent', { to: 'expired', actor: { kind: 'provider', userId: 'p' } })).toEqual({
      ok: false,
      reason: 'forbidden_actor',
    });
  });

  it('refuses a worker answering for the provider unless marked on behalf', () => {
    expect(checkMove('sent', { to: 'accepted', actor: { kind: 'worker', userId: 'w' } })).toEqual({
      ok: false,
      reason: 'forbidden_actor',
    });
    expect(checkMove('sent', { to: 'accepted', actor: { kind: 'worker', userId: 'w' }, onBehalf: true })).toEqual({ ok: true });
    expect(checkMove('accepted', { to: 'did_not_attend', actor: { kind: 'worker', userId: 'w' }, onBehalf: true })).toEqual({
      ok: true,
    });
  });

  it('refuses on-behalf for the worker’s own statuses and for everyone else', () => {
    expect(checkMove('draft', { to: 'sent', actor: { kind: 'worker', userId: 'w' }, onBehalf: true })).toEqual({
      ok: false,
      reason: 'forbidden_actor',
    });
    expect(checkMove('sent', { to: 'accepted', actor: { kind: 'provider', userId: 'p' }, onBehalf: true })).toEqual({
      ok: false,
      reason: 'forbidden_actor',
    });
    expect(checkMove('sent', { to: 'expired', actor: { kind: 'system' }, onBehalf: true })).toEqual({
      ok: false,
      reason: 'forbidden_actor',
    });
  });

  it('only the system expires a referral', () => {
    expect(checkMove('sent', { to: 'expired', actor: { kind: 'system' } })).toEqual({ ok: true });
    expect(checkMove('sent', { to: 'expired', actor: { kind: 'worker', userId: 'w' } })).toEqual({
      ok: false,
      reason: 'forbidden_actor',
    });
    expect(checkMove('sent', { to: 'expired', actor: { kind: 'answer_link' } })).toEqual({
      ok: false,
      reason: 'forbidden_actor',
    });
  });

  it('lets the worker send an expired referral again', () => {
    expect(checkMove('expired', { to: 'sent', actor: { kind: 'worker', userId: 'w' } })).toEqual({ ok: true });
    expect(checkMove('expired', { to: 'sent', actor: { kind: 'system' } })).toEqual({ ok: false, reason: 'forbidden_actor' });
  });

  it('needs a signed-in user for worker and provider moves, but not for the system or a link', () => {
    expect(checkMove('draft', { to: 'sent', actor: { kind: 'worker' } })).toEqual({ ok: false, reason: 'forbidden_actor' });
    expect(checkMove('sent', { to: 'accepted', actor: { kind: 'provider', userId: null } })).toEqual({
      ok: false,
      reason: 'forbidden_actor',
    });
    expect(checkMove('sent', { to: 'accepted', actor: { kind: 'answer_link' } })).toEqual({ ok: true });
  });

  it('says not_allowed before forbidden_actor when the move itself is impossible', () => {
    expect(checkMove('completed', { to: 'expired', actor: { kind: 'provider', userId: 'p' } })).toEqual({
      ok: false,
      reason: 'not_allowed',
    });
  });
});

describe('declining', () => {
  const provider = { kind: 'provider' as const, userId: 'p' };
  it('needs one of the decline reasons', () => {
    expect(checkMove('sent', { to: 'declined', actor: provider })).toEqual({ ok: false, reason: 'reason_required' });
    expect(checkMove('sent', { to: 'declined', actor: provider, reason: '' })).toEqual({ ok: false, reason: 'reason_required' });
    expect(checkMove('sent', { to: 'declined', actor: provider, reason: 'too busy' })).toEqual({
      ok: false,
      reason: 'reason_required',
    });
    for (const reason of ['full', 'not_eligible', 'not_suitable', 'could_not_contact', 'other']) {
      expect(checkMove('sent', { to: 'declined', actor: provider, reason })).toEqual({ ok: true });
      expect(checkMove('waitlisted', { to: 'declined', actor: provider, reason })).toEqual({ ok: true });
    }
  });
});

describe('FHIR R4 Task.status', () => {
  it.each([
    ['draft', 'draft'],
    ['sent', 'requested'],
    ['accepted', 'accepted'],
    ['declined', 'rejected'],
    ['withdrawn', 'cancelled'],
    ['expired', 'cancelled'],
    ['waitlisted', 'on-hold'],
    ['attending', 'in-progress'],
    ['did_not_attend', 'failed'],
    ['completed', 'completed'],
  ] as const)('%s is %s', (status, fhir) => {
    expect(toFhirTaskStatus(status).status).toBe(fhir);
  });

  it('keeps "expired" as the reason on a cancelled Task', () => {
    expect(toFhirTaskStatus('expired')).toEqual({ status: 'cancelled', statusReason: 'expired' });
    expect(toFhirTaskStatus('withdrawn').statusReason).toBeUndefined();
  });
});

describe('fields set by a move', () => {
  const now = new Date('2026-11-23T10:00:00Z');
  it('starts the answer clock again on sending', () => {
    expect(fieldsFor('draft', 'sent', null, now)).toEqual({
      sentAt: now,
      respondedAt: null,
      reminderSentAt: null,
      declineReason: null,
    });
    expect(fieldsFor('expired', 'sent', null, now)).toEqual({
      sentAt: now,
      respondedAt: null,
      reminderSentAt: null,
      declineReason: null,
    });
  });
  it('records the first answer time and the decline reason', () => {
    expect(fieldsFor('sent', 'accepted', null, now)).toEqual({ respondedAt: now });
    expect(fieldsFor('sent', 'waitlisted', null, now)).toEqual({ respondedAt: now });
    expect(fieldsFor('sent', 'declined', 'full', now)).toEqual({ respondedAt: now, declineReason: 'full' });
  });
  it('keeps the first answer time for later moves', () => {
    expect(fieldsFor('waitlisted', 'accepted', null, now)).toEqual({});
    expect(fieldsFor('waitlisted', 'declined', 'full', now)).toEqual({ declineReason: 'full' });
    expect(fieldsFor('accepted', 'attending', null, now)).toEqual({});
    expect(fieldsFor('sent', 'expired', 'no_answer', now)).toEqual({});
  });
});
