import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageHeading } from '@/components/layout/PageHeading';
import { BackLink, Button, ErrorSummary, Table } from '@/components/ui';
import { requirePermission } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { formatDateTime } from '@/lib/format/dates';
import { versionDiff } from '@/lib/moderation';
import { restoreAction } from '../../../../actions';
import '@/components/listings/listings.css';
import { cleanQuery } from '@/lib/forms';

export const metadata: Metadata = { title: 'Compare an earlier version' };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function VersionPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; number: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePermission('moderation.review');
  const { id, number } = await params;
  const n = Number(number);
  if (!uuid.test(id) || !Number.isInteger(n) || n < 1) notFound();
  const diff = await versionDiff(db(), id, n);
  if (!diff) notFound();
  const error = cleanQuery(await searchParams).error;

  return (
    <>
      <BackLink href={`/provider/listings/${id}/history`}>Back to earlier versions</BackLink>
      {error ? (
        <ErrorSummary
          state={{
            fieldErrors: {
              restore: [
                error === 'no_change' ? 'The listing is already the same as this version' : 'We could not restore that version',
              ],
            },
          }}
        />
      ) : null}
      <PageHeading caption={diff.serviceName}>Version {diff.number}</PageHeading>
      <p>Saved {formatDateTime(diff.createdAt)}.</p>
      {diff.rows.length === 0 ? (
        <p>The listing is the same as this version now.</p>
      ) : (
        <>
          <Table
            className="diff-table"
            caption="Fields that differ: now and in this version"
            captionSize="m"
            head={['Field', 'Now', `Version ${diff.number}`]}
            firstCellIsHeader
            rows={diff.rows.map((r) => [r.label, r.before, r.after])}
          />
          <form action={restoreAction.bind(null, id, diff.number)}>
            <p>
              Restoring puts these fields back as they were in version {diff.number}. The listing as it is now stays in the
              history.
            </p>
            <Button id="restore" variant="warning">
              Restore version {diff.number}
            </Button>
          </form>
        </>
      )}
    </>
  );
}
