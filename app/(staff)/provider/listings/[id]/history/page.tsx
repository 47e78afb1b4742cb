import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageHeading } from '@/components/layout/PageHeading';
import { BackLink, Table } from '@/components/ui';
import { Link } from '@/components/ui/Link';
import { can } from '@/lib/auth/permissions';
import { requireRole } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { formatDateTime } from '@/lib/format/dates';
import { editorData } from '@/lib/listings/editor';
import { FIELD_LABELS } from '@/lib/listings/snapshot';
import { listingHistory } from '@/lib/moderation';

export const metadata: Metadata = { title: 'Earlier versions of a listing' };

const REASONS: Record<string, string> = {
  created: 'Listed',
  edited: 'Edited',
  approved: 'Checked and published',
  restored: 'Earlier version restored',
  imported: 'Imported',
  capacity: 'Space changed',
};

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function ListingHistoryPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireRole('provider', 'coordinator', 'admin');
  const { id } = await params;
  if (!uuid.test(id)) notFound();
  const data = await editorData(db(), user, id);
  if (!data) notFound();
  const history = await listingHistory(db(), id);
  const coordinator = can(user, 'moderation.review');

  return (
    <>
      <BackLink href={`/provider/listings/${id}`}>Back to {data.name}</BackLink>
      <PageHeading caption={data.name}>Earlier versions</PageHeading>
      <p>
        Every published change is kept, with who made it and when.
        {coordinator
          ? ' You can compare any version with the listing now, and restore it.'
          : ' A coordinator can restore an earlier version if something goes wrong.'}
      </p>
      {history.length === 0 ? (
        <p>There are no published versions yet.</p>
      ) : (
        <Table
          caption="Versions, newest first"
          captionHidden
          head={['Version', 'When', 'Who', 'What changed', ...(coordinator ? [''] : [])]}
          rowKeys={history.map((h) => String(h.number))}
          rows={history.map((h) => [
            String(h.number),
            formatDateTime(h.createdAt),
            h.by ?? 'Not recorded',
            `${REASONS[h.reason ?? ''] ?? 'Changed'}${h.fields.length ? `: ${h.fields.map((f) => FIELD_LABELS[f].toLowerCase()).join(', ')}` : ''}`,
            ...(coordinator
              ? [
                  <Link key="c" href={`/moderation/listings/${id}/versions/${h.number}`}>
                    Compare<span className="visually-hidden"> version {h.number} with now</span>
                  </Link>,
                ]
              : []),
          ])}
        />
      )}
    </>
  );
}
