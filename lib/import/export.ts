// The whole directory in the import's CSV shape, a page of listings at a time, so an export of any
// size streams without being built in memory. Rows carry the ids an import matches on. Numbers go
// to the writer as numbers (a longitude of -0.12 is data); text is escaped, and the import takes
// the escape off again.
import type { Tx } from '@/lib/db/client';
import { listingInclude, snapshotOf } from '@/lib/listings/snapshot';
import { csvRow } from '@/lib/csv/write';
import { COLUMN_NAMES, formatScheduleText } from './format';

const PAGE = 500;

export async function* exportCsv(tx: Tx): AsyncGenerator<string> {
  yield csvRow(COLUMN_NAMES);
  let cursor: string | undefined;
  for (;;) {
    const page = await tx.service.findMany({
      where: { status: { not: 'defunct' } },
      orderBy: { id: 'asc' },
      take: PAGE,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      include: {
        ...listingInclude,
        organisation: {
          select: {
            id: true,
            externalId: true,
            name: true,
            email: true,
            phone: true,
            website: true,
            charityNumber: true,
            status: true,
          },
        },
      },
    });
    if (page.length === 0) return;
    for (const s of page) {
      const snap = snapshotOf(s);
      const loc = s.locations[0]?.location;
      const row: Record<string, string | number | null> = {
        service_id: s.externalId ?? s.id,
        organisation_id: s.organisation.externalId ?? s.organisation.id,
        organisation_name: s.organisation.name,
        organisation_email: s.organisation.email,
        organisation_phone: s.organisation.phone,
        organisation_website: s.organisation.website,
        organisation_charity_number: s.organisation.charityNumber,
        name: snap.name,
        description: snap.description,
        needs: snap.needs.join(';'),
        min_age: snap.minimumAge,
        max_age: snap.maximumAge,
        eligibility: snap.eligibility,
        free: snap.isFree ? 'yes' : 'no',
        cost: snap.costDescription,
        languages: snap.languages.join(';'),
        delivery: snap.deliveryModes.join(';'),
        access: snap.accessMethods.join(';'),
        contact_name: snap.contactName,
        email: snap.email,
        phone: snap.phone,
        website: snap.url,
        status: snap.status,
        capacity: snap.capacityStatus,
        spaces: snap.capacitySpaces,
        notice: snap.alert,
        location_id: loc ? (loc.externalId ?? loc.id) : null,
        location_name: loc?.name ?? null,
        address_1: loc?.address1 ?? null,
        address_2: loc?.address2 ?? null,
        town: loc?.city ?? null,
        postcode: loc?.postcode ?? null,
        latitude: loc?.latitude ?? null,
        longitude: loc?.longitude ?? null,
        accessibility: loc ? loc.accessibility.join(';') : null,
        schedules: formatScheduleText(snap.schedules),
        last_checked: (s.assuredAt ?? s.createdAt).toISOString().slice(0, 10),
      };
      yield csvRow(COLUMN_NAMES.map((c) => row[c]));
    }
    cursor = page[page.length - 1].id;
  }
}
