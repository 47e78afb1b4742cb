// The directory in the Open Referral UK profile's CSV tables, one zip.
import { orukDownload, orukOptions } from '@/lib/oruk/publish/api';
import { csvZip } from '@/lib/oruk/publish/download';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  return orukDownload(request, {
    contentType: 'application/zip',
    filename: 'open-referral-uk-csv.zip',
    body: async (db, now) => new Uint8Array(await csvZip(db, now)),
  });
}

export const OPTIONS = orukOptions;
