// A listing taken in from another directory's Open Referral UK feed belongs to that feed: the next
// import would overwrite a local edit, so edits here are refused, naming the feed, until an admin
// adopts the listing (docs/decisions/0023-oruk-import.md).
import type { Tx } from '@/lib/db/client';

/** The feed's name when the listing is the feed's (imported and not adopted); otherwise null. */
export async function owningFeed(tx: Tx, serviceId: string): Promise<string | null> {
  const s = await tx.service.findUnique({
    where: { id: serviceId },
    select: { adoptedAt: true, sourceFeed: { select: { name: true } } },
  });
  return s?.sourceFeed && !s.adoptedAt ? s.sourceFeed.name : null;
}

export function feedOwnedMessage(feed: string): string {
  return `This listing comes from the “${feed}” Open Referral feed, so it is changed there, not here. An administrator can adopt it to edit it here instead`;
}
