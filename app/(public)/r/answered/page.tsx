import type { Metadata } from 'next';
import { Link } from '@/components/ui/Link';
import { PanelConfirmation } from '@/components/ui/PanelConfirmation';
import { cleanQuery } from '@/lib/forms';

export const metadata: Metadata = { title: 'Answer sent', robots: { index: false, follow: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const outcomes: Record<string, { title: string; next: string }> = {
  accepted: {
    title: 'Referral accepted',
    next: 'We have told the link worker. Please contact the person to arrange when they can start, if you have not already.',
  },
  waitlisted: {
    title: 'Added to your waiting list',
    next: 'We have told the link worker. Please contact the person when a place comes up.',
  },
  declined: {
    title: 'Answer sent',
    next: 'We have told the link worker, so they can help the person find something else. Thank you for letting us know.',
  },
};

export default async function AnswerSentPage({ searchParams }: Props) {
  const status = cleanQuery(await searchParams).status;
  const outcome = typeof status === 'string' ? outcomes[status] : undefined;
  if (!outcome) {
    return (
      <div className="max-w-2xl">
        <h1 className="heading-l">This link has expired or has already been used</h1>
        <p>Nothing has been changed.</p>
      </div>
    );
  }
  return (
    <div className="max-w-2xl">
      <PanelConfirmation title={outcome.title} />
      <h2 className="heading-m">What happens next</h2>
      <p>{outcome.next}</p>
      <p>
        You can see all your referrals when you <Link href="/sign-in">sign in</Link>.
      </p>
    </div>
  );
}
