import type { Metadata } from 'next';
import { forbidden, notFound } from 'next/navigation';
import { AnonymiseForm } from '@/components/cases/AnonymiseForm';
import { BackLink, NotificationBanner, SummaryList, Table, WarningText } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { formatDate } from '@/lib/format/dates';
import { formatNumber } from '@/lib/format/numbers';
import { personSummary } from '@/lib/people/subject-access';
import { caseStatusTags } from '@/components/cases/tags';
import { anonymiseAction } from './actions';
import { cleanQuery } from '@/lib/forms';

export const metadata: Metadata = { title: 'A person’s record', robots: { index: false, follow: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminPersonPage({ params, searchParams }: Props) {
  const user = await requireRole('admin');
  const { id } = await params;
  const query = cleanQuery(await searchParams);
  const result = await db().$transaction((tx) => personSummary(tx, user, id));
  if (!result.ok) return result.reason === 'forbidden' ? forbidden() : notFound();
  const p = result.summary;
  const n = (x: number) => formatNumber(x);

  return (
    <>
      <BackLink href="/admin/people">Back to subject access and erasure</BackLink>
      {query.done === 'anonymised' ? (
        <NotificationBanner type="success" heading="The person’s record has been anonymised." />
      ) : null}
      <h1 className="heading-l">
        <span className="caption-l">Subject access and erasure</span>
        {p.name}
      </h1>
      <SummaryList
        rows={[
          { key: 'Cases', value: n(p.counts.cases) },
          { key: 'Conversations', value: n(p.counts.conversations) },
          { key: 'Referrals to services', value: n(p.counts.referrals) },
          { key: 'Agreements (consent)', value: n(p.counts.consents) },
          { key: 'Unmet need recorded', value: n(p.counts.unmetNeeds) },
          { key: 'Safeguarding concerns', value: n(p.counts.safeguarding) },
          { key: 'Accesses recorded', value: n(p.counts.auditEvents) },
          ...(p.anonymisedAt ? [{ key: 'Anonymised', value: formatDate(p.anonymisedAt) }] : []),
        ]}
      />
      <Table
        caption="Cases"
        captionSize="m"
        head={['Reference', 'Team', 'Received', 'Status']}
        rowKeys={p.cases.map((c) => c.id)}
        rows={p.cases.map((c) => [
          c.reference,
          c.teamName,
          formatDate(c.receivedAt),
          caseStatusTags[c.status as keyof typeof caseStatusTags]?.text ?? c.status,
        ])}
      />

      <h2 className="heading-m">Export everything (subject access)</h2>
      <p>A JSON file of everything held about this person, including who has seen their record. Downloading it is recorded.</p>
      <p>
        <a href={`/api/people/${p.id}/export`} download>
          Download the record as JSON
        </a>
      </p>

      <h2 className="heading-m">Erase (anonymise)</h2>
      {p.anonymisedAt ? (
        <p>This record was anonymised on {formatDate(p.anonymisedAt)}.</p>
      ) : (
        <>
          <p>
            This removes the person’s name, contact details, postcode, equality data and everything written about them. Cases,
            conversations (with their wellbeing scores), referrals and unmet need stay, without anything that identifies the
            person, so the reports still count them.
          </p>
          <WarningText>This cannot be undone.</WarningText>
          <AnonymiseForm action={anonymiseAction.bind(null, p.id)} />
        </>
      )}
    </>
  );
}
