import type { ReactNode } from 'react';
import { Details, SummaryList, Tag } from '@/components/ui';
import { conversationTypeLabels, ons4Questions } from '@/lib/cases/labels';
import type { CasePage } from '@/lib/cases/view';
import { formatDate, formatDateTime } from '@/lib/format/dates';
import { OlderHistory } from './OlderHistory';
import { text } from './text';
import { Link } from '@/components/ui/Link';

/** The "what matters" conversations, newest first, corrections beside what they correct. */
export function Conversations({ page, writable, fullHistory }: { page: CasePage; writable: boolean; fullHistory: boolean }) {
  const c = page.case;
  return (
    <>
      <h2 className="heading-l" id="conversations">
        Conversations
      </h2>
      {page.conversations.length === 0 && page.history.conversations === 0 ? <p>No conversations recorded yet.</p> : null}
      {page.conversations.length < page.history.conversations ? (
        <OlderHistory
          page={page}
          fullHistory={fullHistory}
          what={`Showing ${page.conversations.length} of ${page.history.conversations} conversations:`}
        />
      ) : null}
      {page.conversations.map((x, i) => (
        <section
          key={x.id}
          id={`conversation-${x.id}`}
          aria-labelledby={`conversation-${x.id}-h`}
          className={x.superseded ? 'mb-8 opacity-80' : 'mb-8'}
        >
          <h3 className="heading-m mb-2" id={`conversation-${x.id}-h`}>
            {formatDate(x.occurredAt)}: {x.isClosing ? 'closing conversation' : conversationTypeLabels[x.type]}
          </h3>
          {x.superseded || x.supersedesId || x.isClosing ? (
            <p className="flex flex-wrap gap-2">
              {x.superseded ? <Tag colour="grey">Superseded by a correction</Tag> : null}
              {x.supersedesId ? <Tag colour="purple">Correction</Tag> : null}
              {x.isClosing ? <Tag colour="turquoise">Closing</Tag> : null}
            </p>
          ) : null}
          <Collapsible open={i === 0} summary={`Show what was recorded on ${formatDate(x.occurredAt)}`}>
            <SummaryList
              rows={[
                { key: 'Recorded by', value: `${x.workerName}, ${formatDateTime(x.createdAt)}` },
                ...(x.correctionNote ? [{ key: 'What was corrected', value: text(x.correctionNote) }] : []),
                { key: 'Type', value: conversationTypeLabels[x.type] },
                { key: 'What matters', value: text(x.whatMatters) },
                { key: 'Strengths', value: text(x.strengths) },
                {
                  key: 'Needs',
                  value: x.needs.length ? (
                    x.needs.map((n) => n.term.name).join(', ')
                  ) : (
                    <span className="secondary-text">None recorded</span>
                  ),
                },
                { key: 'Goals', value: text(x.goals) },
                { key: 'Agreed actions', value: text(x.actions) },
                { key: 'Wellbeing (ONS4)', value: <Scores c={x} /> },
                {
                  key: 'Next follow-up',
                  value: x.nextFollowUpOn ? (
                    formatDate(x.nextFollowUpOn, { dateOnly: true })
                  ) : (
                    <span className="secondary-text">None set</span>
                  ),
                },
              ]}
            />
          </Collapsible>
          {writable && !x.superseded ? (
            <p>
              <Link href={`/cases/${c.id}/conversations/new?corrects=${x.id}`}>
                Correct this conversation<span className="visually-hidden"> of {formatDate(x.occurredAt)}</span>
              </Link>
            </p>
          ) : null}
        </section>
      ))}
    </>
  );
}

function Scores({ c }: { c: CasePage['conversations'][number] }) {
  const answered = ons4Questions.filter((q) => c[q.key] !== null);
  if (answered.length === 0) return <span className="secondary-text">Not asked</span>;
  return (
    <ul className="list-plain">
      {ons4Questions.map((q) => (
        <li key={q.key}>
          {q.short}: {c[q.key] === null ? <span className="secondary-text">not answered</span> : <strong>{c[q.key]}</strong>}
        </li>
      ))}
    </ul>
  );
}

/** The newest conversation in full; older ones fold away so the page stays readable. */
function Collapsible({ open, summary, children }: { open: boolean; summary: string; children: ReactNode }) {
  return open ? <>{children}</> : <Details summary={summary}>{children}</Details>;
}
