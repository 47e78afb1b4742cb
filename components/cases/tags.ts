import { statusTags } from '@/components/ui/Tag';
import { caseStatusLabels, ragLabels } from '@/lib/cases/labels';

export const ragTags = statusTags(ragLabels, { red: 'red', amber: 'orange', green: 'green' });

export const caseStatusTags = statusTags(caseStatusLabels, {
  received: 'blue',
  triaged: 'light-blue',
  active: 'turquoise',
  closed: 'grey',
});
