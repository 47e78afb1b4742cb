import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AssignForm } from '@/components/triage/AssignForm';
import { RateForm } from '@/components/triage/RateForm';
import { SafeguardingForm } from '@/components/triage/SafeguardingForm';
import { SignpostForm } from '@/components/triage/SignpostForm';
import {
  BackLink,
  Button,
  ContactOrNone,
  InsetText,
  NotificationBanner,
  PhoneAndEmail,
  SummaryList,
  Tag,
  TextInput,
  WarningText,
} from '@/components/ui';
import { Link } from '@/components/ui/Link';
import { requirePermission, requireUser } from '@/lib/auth/session';
import { config } from '@/lib/config';
import { db } from '@/lib/db/client';
import type { ConsentScope } from '@/lib/db/generated/enums';
import { ageOn, formatDate, formatDateTime, pluralDays } from '@/lib/format/dates';
import { AGE_BAND_LABELS, type AgeBand } from '@/lib/intake/options';
import { caseStatusTags, ragTags } from '@/components/cases/tags';
import { contactMethodLabels, outcomeLabels, sourceLabels } from '@/lib/cases/labels';
import { auditTriageView, triageCaseTeam, triageCaseView } from '@/lib/triage/case';
import { originOf, signpostCandidates } from '@/lib/triage/services';
import { messageRoute, messageRoutes } from '@/lib/notify/route';
import { ContactAttemptForm } from '@/components/cases/ContactAttemptForm';
import { contactAttemptDoneMessage, mayCloseAsCouldNotContact } from '@/lib/cases/contact-attempts';
import { triesText } from '@/lib/cases/labels';
import { contactAttemptAction } from '../../cases/[id]/actions';
import { randomUUID } from 'node:crypto';
import { teamWorkerLoads } from '@/lib/cases/workers';
import { assignAction, rateAction, safeguardingAction, signpostAction } from './actions';
import { cleanQuery } from '@/lib/forms';

export const metadata: Metadata = { title: 'Triage a referral' };

type Params = Promise<{ caseId: string }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');

const consentLabels: Record<ConsentScope, string> = {
  contact: 'To be contacted by a link worker',
  share_with_provider: 'To share their details with groups they are referred to',
  tell_gp: 'To tell their GP practice how things went',
};
const doneMessages: Record<string, string> = {
  rated: 'Rating saved.',
  safeguarding: 'Safeguarding concern recorded.',
};

function MultiLine({ text }: { text: string }) {
  return <span className="whitespace-pre-line">{text}</span>;
}

