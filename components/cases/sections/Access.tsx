import { Table } from '@/components/ui';
import { auditActionLabel } from '@/lib/audit/labels';
import type { CasePage } from '@/lib/cases/view';
import { formatDateTime } from '@/lib/format/dates';

/** Who has seen or changed the person's record: only for those allowed to read the audit. */
export function Access({ page }: { page: CasePage }) {
  if (!page.audit) return null;
  return (
    <>
      <h2 className="heading-l" id="access">
        Who has seen or changed this record
      </h2>
      <p>Every view and change of this person’s record, newest first. Only coordinators see this list.</p>
      <Table
        caption="Access to this person’s record"
        captionHidden
        head={['When', 'Who', 'Role', 'What']}
        rowKeys={page.audit.map((a) => a.id)}
        rows={page.audit.map((a) => [
          formatDateTime(a.at),
          a.actor?.name ?? (a.action === 'referral.viewed_by_link' ? 'Provider (email link)' : 'System'),
          a.actorRoleThen?.replace('_', ' ') ?? '',
          auditActionLabel(a.action),
        ])}
      />
    </>
  );
}
