// Every published service in full, as one Open Referral UK JSON array, streamed.
import { orukDownload, orukOptions } from '@/lib/oruk/publish/api';
import { servicesJson } from '@/lib/oruk/publish/download';
import type { Tx } from '@/lib/db/client';

export const dynamic = 'force-dynamic';

function stream(db: Tx, now: Date): ReadableStream<Uint8Array> {
  const parts = servicesJson(db, now);
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await parts.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await parts.return(undefined);
    },
  });
}

export function GET(request: Request) {
  return orukDownload(request, {
    contentType: 'application/json; charset=utf-8',
    filename: 'services.json',
    body: async (db, now) => stream(db, now),
  });
}

export const OPTIONS = orukOptions;
