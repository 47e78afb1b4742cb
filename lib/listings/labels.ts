// Plain-English names for a listing's status. No database imports, so client components use them too.
import type { ServiceStatus } from '@/lib/db/generated/enums';

export const serviceStatusLabels: Record<ServiceStatus, string> = {
  active: 'Running',
  temporarily_closed: 'Temporarily closed',
  inactive: 'Not running',
  defunct: 'Closed for good',
};
