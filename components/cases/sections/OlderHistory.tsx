import { InsetText } from '@/components/ui';
import type { CasePage } from '@/lib/cases/view';
import { formatDate } from '@/lib/format/dates';
import { Link } from '@/components/ui/Link';

/** When the page holds only the recent history: since when, and the way to the rest. */
export function OlderHistory({ page, fullHistory, what }: { page: CasePage; fullHistory: boolean; what: string }) {
  if (page.history.complete || !page.history.since) return null;
  return (
    <InsetText>
      {what} {what.endsWith(':') ? 'those' : 'what happened'} since {formatDate(page.history.since)}.{' '}
      {fullHistory ? (
        'Older history is too long to show on one page.'
      ) : (
        <Link href={`/cases/${page.case.id}?history=all#timeline`}>Show the full history</Link>
      )}
    </InsetText>
  );
}