export default async function TriageCasePage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { caseId } = await params;
  await requireUser();
  if (!guid.test(caseId)) notFound();
  const facts = await triageCaseTeam(db(), caseId);
  if (!facts) notFound();
  const user = await requirePermission('triage.manage', { kind: 'case', teamId: facts.teamId });
  await auditTriageView(db(), user, facts);

  const search = cleanQuery(await searchParams);
  const query = one(search.q).trim().slice(0, 100);
  const done = doneMessages[one(search.done)] ?? contactAttemptDoneMessage(one(search.done));
  const targets = config.triageTargetWorkingDays;

  const view = await triageCaseView(db(), caseId, { targets });
  if (!view) notFound();
  const [workers, signpost] = await Promise.all([
    view.waiting ? teamWorkerLoads(db(), view.teamId) : Promise.resolve([]),
    view.waiting
      ? originOf(db(), view.person.postcode).then((origin) =>
          signpostCandidates(db(), { query, needTermIds: view.needs.map((n) => n.id), origin }),
        )
      : Promise.resolve({ candidates: [], basis: 'none' as const }),
  ]);

  const p = view.person;
  const referrer = [view.referrer.name, view.referrer.organisation].filter(Boolean).join(', ');
  const referrerContact =
    view.referrer.phone || view.referrer.email ? <PhoneAndEmail phone={view.referrer.phone} email={view.referrer.email} /> : null;
  const age = p.dateOfBirth
    ? `${ageOn(p.dateOfBirth)} (born ${formatDate(p.dateOfBirth, { dateOnly: true })})`
    : p.ageBand
      ? `Age ${AGE_BAND_LABELS[p.ageBand as AgeBand] ?? p.ageBand}`
      : 'Not given';
  const place = p.postcode
    ? p.areaName
      ? `${p.postcode} (${[p.wardName, p.areaName].filter(Boolean).join(', ')})`
      : `${p.postcode} (not in our postcode list: check where they live)`
    : 'Not given';

  return (
    <>
      <BackLink href="/triage">Back to the triage queue</BackLink>
      {done ? <NotificationBanner type="success" heading={done} /> : null}

      <h1 className="heading-l">
        <span className="caption-l">Referral </span>
        {view.reference}
      </h1>
      <p>
        <Tag colour={caseStatusTags[view.status].colour}>{caseStatusTags[view.status].text}</Tag>{' '}
        {view.rag ? <Tag colour={ragTags[view.rag].colour}>{ragTags[view.rag].text}</Tag> : <Tag colour="grey">Not rated</Tag>}{' '}
        {view.waiting && view.overTarget ? <Tag colour="red">Over target</Tag> : null}
      </p>
      {view.waiting ? (
        <p className="body-l">
          Waiting {pluralDays(view.daysWaiting)} ({view.workingDaysWaiting} working). First contact is due by{' '}
          <strong>{formatDate(view.dueBy, { weekday: true })}</strong>
          {view.rag ? '' : ' (held to the red target until it is rated)'}.
        </p>
      ) : (
        <InsetText>
          {view.closedAt ? (
            <>
              This referral was closed on {formatDate(view.closedAt)}
              {view.outcome ? `: ${outcomeLabels[view.outcome].toLowerCase()}` : ''}.
            </>
          ) : view.assignedWorker ? (
            <>
              This referral was assigned to {view.assignedWorker.name}
              {view.assignedAt ? ` on ${formatDate(view.assignedAt)}` : ''}
              {view.assignedBy ? ` by ${view.assignedBy}` : ''}.
            </>
          ) : (
            'This referral is no longer waiting for triage.'
          )}{' '}
          <Link href={`/cases/${view.id}`}>Open the case</Link>
        </InsetText>
      )}

      <h2 className="heading-m">The referral</h2>
      <SummaryList
        rows={[
          { key: 'Received', value: formatDateTime(view.receivedAt) },
          { key: 'Source', value: sourceLabels[view.source] },
          ...(referrer ? [{ key: view.source === 'self' ? 'Sent by' : 'Referred by', value: referrer }] : []),
          ...(referrerContact ? [{ key: 'Referrer’s contact', value: referrerContact }] : []),
          { key: 'What matters', value: <MultiLine text={view.whatMatters || 'Not given'} /> },
          { key: 'Needs', value: view.needs.length ? view.needs.map((n) => n.name).join(', ') : 'None chosen' },
          ...(view.ragReason ? [{ key: 'Reason for rating', value: <MultiLine text={view.ragReason} /> }] : []),
          ...(view.triagedAt
            ? [{ key: 'First rated', value: `${formatDateTime(view.triagedAt)}${view.triagedBy ? ` by ${view.triagedBy}` : ''}` }]
            : []),
        ]}
      />

      <h2 className="heading-m">The person</h2>
      <SummaryList
        rows={[
          { key: 'Name', value: p.name },
          { key: 'Date of birth or age', value: age },
          { key: 'Postcode', value: place },
          { key: 'GP practice', value: p.gpPractice ?? 'Not given' },
          { key: 'Preferred contact', value: contactMethodLabels[p.preferredContact] },
          { key: 'Phone', value: <ContactOrNone phone={p.phone} /> },
          { key: 'Email', value: <ContactOrNone email={p.email} /> },
          ...(p.contactNotes ? [{ key: 'About getting in touch', value: <MultiLine text={p.contactNotes} /> }] : []),
          {
            key: 'Agreed',
            value: view.consents.length ? (
              <ul className="list-bullet m-0">
                {view.consents.map((c, i) => (
                  <li key={i}>
                    {consentLabels[c.scope]} ({formatDate(c.givenAt)}
                    {c.withdrawnAt ? `, withdrawn ${formatDate(c.withdrawnAt)}` : ''})
                  </li>
                ))}
              </ul>
            ) : (
              'Nothing recorded'
            ),
          },
        ]}
      />

      {view.signposts.length ? (
        <>
          <h2 className="heading-m">Services suggested</h2>
          <ul className="list-bullet">
            {view.signposts.map((s) => (
              <li key={s.serviceId}>
                {s.serviceName}
                {s.organisationName ? `, ${s.organisationName}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {view.closedAt === null ? (
        <section id="contact" aria-labelledby="contact-heading" className="mt-10">
          <h2 id="contact-heading" className="heading-m">
            Tries to contact
          </h2>
          <p>{view.attempts === 0 ? 'None yet.' : `${triesText(view.attempts)} so far.`}</p>
          {mayCloseAsCouldNotContact(view.attempts) ? (
            <InsetText>
              <p>
                If you cannot reach them, close the referral as “could not contact”: we will write to them and to whoever referred
                them.
              </p>
              <Button href={`/cases/${view.id}/close/could-not-contact`} variant="secondary" className="mb-0">
                Close: could not contact
              </Button>
            </InsetText>
          ) : null}
          <ContactAttemptForm action={contactAttemptAction.bind(null, view.id, 'triage')} submissionKey={randomUUID()} />
        </section>
      ) : null}

      {view.waiting ? (
        <>
          <section aria-labelledby="rate-heading" className="mt-10">
            <h2 id="rate-heading" className="heading-m">
              {view.rag ? 'Change the rating' : 'Rate the referral'}
            </h2>
            <RateForm
              action={rateAction}
              caseId={view.id}
              version={view.version}
              rag={view.rag}
              ragReason={view.ragReason}
              targets={targets}
            />
          </section>

          <section aria-labelledby="assign-heading" className="mt-10">
            <h2 id="assign-heading" className="heading-m">
              Assign to a link worker
            </h2>
            {!view.rag ? (
              <p>Rate the referral first. Then you can assign it.</p>
            ) : workers.length === 0 ? (
              <p>There are no active link workers in {view.teamName}. Ask the service administrator to add one.</p>
            ) : (
              <AssignForm action={assignAction} caseId={view.id} version={view.version} workers={workers} />
            )}
          </section>

          <section aria-labelledby="signpost-heading" className="mt-10">
            <h2 id="signpost-heading" className="heading-m">
              Resolve at first contact
            </h2>
            <p>
              If you have spoken to the person and suggesting some services is all they need, record which ones. The case closes
              as “signposted at first contact” and counts in the reports.
            </p>
            <form method="get" action={`/triage/${view.id}#signpost-heading`} role="search" aria-label="Services">
              <TextInput id="q" label="Search services by name" defaultValue={query} width="two-thirds" spellCheck={false} />
              <Button variant="secondary">Search</Button>
            </form>
            {signpost.candidates.length ? (
              <SignpostForm
                action={signpostAction}
                caseId={view.id}
                version={view.version}
                candidates={signpost.candidates}
                legend={signpost.basis === 'search' ? `Services matching “${query}”` : 'Services for the needs in this referral'}
                routes={messageRoutes(p)}
                preferred={messageRoute(p)?.channel ?? null}
              />
            ) : (
              <p>
                {signpost.basis === 'search'
                  ? `No running services have a name matching “${query}”. Try another word.`
                  : 'Search for the services you suggested.'}
              </p>
            )}
          </section>
        </>
      ) : null}

      <section aria-labelledby="safeguarding-heading" className="mt-10">
        <h2 id="safeguarding-heading" className="heading-m">
          Safeguarding
        </h2>
        {view.safeguarding.length ? (
          <ul className="list-bullet">
            {view.safeguarding.map((s) => (
              <li key={s.id}>
                Raised with the {s.referredTo === 'adults' ? 'adults’' : 'children’s'} safeguarding team on{' '}
                {formatDateTime(s.raisedAt)}
                {s.raisedBy ? ` by ${s.raisedBy}` : ''}
                {s.referredToDetail ? ` (${s.referredToDetail})` : ''}: <MultiLine text={s.summary} />
              </li>
            ))}
          </ul>
        ) : null}
        <WarningText>
          If someone is in immediate danger, call 999. If you think someone is at risk of abuse or neglect, raise it with the
          council’s safeguarding team now, as the local safeguarding policy says.
        </WarningText>
        <p>
          For an adult, this is a safeguarding concern under section 42 of the Care Act 2014: tell the adults’ safeguarding team.
          For a child, tell the children’s safeguarding team. Link workers are not a crisis service, so do not wait for a first
          conversation.
        </p>
        <p>Then record here that you raised it, when and with whom. Recording it here does not tell the safeguarding team.</p>
        <SafeguardingForm action={safeguardingAction} caseId={view.id} />
      </section>
    </>
  );
}
