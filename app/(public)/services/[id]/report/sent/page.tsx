import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PanelConfirmation } from '@/components/ui';
import { Link } from '@/components/ui/Link';
import { db } from '@/lib/db/client';
import { getPublicService } from '@/lib/directory/service';

export const metadata: Metadata = { title: 'Report sent' };

export default async function ReportSentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const service = await getPublicService(db(), id);
  if (!service) notFound();
  return (
    <div className="max-w-[40em]">
      <PanelConfirmation title="Thank you, your report has been sent" />
      <h2 className="heading-m">What happens next</h2>
      <p>A coordinator will check the listing with the group and correct it. If you left an email address, they may reply.</p>
      <p>
        <Link href={`/services/${service.id}`}>Back to {service.name}</Link>
      </p>
      <p>
        <Link href="/services">Search for help and activities</Link>
      </p>
    </div>
  );
}
