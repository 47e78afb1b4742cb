import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { forbidden, notFound } from 'next/navigation';
import { WithdrawConsentForm } from '@/components/cases/WithdrawConsentForm';
import { WorkerReferralActions } from '@/components/referrals/WorkerReferralActions';
import { BackLink, Button, ButtonGroup, Details, InsetText, NotificationBanner, SummaryList, Table, Tag, WarningText } from '@/components/ui';
import { Link } from '@/components/ui/Link';
import { requireUser } from '@/lib/auth/session';
import {
  consentScopeLabels,
  contactMethodLabels,
  conversationTypeLabels,
  ons4Questions,
  outcomeLabels,
  safeguardingTeamLabels,
  shareableFieldLabels,
  isShareableField,
  unmetNeedReasonLabels,
} from '@/lib/cases/labels';
import { openCase, type CasePage } from '@/lib/cases/view';
import { db } from '@/lib/db/client';
import { formatDate, formatDateTime } from '@/lib/format/dates';
import { declineReasonLabel, isDeclineReason, statusLabel } from '@/lib/referrals/lifecycle';
import { caseStatusTags, ragTags, sourceLabels } from '@/lib/staff-home/labels';
import { referralTagColour } from '@/components/referrals/status';
import { referralMoveAction, withdrawConsentAction } from './actions';

