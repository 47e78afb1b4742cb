// Bulk import for admins. The CSV is the request body (text/csv), read as a stream; ?mode=check
// only checks it, ?mode=import checks it and, if every row is right, imports it in one transaction.
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { getSessionUser } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { runImport } from '@/lib/import';
import { logError } from '@/lib/log/logger';
import { cleanSearchParams } from '@/lib/forms';

export const dynamic = 'force-dynamic';
const MAX_BYTES = 50 * 1024 * 1024;

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { 'cache-control': 'no-store' } });

/** A cross-site page cannot post here with the admin's cookie. */
function sameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (!origin) return true;
  try {
    return new URL(origin).host === (request.headers.get('x-forwarded-host') ?? request.headers.get('host'));
  } catch {
    return false;
  }
}

export async function POST(request: Request) {
  const user = await getSessionUser();
  if (!user) return json({ message: 'Sign in as an administrator to import' }, 401);
  if (user.role !== 'admin') return json({ message: 'Only administrators can import' }, 403);
  if (!sameOrigin(request)) return json({ message: 'Import from this site’s own page' }, 403);
  const mode = cleanSearchParams(new URL(request.url).searchParams).get('mode') === 'import' ? 'import' : 'check';
  const length = Number(request.headers.get('content-length') ?? '0');
  if (length > MAX_BYTES) return json({ message: 'The file is larger than 50 MB. Split it into smaller files' }, 413);
  if (!request.body) return json({ message: 'Choose a CSV file to upload' }, 400);

  // Count bytes as they arrive, in case no length was sent (the parser pulls from this generator).
  let tooLarge = false;
  const body = request.body;
  async function* limited() {
    let seen = 0;
    for await (const chunk of Readable.fromWeb(body as unknown as WebReadableStream<Uint8Array>)) {
      seen += (chunk as Buffer).length;
      if (seen > MAX_BYTES) {
        tooLarge = true;
        throw new Error('too large');
      }
      yield chunk as Buffer;
    }
  }
  try {
    const outcome = await runImport(db(), limited(), user, mode);
    return json(outcome, outcome.ok ? 200 : 422);
  } catch (error) {
    if (tooLarge) return json({ message: 'The file is larger than 50 MB. Split it into smaller files' }, 413);
    logError(error, { module: 'import' }, 'Import failed');
    return json({ message: 'The import failed and nothing was saved. Try again, or contact support if it keeps happening' }, 500);
  }
}
