import type { Metadata } from 'next';
import { forbidden, notFound } from 'next/navigation';
import { CaseFrame } from '@/components/cases/CaseFrame';
import { Access } from '@/components/cases/sections/Access';
import { CaseStatus } from '@/components/cases/sections/CaseStatus';
import { Consent } from '@/components/cases/sections/Consent';
import { Contents } from '@/components/cases/sections/Contents';
import { Conversations } from '@/components/cases/sections/Conversations';
import { GpOutcome } from '@/components/cases/sections/GpOutcome';
import { Person } from '@/components/cases/sections/Person';
import { Referrals } from '@/components/cases/sections/Referrals';
import { Safeguarding } from '@/components/cases/sections/Safeguarding';
import { Signposts } from '@/components/cases/sections/Signposts';
import { Summary } from '@/components/cases/sections/Summary';
import { Timeline } from '@/components/cases/sections/Timeline';
import { UnmetNeed } from '@/components/cases/sections/UnmetNeed';
import { Wellbeing } from '@/components/cases/sections/Wellbeing';
import { randomUUID } from 'node:crypto';
import { NotificationBanner } from '@/components/ui';
import { requireUser } from '@/lib/auth/session';
import { loadCasePage } from '@/lib/cases/pages';
import { db } from '@/lib/db/client';
import { contactAttemptAction, referralMoveAction } from './actions';
import { contactAttemptDoneMessage } from '@/lib/cases/contact-attempts';
import { cleanQuery } from '@/lib/forms';

export const metadata: Metadata = { title: 'Case', robots: { index: false, follow: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const doneMessages: Record<string, string> = {
  conversation: 'Conversation recorded.',
  corrected: 'Correction saved. The original conversation is kept, marked as corrected.',
  closed: 'Case closed.',
  consent: 'Agreement recorded.',
  'consent-withdrawn': 'Agreement withdrawn, with the reason given.',
  person: 'Contact details saved.',
  'unmet-need': 'Unmet need recorded.',
  safeguarding: 'Safeguarding concern recorded.',
  referred: 'Referral sent. The provider has been told.',
  'referral-withdrawn': 'Referral withdrawn.',
  'referral-sent': 'Referral sent. The provider has been told.',
  'details-emailed': 'Details of the services sent to them by email.',
  'details-texted': 'Details of the services sent to them by text message.',
  reassigned: 'Case moved. Both link workers have been emailed the reference.',
  reopened: 'Case reopened. It is back on the caseload.',
};

function doneMessage(done: string | undefined): string | null {
  if (!done) return null;
  if (doneMessages[done]) return doneMessages[done];
  const written = /^closed-written-(\d+)$/.exec(done);
  if (written) {
    const n = Number(written[1]);
    return `Case closed. ${n === 1 ? 'A message has' : `${n} messages have`} been queued to say we could not reach them.`;
  }
  if (done.startsWith('attempt-')) return contactAttemptDoneMessage(done);
  if (done.startsWith('referral-')) return 'The provider’s answer has been recorded.';
  return null;
}

export default async function CasePageView({ params, searchParams }: Props) {
  const user = await requireUser();
  const { id } = await params;
  const query = cleanQuery(await searchParams);
  const fullHistory = query.history === 'all';
  const opened = await loadCasePage(db(), user, id, fullHistory ? 'all' : 'recent');
  if (!opened.ok) return opened.reason === 'forbidden' ? forbidden() : notFound();
  const page = opened.page;
  const { case: c, person } = page;
  const writable = page.canWrite && c.status !== 'closed' && person.anonymisedAt === null;
  const done = doneMessage(typeof query.done === 'string' ? query.done : undefined);

  return (
    <CaseFrame kase={c} personName={person.name} banner={done ? <NotificationBanner type="success" heading={done} /> : null}>
      <CaseStatus
        page={page}
        writable={writable}
        contactAttempt={{ action: contactAttemptAction.bind(null, c.id, 'case'), submissionKey: randomUUID() }}
      />
      <Contents page={page} />
      <Summary page={page} />
      <Wellbeing page={page} />
      <Person page={page} writable={writable} />
      <Consent page={page} writable={writable} />
      <Timeline page={page} fullHistory={fullHistory} />
      <Conversations page={page} writable={writable} fullHistory={fullHistory} />
      <Referrals
        page={page}
        writable={writable}
        fullHistory={fullHistory}
        moveAction={(referralId) => referralMoveAction.bind(null, c.id, referralId)}
      />
      <Signposts page={page} />
      <GpOutcome page={page} />
      <UnmetNeed page={page} />
      <Safeguarding page={page} />
      <Access page={page} />
    </CaseFrame>
  );
}
