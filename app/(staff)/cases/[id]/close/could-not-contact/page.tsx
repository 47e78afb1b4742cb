import type { Metadata } from 'next';
import { forbidden, notFound } from 'next/navigation';
import { CaseFrame, caseHref } from '@/components/cases/CaseFrame';
import { CouldNotContactForm } from '@/components/cases/CouldNotContactForm';
import { InsetText } from '@/components/ui';
import { requireUser } from '@/lib/auth/session';
import { triesText } from '@/lib/cases/labels';
import { loadCouldNotContactPage } from '@/lib/cases/pages';
import { db } from '@/lib/db/client';
import { londonDateKey } from '@/lib/format/dates';
import { closeCaseAction } from '../../actions';

export const metadata: Metadata = { title: 'Close: could not contact', robots: { index: false, follow: false } };

const channelText = { email: 'An email', sms: 'A text message' } as const;
const whoText = { person: 'the person', referrer: 'whoever referred them' } as const;

export default async function CouldNotContactPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const opened = await loadCouldNotContactPage(db(), user, id);
  if (!opened.ok) return opened.reason === 'forbidden' ? forbidden() : notFound();
  const { summary, plan, attempts } = opened;
  return (
    <CaseFrame kase={summary} personName={summary.person.name} title="Close: could not contact">
      {summary.status === 'closed' ? (
        <InsetText>This case is already closed.</InsetText>
      ) : (
        <>
          <p>
            {attempts > 0
              ? `There have been ${triesText(attempts)} to reach them since the last conversation.`
              : 'No tries to reach them have been recorded since the last conversation.'}{' '}
            Closing the case records the outcome “could not contact”, with no closing conversation or scores.
          </p>
          <h2 className="heading-m">What we will send</h2>
          {plan.messages.length ? (
            <ul className="list-bullet">
              {plan.messages.map((m) => (
                <li key={`${m.to}-${m.channel}`}>
                  {channelText[m.channel]} to {whoText[m.to]} ({m.recipient}), saying we could not reach them and how to get back
                  in touch, with the reference {summary.reference}.
                </li>
              ))}
            </ul>
          ) : (
            <p>Nothing: there is no way we can write to them.</p>
          )}
          {plan.unsent.length ? (
            <>
              <h2 className="heading-m">What we cannot send</h2>
              <ul className="list-bullet">
                {plan.unsent.map((u) => (
                  <li key={u.to}>
                    To {whoText[u.to]}: {u.why}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <CouldNotContactForm
            action={closeCaseAction.bind(null, summary.id)}
            version={summary.version}
            today={londonDateKey(new Date())}
            cancelHref={caseHref(summary.id)}
          />
        </>
      )}
    </CaseFrame>
  );
}
