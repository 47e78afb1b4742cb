import type { Metadata } from 'next';
import { PanelConfirmation } from '@/components/ui';
import { Link } from '@/components/ui/Link';
import { cleanQuery } from '@/lib/forms';

export const metadata: Metadata = { title: 'Thank you', robots: { index: false, follow: false } };

export default async function ListingCheckDonePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const sp = cleanQuery(await searchParams);
  if (sp.status !== 'confirmed') {
    return (
      <div className="max-w-2xl">
        <h1 className="heading-l">This link has already been used or has expired</h1>
        <p>
          <Link href="/provider/listings">Sign in to see your listings</Link>
        </p>
      </div>
    );
  }
  const listing = typeof sp.listing === 'string' && /^[0-9a-f-]{36}$/i.test(sp.listing) ? sp.listing : null;
  return (
    <div className="max-w-2xl">
      <PanelConfirmation title="Thank you, your listing is marked as checked" />
      <p>It now shows today’s date as the date it was last checked. We will ask again in a few months.</p>
      {listing ? (
        <p>
          <Link href={`/services/${listing}`}>See your listing</Link>
        </p>
      ) : null}
    </div>
  );
}
