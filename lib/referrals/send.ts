// Creating a referral (as a draft, with its first event) and sending it to the provider.
import type { Tx } from '../db/client';
import { moveReferral, type Actor, type MoveResult, type ReferralStatus } from './lifecycle';
import { notifyProviderOfReferral } from './answer-links';

export type NewReferral = {
  caseId: string;
  serviceId: string;
  createdById: string;
  /** Only what the person consented to share with this provider (the caller checks consent). */
  sharedInfo: Record<string, unknown>;
  message?: string | null;
};

/** Inserts the referral as a draft and records who started it. */
export async function createReferral(tx: Tx, input: NewReferral, now: Date = new Date()) {
  const referral = await tx.referral.create({
    data: {
      caseId: input.caseId,
      serviceId: input.serviceId,
      createdById: input.createdById,
      sharedInfo: input.sharedInfo as object,
      message: input.message ?? null,
      status: 'draft',
      createdAt: now,
    },
  });
  await tx.referralEvent.create({
    data: {
      referralId: referral.id,
      fromStatus: null,
      toStatus: 'draft',
      actorId: input.createdById,
      actorKind: 'worker',
      createdAt: now,
    },
  });
  return referral;
}

/**
 * Sends (or sends again) a referral: moves it to sent and queues the provider's e-mail with its
 * answer links, both in the caller's transaction.
 */
export async function sendReferral(
  tx: Tx,
  input: { referralId: string; actor: Actor; expectedStatus?: ReferralStatus; expectedVersion?: number; note?: string | null },
  now: Date = new Date(),
): Promise<MoveResult & { providerNotified?: boolean }> {
  const moved = await moveReferral(tx, { ...input, to: 'sent' }, now);
  if (!moved.ok) return moved;
  const { notified } = await notifyProviderOfReferral(tx, input.referralId, 'new', now);
  return { ...moved, providerNotified: notified };
}
