import type { Metadata } from 'next';
import { forbidden, notFound } from 'next/navigation';
import { ProviderAnswerForm } from '@/components/referrals/ProviderAnswerForm';
import { referralTagColour } from '@/components/referrals/status';
import { ReferralContact, SharedValue } from '@/components/referrals/ReferralContact';
import { BackLink, InsetText, NotificationBanner, SummaryList, Table, TableDate, Tag } from '@/components/ui';
import { requireRole } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { formatDate } from '@/lib/format/dates';
import { openInboxReferral } from '@/lib/providers/inbox';
import { declineReasonLabel, isDeclineReason, statusLabel } from '@/lib/referrals/lifecycle';
import { answerReferralAction } from './actions';
import { cleanQuery } from '@/lib/forms';

export const metadata: Metadata = { title: 'Referral', robots: { index: false, follow: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ProviderReferralPage({ params, searchParams }: Props) {
  const user = await requireRole('provider');
  const { id } = await params;
  const query = cleanQuery(await searchParams);
  const opened = await db().$transaction((tx) => openInboxReferral(tx, user, id));
  if (!opened.ok) return opened.reason === 'forbidden' ? forbidden() : notFound();
  const r = opened.referral;
  const done = typeof query.done === 'string' && query.done in statusLabel ? query.done : null;

  return (
    <>
      <BackLink href="/provider/referrals">Back to referrals</BackLink>
      {done ? <NotificationBanner type="success" heading="Your answer has been sent to the link worker." /> : null}
      <div className="max-w-[40em]">
        <h1 className="heading-l">
          <span className="caption-l">{r.serviceName}</span>
          Referral {r.reference}
        </h1>
        <p>
          <Tag colour={referralTagColour(r.status)}>{statusLabel[r.status]}</Tag>
        </p>
        <p>
          {r.workerName} from {r.teamName} referred someone to {r.serviceName}
          {r.sentAt ? ` on ${formatDate(r.sentAt)}` : ''}.{r.answerBy ? ` Please answer by ${formatDate(r.answerBy)}.` : ''}
        </p>
        <ReferralContact contact={r.contact} reference={r.reference} />

        <h2 className="heading-m">Details they agreed to share</h2>
        {r.shared.length ? (
          <SummaryList
            rows={r.shared.map((s) => ({
              id: s.key,
              key: s.label,
              value: <SharedValue row={s} />,
            }))}
          />
        ) : (
          <InsetText>
            The person has not agreed to share their details. Contact {r.teamName} quoting reference {r.reference}, or accept and
            the link worker will put you in touch.
          </InsetText>
        )}
        {r.message ? (
          <>
            <h2 className="heading-m">Message from the link worker</h2>
            <InsetText>
              <p className="whitespace-pre-line">{r.message}</p>
            </InsetText>
          </>
        ) : null}

        {r.choices.length ? (
          <ProviderAnswerForm action={answerReferralAction.bind(null, r.id)} version={r.version} choices={r.choices} />
        ) : (
          <p>There is nothing more to do for this referral.</p>
        )}

        <h2 className="heading-m">History</h2>
        <Table
          caption="History of this referral"
          captionHidden
          head={['When', 'Status', 'By', 'Note']}
          rows={r.history.map((h) => [
            <TableDate key="t" value={h.at} time />,
            `${statusLabel[h.status]}${h.status === 'declined' && isDeclineReason(h.reason) ? `: ${declineReasonLabel[h.reason].toLowerCase()}` : ''}`,
            h.by,
            h.note ? <span className="whitespace-pre-line">{h.note}</span> : <span className="secondary-text">None</span>,
          ])}
        />
      </div>
    </>
  );
}
