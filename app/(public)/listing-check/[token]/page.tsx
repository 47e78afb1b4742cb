import type { Metadata } from 'next';
import { Button, ButtonGroup } from '@/components/ui';
import { Link } from '@/components/ui/Link';
import { db } from '@/lib/db/client';
import { formatDate } from '@/lib/format/dates';
import { loadCheckPage } from '@/lib/freshness';
import { confirmStillRight } from '../actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Is your listing still right?', robots: { index: false, follow: false } };

// Opening the link changes nothing (mail scanners open links); the button confirms.
export default async function ListingCheckPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const page = await loadCheckPage(db(), token, new Date());
  if (!page.ok) {
    return (
      <div className="max-w-2xl">
        <h1 className="heading-l">This link has already been used or has expired</h1>
        <p>Each link in our emails works once, for a few weeks. You can still check your listing by signing in.</p>
        <p>
          <Link href="/provider/listings">Sign in to see your listings</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="max-w-2xl">
      <span className="caption-l">{page.organisationName}</span>
      <h1 className="heading-l">Is your listing for {page.serviceName} still right?</h1>
      <p>{page.lastCheckedAt ? `It was last checked on ${formatDate(page.lastCheckedAt)}.` : 'It has not been checked yet.'}</p>
      <p>
        Have a look at <Link href={`/services/${page.serviceId}`}>the listing as the public sees it</Link>: the days and times,
        the place, the cost and the contact details.
      </p>
      <form action={confirmStillRight}>
        <input type="hidden" name="token" value={token} />
        <ButtonGroup>
          <Button>Yes, it is all still right</Button>
          <Link href={`/provider/listings/${page.serviceId}`}>No, I need to change something</Link>
        </ButtonGroup>
      </form>
      <p>To change it you will need to sign in. This link works until {formatDate(page.expiresAt)}.</p>
    </div>
  );
}
