import type { Metadata } from 'next';
import { Button } from '@/components/ui/Button';
import { Radios } from '@/components/ui/Choices';
import { ErrorSummary } from '@/components/ui/ErrorSummary';
import { InsetText } from '@/components/ui/InsetText';
import { Link } from '@/components/ui/Link';
import { SummaryList } from '@/components/ui/SummaryList';
import { Textarea } from '@/components/ui/TextInput';
import { config } from '@/lib/config';
import { db } from '@/lib/db/client';
import { formatDate } from '@/lib/format/dates';
import { loadAnswerPage, type AnswerView } from '@/lib/referrals/answer-links';
import { declineReasonLabel, declineReasons, statusLabel } from '@/lib/referrals/lifecycle';
import { answerReferral } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Answer a referral', robots: { index: false, follow: false } };

type Props = {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function AnswerReferralPage({ params, searchParams }: Props) {
  const { token } = await params;
  const query = await searchParams;
  const error = typeof query.error === 'string' ? query.error : undefined;
  const page = await loadAnswerPage(db(), token, new Date());

  if (!page.ok) return <LinkUnusable />;
  const { view } = page;
  if (view.choices.length === 0) return <NoLongerWaiting view={view} />;

  return (
    <div className="max-w-2xl">
      {error === 'reason' ? <ErrorSummary errors={[{ href: '#reason', text: 'Select why you cannot take this referral' }]} /> : null}
      <span className="caption-l">{view.serviceName}</span>
      <h1 className="heading-l">{view.kind === 'accept' ? 'Accept this referral?' : 'Tell us why you cannot take this referral'}</h1>
      <p>
        {view.workerName} from {view.teamName} would like to refer someone to {view.serviceName}.
        {view.sentAt ? ` They sent the referral on ${formatDate(view.sentAt)}.` : null}
      </p>

      <ReferralDetails view={view} />

      <form action={answerReferral} noValidate>
        <input type="hidden" name="token" value={token} />
        {view.kind === 'accept' ? <AcceptFields view={view} /> : <DeclineFields error={error === 'reason'} />}
        <Textarea
          id="note"
          label="Anything the link worker should know? (optional)"
          hint="For example, when the person can start or who they should ask for."
          rows={4}
          maxLength={2000}
        />
        <Button>{view.kind === 'accept' ? 'Accept referral' : 'Send answer'}</Button>
      </form>
      {view.kind === 'accept' ? (
        <p>If you cannot take this person, use the &ldquo;Can&rsquo;t take this&rdquo; link in the email instead.</p>
      ) : (
        <p>If you can take this person after all, use the &ldquo;Accept&rdquo; link in the email instead.</p>
      )}
    </div>
  );
}

function ReferralDetails({ view }: { view: AnswerView }) {
  return (
    <>
      <h2 className="heading-m">Details they agreed to share</h2>
      {view.shared.length ? (
        <SummaryList rows={view.shared.map((row) => ({ id: row.key, key: row.label, value: <span className="whitespace-pre-line">{row.value}</span> }))} />
      ) : (
        <p>The person did not agree to share any details. The link worker will pass them on when you accept.</p>
      )}
      {view.message ? (
        <>
          <h2 className="heading-m">Message from the link worker</h2>
          <InsetText>
            <p className="whitespace-pre-line">{view.message}</p>
          </InsetText>
        </>
      ) : null}
      <p>
        Please answer by {formatDate(view.answerBy)}. A link worker helps people find local groups and activities; they will
        see your answer straight away.
      </p>
    </>
  );
}

function AcceptFields({ view }: { view: AnswerView }) {
  if (!view.choices.includes('waitlisted')) return <input type="hidden" name="answer" value="accepted" />;
  return (
    <Radios
      name="answer"
      legend="Can they start now?"
      legendSize="m"
      defaultValue="accepted"
      items={[
        { value: 'accepted', label: 'Yes, they can start' },
        { value: 'waitlisted', label: 'Yes, but they will go on our waiting list' },
      ]}
    />
  );
}

function DeclineFields({ error }: { error: boolean }) {
  return (
    <>
      <input type="hidden" name="answer" value="declined" />
      <Radios
        name="reason"
        legend="Why can you not take them?"
        legendSize="m"
        hint="The link worker uses this to help the person find something else."
        error={error ? 'Select why you cannot take this referral' : undefined}
        items={declineReasons.map((reason) => ({ value: reason, label: declineReasonLabel[reason] }))}
      />
    </>
  );
}

function NoLongerWaiting({ view }: { view: AnswerView }) {
  return (
    <div className="max-w-2xl">
      <span className="caption-l">{view.serviceName}</span>
      <h1 className="heading-l">This referral is no longer waiting for an answer</h1>
      <p>Its status is now: {statusLabel[view.status].toLowerCase()}. Nothing has been changed.</p>
      <ContactUs />
    </div>
  );
}

function LinkUnusable() {
  return (
    <div className="max-w-2xl">
      <h1 className="heading-l">This link has expired or has already been used</h1>
      <p>Nothing has been changed.</p>
      <p>
        Each link in a referral email works once, until the date in the email. If you have already answered, there is nothing
        more to do.
      </p>
      <ContactUs />
    </div>
  );
}

function ContactUs() {
  return (
    <p>
      To see your referrals, <Link href="/sign-in">sign in</Link>. If you need help, contact{' '}
      <a href={`mailto:${config.borough.contactEmail}`}>{config.borough.contactEmail}</a> or call {config.borough.contactPhone}.
    </p>
  );
}
