import { statusTags } from '@/components/ui/Tag';
import { serviceStatusLabels } from '@/lib/listings/labels';
import { organisationStatusLabels } from '@/lib/organisations/labels';

export const serviceStatusTags = statusTags(serviceStatusLabels, {
  active: 'green',
  temporarily_closed: 'yellow',
  inactive: 'grey',
  defunct: 'grey',
});

export const organisationStatusTags = statusTags(organisationStatusLabels, {
  pending: 'yellow',
  approved: 'green',
  rejected: 'red',
});
