import { config } from '@/lib/config';
import { db } from '@/lib/db/client';
import { buildCalendar, calendarFileName } from '@/lib/directory/ics';
import { addressLines, getPublicService } from '@/lib/directory/service';

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const now = new Date();
  const service = await getPublicService(db(), id, now);
  if (!service || service.status === 'inactive' || service.status === 'defunct') {
    return new Response('We could not find that listing.', {
      status: 404,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  }
  const url = `${config.baseUrl.replace(/\/$/, '')}/services/${service.id}`;
  const host = new URL(config.baseUrl).hostname || 'directory';
  const defaultPlace = service.locations[0];
  const body = buildCalendar(
    service.schedules.map((s) => {
      const place =
        service.locations.find((l) => s.serviceAtLocationId && l.serviceAtLocationId === s.serviceAtLocationId) ?? defaultPlace;
      return {
        uid: `${s.id}@${host}`,
        schedule: s,
        summary: service.name,
        location: place ? addressLines(place).join(', ') : undefined,
        description: `${service.organisation.name}. Check the listing before you go: ${url}`,
        url,
      };
    }),
    { name: service.name, now, prodId: `-//${config.borough.serviceName}//Directory//EN` },
  );
  return new Response(body, {
    headers: {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': `attachment; filename="${calendarFileName(service.name)}"`,
      'cache-control': 'private, max-age=300',
    },
  });
}
