import type { ComponentProps } from 'react';
import { referralTagColour } from '@/components/referrals/status';
import { WorkerReferralActions } from '@/components/referrals/WorkerReferralActions';
import { SummaryList, Table, Tag } from '@/components/ui';
import type { CasePage } from '@/lib/cases/view';
import { formatDateTime } from '@/lib/format/dates';
import { declineReasonLabel, isDeclineReason, statusLabel } from '@/lib/referrals/lifecycle';
import { OlderHistory } from './OlderHistory';
import { text } from './text';
import { Link } from '@/components/ui/Link';

type Props = {
  page: CasePage;
  writable: boolean;
  fullHistory: boolean;
  /** Moves one referral of this case (send, withdraw, record the provider's answer). */
  moveAction: (referralId: string) => ComponentProps<typeof WorkerReferralActions>['action'];
};

/** The referrals out to services: each one's status changes, what was shared, and what can be done. */
export function Referrals({ page, writable, fullHistory, moveAction }: Props) {
  const c = page.case;
  return (
    <>
      <h2 className="heading-l" id="referrals">
        Referrals to services
      </h2>
      {page.referrals.length === 0 && page.history.referrals === 0 ? <p>No referrals yet.</p> : null}
      {page.referrals.length < page.history.referrals ? (
        <OlderHistory
          page={page}
          fullHistory={fullHistory}
          what={`Showing ${page.referrals.length} of ${page.history.referrals} referrals:`}
        />
      ) : null}
      {page.referrals.map((r) => (
        <section key={r.id} id={`referral-${r.id}`} aria-labelledby={`referral-${r.id}-h`} className="mb-10">
          <h3 className="heading-m mb-2" id={`referral-${r.id}-h`}>
            {r.serviceName}
            <span className="block font-normal text-base secondary-text">{r.organisationName}</span>
          </h3>
          <p>
            <Tag colour={referralTagColour(r.status)}>{statusLabel[r.status]}</Tag>
          </p>
          <Table
            caption={`Status changes for ${r.serviceName}`}
            captionSize="m"
            captionHidden
            head={['When', 'Status', 'By', 'Notes']}
            rowKeys={r.events.map((e) => e.id)}
            rows={r.events.map((e) => [
              formatDateTime(e.createdAt),
              statusLabel[e.toStatus],
              e.actorKind === 'system'
                ? 'Automatically'
                : e.actorKind === 'answer_link'
                  ? 'Provider (email link)'
                  : `${e.by ?? 'Unknown'}${e.onBehalf ? ' (for the provider, by phone)' : ''}`,
              [e.toStatus === 'declined' && isDeclineReason(e.reason) ? declineReasonLabel[e.reason] : e.reason, e.note]
                .filter(Boolean)
                .join('. '),
            ])}
          />
          <SummaryList
            rows={[
              {
                key: 'Details shared',
                value: r.shared.length ? r.shared.map((s) => s.label).join(', ') : 'None: the reference only',
              },
              ...(r.message ? [{ key: 'Message to the provider', value: text(r.message) }] : []),
            ]}
          />
          {r.status === 'declined' && writable ? (
            <p>
              <Link href={`/cases/${c.id}/unmet-need?referralId=${r.id}`}>
                Record unmet need<span className="visually-hidden"> because {r.serviceName} declined</span>
              </Link>
            </p>
          ) : null}
          {writable ? (
            <WorkerReferralActions
              referralId={r.id}
              serviceName={r.serviceName}
              status={r.status}
              version={r.version}
              onBehalfChoices={r.onBehalfChoices}
              action={moveAction(r.id)}
            />
          ) : null}
        </section>
      ))}
    </>
  );
}