export const metadata: Metadata = { title: 'Case', robots: { index: false, follow: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const doneMessages: Record<string, string> = {
  conversation: 'Conversation recorded.',
  corrected: 'Correction saved. The original conversation is kept, marked as corrected.',
  closed: 'Case closed.',
  consent: 'Agreement recorded.',
  'consent-withdrawn': 'Agreement withdrawn. From now on these details will not be shared.',
  person: 'Contact details saved.',
  'unmet-need': 'Unmet need recorded.',
  safeguarding: 'Safeguarding concern recorded.',
  referred: 'Referral sent. The provider has been told.',
  'referral-withdrawn': 'Referral withdrawn.',
  'referral-sent': 'Referral sent. The provider has been told.',
};

function doneMessage(done: string | undefined): string | null {
  if (!done) return null;
  if (doneMessages[done]) return doneMessages[done];
  if (done.startsWith('referral-')) return 'The provider’s answer has been recorded.';
  return null;
}

function text(value: string | null | undefined, empty = 'Not recorded') {
  return value && value.trim() ? <span className="whitespace-pre-line">{value}</span> : <span className="secondary-text">{empty}</span>;
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

export default async function CasePageView({ params, searchParams }: Props) {
  const user = await requireUser();
  const { id } = await params;
  const query = await searchParams;
  const fullHistory = query.history === 'all';
  const opened = await db().$transaction((tx) => openCase(tx, user, id, new Date(), { history: fullHistory ? 'all' : 'recent' }));
  if (!opened.ok) return opened.reason === 'forbidden' ? forbidden() : notFound();
  const page = opened.page;
  const { case: c, person } = page;
  const closed = c.status === 'closed';
  const writable = page.canWrite && !closed && person.anonymisedAt === null;
  const done = doneMessage(typeof query.done === 'string' ? query.done : undefined);
  const status = caseStatusTags[c.status];
  const current = page.conversations.filter((x) => !x.superseded);
  const latest = current[0];

  return (
    <>
      <BackLink href="/caseload">Back to caseload</BackLink>
      {done ? <NotificationBanner type="success" heading={done} /> : null}

      <h1 className="heading-xl mb-4">
        <span className="caption-l">Case {c.reference}</span>
        {person.name}
      </h1>
      <p className="flex flex-wrap gap-2">
        <Tag colour={status.colour}>{status.text}</Tag>
        {c.rag ? <Tag colour={ragTags[c.rag].colour}>{`${ragTags[c.rag].text} rating`}</Tag> : null}
        {person.anonymisedAt ? <Tag colour="grey">Anonymised</Tag> : null}
      </p>

      {!page.canBeContacted ? (
        <WarningText>There is no agreement in force for this person to be contacted. Check with them before contacting them again.</WarningText>
      ) : null}

      {writable ? (
        <ButtonGroup>
          <Button href={`/cases/${c.id}/conversations/new`}>Record a conversation</Button>
          <Button href={`/refer-out?caseId=${c.id}`} variant="secondary">
            Refer to a service
          </Button>
          <Button href={`/cases/${c.id}/unmet-need`} variant="secondary">
            Record unmet need
          </Button>
          <Button href={`/cases/${c.id}/safeguarding`} variant="secondary">
            Raise a safeguarding concern
          </Button>
          <Button href={`/cases/${c.id}/close`} variant="secondary">
            Close case
          </Button>
        </ButtonGroup>
      ) : closed ? (
        <InsetText>
          This case closed on {formatDate(c.closedAt)}
          {c.outcome ? `: ${outcomeLabels[c.outcome].toLowerCase()}` : ''}.
        </InsetText>
      ) : null}

      <nav aria-label="On this page" className="mb-8">
        <h2 className="heading-s mb-2">On this page</h2>
        <ul className="list-plain flex flex-wrap gap-x-6">
          <li><a href="#person">The person</a></li>
          <li><a href="#consent">Agreements</a></li>
          <li><a href="#timeline">Timeline</a></li>
          <li><a href="#conversations">Conversations ({page.history.conversations})</a></li>
          <li><a href="#referrals">Referrals ({page.history.referrals})</a></li>
          <li><a href="#unmet-need">Unmet need</a></li>
          <li><a href="#safeguarding">Safeguarding</a></li>
          {page.audit ? <li><a href="#access">Who has seen this record</a></li> : null}
        </ul>
      </nav>

      <h2 className="heading-l">Summary</h2>
      <SummaryList
        rows={[
          { key: 'Received', value: `${formatDate(c.receivedAt)} (${sourceLabels[c.source].toLowerCase()})` },
          ...(c.referrerName || c.referrerOrganisation
            ? [{ key: 'Referred by', value: [c.referrerName, c.referrerOrganisation].filter(Boolean).join(', ') }]
            : []),
          { key: 'Team', value: c.team.name },
          { key: 'Link worker', value: c.assignedWorker?.name ?? <span className="secondary-text">Not assigned yet</span> },
          ...(c.rag ? [{ key: 'Rating', value: `${ragTags[c.rag].text}${c.ragReason ? `: ${c.ragReason}` : ''}` }] : []),
          { key: 'First contact', value: c.firstContactAt ? formatDate(c.firstContactAt) : <span className="secondary-text">Waiting for first contact</span> },
          { key: 'Next follow-up', value: latest?.nextFollowUpOn ? formatDate(latest.nextFollowUpOn, { dateOnly: true }) : <span className="secondary-text">None set</span> },
          { key: 'Needs at referral', value: c.needs.length ? c.needs.map((n) => n.term.name).join(', ') : <span className="secondary-text">None recorded</span> },
          { key: 'What matters (at referral)', value: text(c.whatMatters) },
          ...(closed
            ? [
                { key: 'Closed', value: formatDate(c.closedAt) },
                { key: 'Outcome', value: `${c.outcome ? outcomeLabels[c.outcome] : 'Not recorded'}${c.outcomeNote ? `: ${c.outcomeNote}` : ''}` },
              ]
            : []),
        ]}
      />

      <h2 className="heading-l" id="person">
        The person
      </h2>
      <SummaryList
        rows={[
          { key: 'Name', value: person.name },
          { key: 'Phone', value: text(person.phone) },
          { key: 'Email', value: text(person.email) },
          { key: 'Preferred contact', value: contactMethodLabels[person.preferredContact] },
          { key: 'When and how to contact', value: text(person.contactNotes) },
          { key: 'Age', value: person.dateOfBirth ? `Born ${formatDate(person.dateOfBirth, { dateOnly: true })}` : text(person.ageBand) },
          { key: 'Postcode', value: text(person.postcode) },
          { key: 'Area', value: person.area ? `${person.area.name}, ${person.area.ward.name} ward` : <span className="secondary-text">Not known</span> },
          { key: 'GP practice', value: text(person.gpPractice?.name ?? null) },
        ]}
      />
      {writable ? (
        <p>
          <Link href={`/cases/${c.id}/person`}>Change contact details</Link>
        </p>
      ) : null}

      <h2 className="heading-l" id="consent">
        What the person agreed to
      </h2>
      {!page.canShare ? (
        <InsetText>
          The person has not agreed to share their details with a provider. A referral can carry only its reference until they do.
        </InsetText>
      ) : null}
      {page.consents.length === 0 ? (
        <p>No agreements recorded.</p>
      ) : (
        <Table
          caption="Agreements"
          captionHidden
          head={['Agreed', 'Details', 'Given', 'Status', ...(writable ? [{ content: <span className="visually-hidden">Action</span> }] : [])]}
          rowKeys={page.consents.map((x) => x.id)}
          rows={page.consents.map((x) => [
            `${consentScopeLabels[x.scope]}${x.organisationName ? ` (${x.organisationName} only)` : ''}`,
            x.scope === 'share_with_provider'
              ? x.fields.map((f) => (isShareableField(f) ? shareableFieldLabels[f] : f)).join(', ') || 'None'
              : '',
            `${formatDate(x.givenAt)}${x.recordedByName ? `, recorded by ${x.recordedByName}` : ''}`,
            x.active ? <Tag colour="green">In force</Tag> : <Tag colour="grey">{`Withdrawn ${formatDate(x.withdrawnAt)}`}</Tag>,
            ...(writable
              ? [
                  x.active ? (
                    <WithdrawConsentForm key="w" action={withdrawConsentAction.bind(null, c.id)} consentId={x.id} what={consentScopeLabels[x.scope].toLowerCase()} />
                  ) : (
                    ''
                  ),
                ]
              : []),
          ])}
        />
      )}
      {writable ? (
        <p>
          <Link href={`/cases/${c.id}/consent`}>Record an agreement</Link>
        </p>
      ) : null}

      <h2 className="heading-l" id="timeline">
        Timeline
      </h2>
      <ol className="list-plain border-l-4 border-[#b1b4b6] pl-4">
        {page.timeline.map((t) => (
          <li key={t.id} className="mb-4">
            <p className="body-s mb-1 secondary-text">{formatDateTime(t.at)}</p>
            <p className="mb-1">
              <strong>{t.anchor ? <a href={`#${t.anchor}`}>{t.title}</a> : t.title}</strong>
              {t.detail ? ` — ${t.detail}` : ''}
            </p>
            {t.by ? <p className="body-s mb-0">By {t.by}</p> : null}
          </li>
        ))}
      </ol>
      <OlderHistory page={page} fullHistory={fullHistory} what="The timeline shows" />

      <h2 className="heading-l" id="conversations">
        Conversations
      </h2>
      {page.conversations.length === 0 && page.history.conversations === 0 ? <p>No conversations recorded yet.</p> : null}
      {page.conversations.length < page.history.conversations ? (
        <OlderHistory page={page} fullHistory={fullHistory} what={`Showing ${page.conversations.length} of ${page.history.conversations} conversations:`} />
      ) : null}
      {page.conversations.map((x, i) => (
        <section key={x.id} id={`conversation-${x.id}`} aria-labelledby={`conversation-${x.id}-h`} className={x.superseded ? 'mb-8 opacity-80' : 'mb-8'}>
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
                { key: 'Needs', value: x.needs.length ? x.needs.map((n) => n.term.name).join(', ') : <span className="secondary-text">None recorded</span> },
                { key: 'Goals', value: text(x.goals) },
                { key: 'Agreed actions', value: text(x.actions) },
                { key: 'Wellbeing (ONS4)', value: <Scores c={x} /> },
                { key: 'Next follow-up', value: x.nextFollowUpOn ? formatDate(x.nextFollowUpOn, { dateOnly: true }) : <span className="secondary-text">None set</span> },
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

      <h2 className="heading-l" id="referrals">
        Referrals to services
      </h2>
      {page.referrals.length === 0 && page.history.referrals === 0 ? <p>No referrals yet.</p> : null}
      {page.referrals.length < page.history.referrals ? (
        <OlderHistory page={page} fullHistory={fullHistory} what={`Showing ${page.referrals.length} of ${page.history.referrals} referrals:`} />
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
              [e.toStatus === 'declined' && isDeclineReason(e.reason) ? declineReasonLabel[e.reason] : e.reason, e.note].filter(Boolean).join('. '),
            ])}
          />
          <SummaryList
            rows={[
              { key: 'Details shared', value: r.shared.length ? r.shared.map((s) => s.label).join(', ') : 'None: the reference only' },
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
              action={referralMoveAction.bind(null, c.id, r.id)}
            />
          ) : null}
        </section>
      ))}

      {page.signposts.length ? (
        <>
          <h2 className="heading-l">Services suggested at first contact</h2>
          <ul className="list-bullet">
            {page.signposts.map((s) => (
              <li key={s.id}>
                <Link href={`/services/${s.serviceId}`}>{s.serviceName}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h2 className="heading-l" id="unmet-need">
        Unmet need
      </h2>
      {page.unmetNeeds.length === 0 ? (
        <p>None recorded.</p>
      ) : (
        <Table
          caption="Unmet need recorded for this case"
          captionHidden
          head={['Recorded', 'Need', 'Why', 'Notes']}
          rowKeys={page.unmetNeeds.map((u) => u.id)}
          rows={page.unmetNeeds.map((u) => [
            `${formatDate(u.recordedAt)}${u.recordedByName ? ` by ${u.recordedByName}` : ''}`,
            u.term.name,
            unmetNeedReasonLabels[u.reason],
            u.note ?? '',
          ])}
        />
      )}

      <h2 className="heading-l" id="safeguarding">
        Safeguarding
      </h2>
      {page.safeguarding.length === 0 ? (
        <p>No safeguarding concerns raised.</p>
      ) : (
        <Table
          caption="Safeguarding concerns raised"
          captionHidden
          head={['Raised', 'Referred to', 'Summary']}
          rowKeys={page.safeguarding.map((s) => s.id)}
          rows={page.safeguarding.map((s) => [
            `${formatDate(s.raisedAt)}${s.raisedByName ? ` by ${s.raisedByName}` : ''}`,
            `${safeguardingTeamLabels[s.referredTo]}${s.referredToDetail ? ` (${s.referredToDetail})` : ''}`,
            s.summary,
          ])}
        />
      )}

      {page.audit ? (
        <>
          <h2 className="heading-l" id="access">
            Who has seen or changed this record
          </h2>
          <p>Every view and change of this person’s record, newest first. Only coordinators see this list.</p>
          <Table
            caption="Access to this person’s record"
            captionHidden
            head={['When', 'Who', 'Role', 'What']}
            rowKeys={page.audit.map((a) => a.id)}
            rows={page.audit.map((a) => [
              formatDateTime(a.at),
              a.actor?.name ?? (a.action === 'referral.viewed_by_link' ? 'Provider (email link)' : 'System'),
              a.actorRoleThen?.replace('_', ' ') ?? '',
              auditLabel(a.action),
            ])}
          />
        </>
      ) : null}
    </>
  );
}

/** The newest conversation in full; older ones fold away so the page stays readable. */
function Collapsible({ open, summary, children }: { open: boolean; summary: string; children: ReactNode }) {
  return open ? <>{children}</> : <Details summary={summary}>{children}</Details>;
}

const auditLabels: Record<string, string> = {
  'case.viewed': 'Viewed the case',
  'case.access_refused': 'Tried to open the case (refused)',
  'case.closed': 'Closed the case',
  'conversation.recorded': 'Recorded a conversation',
  'conversation.corrected': 'Corrected a conversation',
  'consent.recorded': 'Recorded an agreement',
  'consent.withdrawn': 'Withdrew an agreement',
  'person.updated': 'Changed contact details',
  'person.viewed': 'Opened the record for a subject access request',
  'person.exported': 'Exported the record (subject access)',
  'person.anonymised': 'Anonymised the record',
  'referral.sent': 'Sent a referral',
  'referral.withdrawn': 'Withdrew a referral',
  'referral.answer_recorded': 'Recorded a provider’s answer',
  'referral.viewed': 'Provider viewed the referral',
  'referral.viewed_by_link': 'Provider viewed the referral by email link',
  'referral.answered': 'Provider answered the referral',
  'referral.access_refused': 'Tried to open a referral (refused)',
  'unmet_need.recorded': 'Recorded unmet need',
  'safeguarding.raised': 'Raised a safeguarding concern',
};

function auditLabel(action: string): string {
  return auditLabels[action] ?? action;
}

/** When the page holds only the recent history: since when, and the way to the rest. */
function OlderHistory({ page, fullHistory, what }: { page: CasePage; fullHistory: boolean; what: string }) {
  if (page.history.complete || !page.history.since) return null;
  return (
    <InsetText>
      {what} {what.endsWith(':') ? 'those' : 'what happened'} since {formatDate(page.history.since)}.{' '}
      {fullHistory ? (
        'Older history is too long to show on one page.'
      ) : (
        <Link href={`/cases/${page.case.id}?history=all#timeline`}>Show the full history</Link>
      )}
    </InsetText>
  );
}
