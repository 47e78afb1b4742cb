// Plain-English names for an organisation's status. No database imports, so client components use them too.
import type { OrganisationStatus } from '@/lib/db/generated/enums';

export const organisationStatusLabels: Record<OrganisationStatus, string> = {
  pending: 'Waiting for approval',
  approved: 'Approved',
  rejected: 'Not approved',
};
