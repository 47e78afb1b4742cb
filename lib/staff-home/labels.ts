import type { TagColour } from '@/components/ui/Tag';
import type { CapacityStatus, CaseSource, CaseStatus, OrganisationStatus, Rag, ServiceStatus } from '@/lib/db/generated/client';

export const sourceLabels: Record<CaseSource, string> = {
  gp: 'GP practice',
  self: 'Self-referral',
  social_care: 'Social care',
  hospital: 'Hospital',
  voluntary_sector: 'Voluntary sector',
  other: 'Other',
};

export const ragTags: Record<Rag, { text: string; colour: TagColour }> = {
  red: { text: 'Red', colour: 'red' },
  amber: { text: 'Amber', colour: 'orange' },
  green: { text: 'Green', colour: 'green' },
};

export const caseStatusTags: Record<CaseStatus, { text: string; colour: TagColour }> = {
  received: { text: 'New', colour: 'blue' },
  triaged: { text: 'Rated', colour: 'light-blue' },
  active: { text: 'Active', colour: 'turquoise' },
  closed: { text: 'Closed', colour: 'grey' },
};

export const serviceStatusTags: Record<ServiceStatus, { text: string; colour: TagColour }> = {
  active: { text: 'Running', colour: 'green' },
  temporarily_closed: { text: 'Temporarily closed', colour: 'yellow' },
  inactive: { text: 'Not running', colour: 'grey' },
  defunct: { text: 'Closed for good', colour: 'grey' },
};

export const capacityLabels: Record<CapacityStatus, string> = {
  open: 'Has space',
  waiting_list: 'Waiting list',
  full: 'Full',
};

export const organisationStatusTags: Record<OrganisationStatus, { text: string; colour: TagColour }> = {
  pending: { text: 'Waiting for approval', colour: 'yellow' },
  approved: { text: 'Approved', colour: 'green' },
  rejected: { text: 'Not approved', colour: 'red' },
};

export const roleLabelsPlural: Record<'provider' | 'link_worker' | 'coordinator' | 'commissioner' | 'admin', string> = {
  provider: 'Providers',
  link_worker: 'Link workers',
  coordinator: 'Coordinators',
  commissioner: 'Commissioners',
  admin: 'Administrators',
};
