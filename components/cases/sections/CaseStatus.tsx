import { caseStatusTags, ragTags } from '@/components/cases/tags';
import { Button, ButtonGroup, InsetText, Tag, WarningText } from '@/components/ui';
import { outcomeLabels } from '@/lib/cases/labels';
import type { CasePage } from '@/lib/cases/view';
import { formatDate } from '@/lib/format/dates';

/** Where the case stands, whether the person may be contacted, and what can be done next. */
export function CaseStatus({ page, writable }: { page: CasePage; writable: boolean }) {
  const { case: c, person } = page;
  const closed = c.status === 'closed';
  const status = caseStatusTags[c.status];
  return (
    <>
      <p className="flex flex-wrap gap-2">
        <Tag colour={status.colour}>{status.text}</Tag>
        {c.rag ? <Tag colour={ragTags[c.rag].colour}>{`${ragTags[c.rag].text} rating`}</Tag> : null}
        {person.anonymisedAt ? <Tag colour="grey">Anonymised</Tag> : null}
      </p>

      {!page.canBeContacted ? (
        <WarningText>
          There is no agreement in force for this person to be contacted. Check with them before contacting them again.
        </WarningText>
      ) : null}

      {writable ? (
        <ButtonGroup>
          <Button href={`/cases/${c.id}/conversations/new`}>Record a conversation</Button>
          <Button href={`/refer-out?caseId=${c.id}`} variant="secondary">
            Refer to a service
          </Button>
          <Button href={`/cases/${c.id}/send-details`} variant="secondary">
            Send details of services
          </Button>
          <Button href={`/cases/${c.id}/unmet-need`} variant="secondary">
            Record unmet need
          </Button>
          <Button href={`/cases/${c.id}/safeguarding`} variant="secondary">
            Raise a safeguarding concern
          </Button>
          <Button href={`/cases/${c.id}/close`} variant="secondary">
            Close case
          </Button>
        </ButtonGroup>
      ) : closed ? (
        <InsetText>
          This case closed on {formatDate(c.closedAt)}
          {c.outcome ? `: ${outcomeLabels[c.outcome].toLowerCase()}` : ''}.
        </InsetText>
      ) : null}
    </>
  );
}
