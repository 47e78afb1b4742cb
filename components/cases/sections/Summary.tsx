import { ragTags } from '@/components/cases/tags';
import { PhoneAndEmail, SummaryList } from '@/components/ui';
import { outcomeLabels, sourceLabels } from '@/lib/cases/labels';
import type { CasePage } from '@/lib/cases/view';
import { formatDate } from '@/lib/format/dates';
import { text } from './text';

/** How the case came in, who has it, and (once closed) how it ended. */
export function Summary({ page }: { page: CasePage }) {
  const c = page.case;
  const closed = c.status === 'closed';
  const latest = page.conversations.filter((x) => !x.superseded)[0];
  return (
    <>
      <h2 className="heading-l">Summary</h2>
      <SummaryList
        rows={[
          { key: 'Received', value: `${formatDate(c.receivedAt)} (${sourceLabels[c.source].toLowerCase()})` },
          ...(c.referrerName || c.referrerOrganisation
            ? [{ key: 'Referred by', value: [c.referrerName, c.referrerOrganisation].filter(Boolean).join(', ') }]
            : []),
          ...(c.referrerPhone || c.referrerEmail
            ? [
                {
                  key: 'Referrer’s contact',
                  value: <PhoneAndEmail phone={c.referrerPhone} email={c.referrerEmail} />,
                },
              ]
            : []),
          { key: 'Team', value: c.team.name },
          { key: 'Link worker', value: c.assignedWorker?.name ?? <span className="secondary-text">Not assigned yet</span> },
          ...(c.rag ? [{ key: 'Rating', value: `${ragTags[c.rag].text}${c.ragReason ? `: ${c.ragReason}` : ''}` }] : []),
          {
            key: 'First contact',
            value: c.firstContactAt ? (
              formatDate(c.firstContactAt)
            ) : (
              <span className="secondary-text">Waiting for first contact</span>
            ),
          },
          {
            key: 'Next follow-up',
            value: latest?.nextFollowUpOn ? (
              formatDate(latest.nextFollowUpOn, { dateOnly: true })
            ) : (
              <span className="secondary-text">None set</span>
            ),
          },
          {
            key: 'Needs at referral',
            value: c.needs.length ? (
              c.needs.map((n) => n.term.name).join(', ')
            ) : (
              <span className="secondary-text">None recorded</span>
            ),
          },
          { key: 'What matters (at referral)', value: text(c.whatMatters) },
          ...(closed
            ? [
                { key: 'Closed', value: formatDate(c.closedAt) },
                {
                  key: 'Outcome',
                  value: `${c.outcome ? outcomeLabels[c.outcome] : 'Not recorded'}${c.outcomeNote ? `: ${c.outcomeNote}` : ''}`,
                },
              ]
            : []),
        ]}
      />
    </>
  );
}
