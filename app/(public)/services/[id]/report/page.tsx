import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ReportProblemForm } from '@/components/directory/ReportProblemForm';
import { BackLink } from '@/components/ui';
import { db } from '@/lib/db/client';
import { getPublicService } from '@/lib/directory/service';
import { reportProblem } from './actions';

export const metadata: Metadata = { title: 'Report a problem with a listing' };

export default async function ReportProblemPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const service = await getPublicService(db(), id);
  if (!service) notFound();
  return (
    <>
      <BackLink href={`/services/${service.id}`}>Back to {service.name}</BackLink>
      <div className="max-w-[40em]">
        <h1 className="heading-l">
          <span className="caption-l">{service.name}</span>
          Report a problem with this listing
        </h1>
        <p>
          Tell us if something on this listing is wrong or out of date. A coordinator will check it with the group and correct it.
        </p>
        <p>
          This is not for emergencies. In an emergency call 999. For urgent health advice call NHS 111. To talk to someone now,
          call Samaritans on 116 123.
        </p>
        <ReportProblemForm action={reportProblem.bind(null, service.id)} />
      </div>
    </>
  );
}
