import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageHeading } from '@/components/layout/PageHeading';
import { ModerationDecisionForm } from '@/components/listings/ModerationDecisionForm';
import { BackLink, InsetText, SummaryList, Table, Tag, WarningText } from '@/components/ui';
import { Link } from '@/components/ui/Link';
import { requirePermission } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { formatDate, formatDateTime } from '@/lib/format/dates';
import { changeRequestView, KIND_LABELS } from '@/lib/moderation';
import { decideAction } from '../actions';
import '@/components/listings/listings.css';

export const metadata: Metadata = { title: 'Check a listing change' };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const STATUS = { pending: 'Waiting', approved: 'Approved', sent_back: 'Sent back', closed: 'Closed' } as const;

export default async function ChangeRequestPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission('moderation.review');
  const { id } = await params;
  if (!uuid.test(id)) notFound();
  const view = await changeRequestView(db(), id);
  if (!view) notFound();
  const pending = view.status === 'pending';
  const title = view.service?.name ?? view.organisation?.name ?? 'A listing';
  const group = view.kind === 'organisation_change';

  return (
    <>
      <BackLink href="/moderation">Back to listing changes</BackLink>
      {/* The decision form's error summary comes first; what is being decided sits between it and the form. */}
      <ModerationDecisionForm
        action={decideAction.bind(null, view.id)}
        problemReport={view.kind === 'problem_report'}
        pending={pending}
        decided={<p>This was decided{view.reviewedAt ? ` on ${formatDate(view.reviewedAt)}` : ''}.</p>}
      >
        <PageHeading
          caption={group ? KIND_LABELS[view.kind] : `${KIND_LABELS[view.kind]}: ${view.service?.organisationName ?? ''}`}
        >
          {title}
        </PageHeading>

        <SummaryList
          rows={[
            { key: 'Sent', value: formatDateTime(view.createdAt) },
            {
              key: 'By',
              value:
                view.kind === 'problem_report'
                  ? view.reporterEmail
                    ? `A member of the public (${view.reporterEmail})`
                    : 'A member of the public'
                  : (view.submittedBy ?? 'Not recorded'),
            },
            { key: 'Status', value: <Tag colour={pending ? 'yellow' : 'grey'}>{STATUS[view.status]}</Tag> },
            ...(view.service && view.service.organisationStatus === 'pending'
              ? [{ key: 'Group', value: <Link href="/moderation/organisations">New group, not yet approved</Link> }]
              : []),
            ...(view.organisation?.verified
              ? [
                  {
                    key: 'Group',
                    value: 'Verified: if the contact details change, check the new ones are genuine before you approve',
                  },
                ]
              : []),
            ...(view.message && view.kind !== 'problem_report'
              ? [{ key: 'Their message', value: <span className="whitespace-pre-line">{view.message}</span> }]
              : []),
            ...(view.reviewNote
              ? [{ key: 'Coordinator’s note', value: <span className="whitespace-pre-line">{view.reviewNote}</span> }]
              : []),
          ]}
        />

        {view.kind === 'problem_report' ? (
          <>
            <h2 className="heading-m">What they reported</h2>
            <p>
              <strong>{view.problem}</strong>
            </p>
            {view.message ? <InsetText className="whitespace-pre-line">{view.message}</InsetText> : null}
            {view.service ? (
              <p>
                <Link href={`/provider/listings/${view.service.id}`}>Correct the listing</Link> or{' '}
                <Link href={`/services/${view.service.id}`}>see it as the public sees it</Link>. The group sees this report on
                their listing page.
              </p>
            ) : null}
          </>
        ) : (
          <>
            {pending && view.kind === 'new_listing' && view.service?.organisationStatus === 'pending' ? (
              <WarningText>
                {view.service.organisationName} is a new group that has not been approved yet.{' '}
                <Link href="/moderation/organisations">Check and approve the group</Link> first: its listings can be published
                after that.
              </WarningText>
            ) : null}
            <h2 className="heading-m">
              {view.kind === 'new_listing' ? 'The listing as it would be published' : 'What would change'}
            </h2>
            {view.movedSinceLabels.length ? (
              <WarningText>
                Since this was sent, {view.movedSinceLabels.map((f) => f.toLowerCase()).join(', ')} changed on the live{' '}
                {group ? 'group' : 'listing'}. Approving replaces the live value with the proposed one.
              </WarningText>
            ) : null}
            <Table
              className="diff-table"
              caption={view.kind === 'new_listing' ? 'Each field of the new listing' : 'Each field: now and proposed'}
              captionHidden
              head={view.kind === 'new_listing' ? ['Field', 'Value'] : ['Field', 'Now', 'Proposed']}
              firstCellIsHeader
              rows={view.rows.map((r) =>
                view.kind === 'new_listing'
                  ? [r.label, r.after]
                  : [r.label, <del key="b">{r.before}</del>, <ins key="a">{r.after}</ins>],
              )}
            />
            {view.service ? (
              <p>
                <Link href={`/provider/listings/${view.service.id}/history`}>Earlier versions of this listing</Link>
              </p>
            ) : null}
          </>
        )}
      </ModerationDecisionForm>
    </>
  );
}
