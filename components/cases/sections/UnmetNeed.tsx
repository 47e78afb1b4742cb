import { Table } from '@/components/ui';
import { unmetNeedReasonLabels } from '@/lib/cases/labels';
import type { CasePage } from '@/lib/cases/view';
import { formatDate } from '@/lib/format/dates';

/** Needs no service could meet, as recorded for the commissioners' reports. */
export function UnmetNeed({ page }: { page: CasePage }) {
  return (
    <>
      <h2 className="heading-l" id="unmet-need">
        Unmet need
      </h2>
      {page.unmetNeeds.length === 0 ? (
        <p>None recorded.</p>
      ) : (
        <Table
          caption="Unmet need recorded for this case"
          captionHidden
          head={['Recorded', 'Need', 'Why', 'Notes']}
          rowKeys={page.unmetNeeds.map((u) => u.id)}
          rows={page.unmetNeeds.map((u) => [
            `${formatDate(u.recordedAt)}${u.recordedByName ? ` by ${u.recordedByName}` : ''}`,
            u.term.name,
            unmetNeedReasonLabels[u.reason],
            u.note ?? '',
          ])}
        />
      )}
    </>
  );
}
