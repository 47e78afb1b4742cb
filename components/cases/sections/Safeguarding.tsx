import { Table } from '@/components/ui';
import { safeguardingTeamLabels } from '@/lib/cases/labels';
import type { CasePage } from '@/lib/cases/view';
import { formatDate } from '@/lib/format/dates';

/** The safeguarding concerns raised, and with which team. */
export function Safeguarding({ page }: { page: CasePage }) {
  return (
    <>
      <h2 className="heading-l" id="safeguarding">
        Safeguarding
      </h2>
      {page.safeguarding.length === 0 ? (
        <p>No safeguarding concerns raised.</p>
      ) : (
        <Table
          caption="Safeguarding concerns raised"
          captionHidden
          head={['Raised', 'Referred to', 'Summary']}
          rowKeys={page.safeguarding.map((s) => s.id)}
          rows={page.safeguarding.map((s) => [
            `${formatDate(s.raisedAt)}${s.raisedByName ? ` by ${s.raisedByName}` : ''}`,
            `${safeguardingTeamLabels[s.referredTo]}${s.referredToDetail ? ` (${s.referredToDetail})` : ''}`,
            s.summary,
          ])}
        />
      )}
    </>
  );
}
