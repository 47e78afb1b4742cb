// What every import writes after creating or updating listings (the CSV import and Open Referral
// feeds alike): each listing's places, times and needs as its snapshot says, an updated listing's
// old ones removed first, and the next version in each listing's history.
import { randomUUID } from 'node:crypto';
import type { Tx } from '@/lib/db/client';
import { scheduleData } from '@/lib/listings/schedule-slots';
import type { ListingSnapshot } from '@/lib/listings/snapshot';
import { bulkInsert, columnsOf, type ColumnType } from './bulk';

/** A new listing's columns and their types, as every import writes them (beside its own key columns). */
export const LISTING_COLUMNS = {
  organisationId: 'uuid',
  name: 'text',
  description: 'text',
  url: 'text',
  email: 'text',
  phone: 'text',
  contactName: 'text',
  status: { enum: 'ServiceStatus' },
  published: 'bool',
  minimumAge: 'int',
  maximumAge: 'int',
  eligibility: 'text',
  isFree: 'bool',
  costDescription: 'text',
  languages: 'text[]',
  deliveryModes: { enumArray: 'DeliveryMode' },
  accessMethods: { enumArray: 'AccessMethod' },
  capacityStatus: { enum: 'CapacityStatus' },
  capacitySpaces: 'int',
  alert: 'text',
  assuredAt: 'timestamp',
  createdAt: 'timestamp',
  updatedAt: 'timestamp',
  version: 'int',
} as const satisfies Record<string, ColumnType>;

export async function writeImportedParts(
  tx: Tx,
  written: ReadonlyArray<{ id: string; snapshot: ListingSnapshot }>,
  updatedIds: readonly string[],
  termIds: ReadonlyMap<string, string>,
  actorId: string | null,
  now: Date,
): Promise<void> {
  if (updatedIds.length) {
    const ids = [...updatedIds];
    await tx.serviceAtLocation.deleteMany({ where: { serviceId: { in: ids } } });
    await tx.schedule.deleteMany({ where: { serviceId: { in: ids } } });
    await tx.serviceTaxonomy.deleteMany({ where: { serviceId: { in: ids } } });
  }
  await bulkInsert(
    tx,
    'ServiceAtLocation',
    columnsOf(
      written.flatMap((p) => p.snapshot.locations.map((l) => ({ id: randomUUID(), serviceId: p.id, locationId: l.id! }))),
      { id: 'uuid', serviceId: 'uuid', locationId: 'uuid' },
    ),
  );
  await bulkInsert(
    tx,
    'Schedule',
    columnsOf(
      written.flatMap((p) =>
        p.snapshot.schedules.map((s) => ({ id: randomUUID(), ...scheduleData(s), serviceId: p.id }) as Record<string, unknown>),
      ),
      {
        id: 'uuid',
        serviceId: 'uuid',
        freq: { enum: 'ScheduleFreq' },
        interval: 'int',
        byDay: 'text[]',
        byMonthDay: 'int',
        rrule: 'text',
        timezone: 'text',
        dtstart: 'date',
        validFrom: 'date',
        validTo: 'date',
        opensAt: 'text',
        closesAt: 'text',
        description: 'text',
      },
    ),
  );
  const links = written.flatMap((p) => p.snapshot.needs.map((code) => ({ serviceId: p.id, termId: termIds.get(code) ?? null })));
  if (links.some((l) => l.termId === null)) throw new Error('A needs theme was removed during the import');
  await bulkInsert(tx, 'ServiceTaxonomy', columnsOf(links, { serviceId: 'uuid', termId: 'uuid' }), 20000);

  // History: version 1 for new listings, the next number for changed ones.
  const lastNumbers = new Map<string, number>();
  if (updatedIds.length) {
    const groups = await tx.serviceVersion.groupBy({
      by: ['serviceId'],
      where: { serviceId: { in: [...updatedIds] } },
      _max: { number: true },
    });
    for (const g of groups) lastNumbers.set(g.serviceId, g._max.number ?? 0);
  }
  await bulkInsert(
    tx,
    'ServiceVersion',
    columnsOf(
      written.map((p) => ({
        id: randomUUID(),
        serviceId: p.id,
        number: (lastNumbers.get(p.id) ?? 0) + 1,
        snapshot: { ...p.snapshot, reason: 'imported' },
        createdById: actorId,
        createdAt: now,
      })),
      { id: 'uuid', serviceId: 'uuid', number: 'int', snapshot: 'jsonb', createdById: 'uuid', createdAt: 'timestamp' },
    ),
  );
}
