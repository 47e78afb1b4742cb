import type { ComponentProps } from 'react';
import { caseStatusTags, ragTags } from '@/components/cases/tags';
import { ContactAttemptForm } from '@/components/cases/ContactAttemptForm';
import { Button, ButtonGroup, InsetText, Tag, WarningText } from '@/components/ui';
import { contactAttemptLabels, outcomeLabels, triesText } from '@/lib/cases/labels';
import type { CasePage } from '@/lib/cases/view';
import { formatDate, formatDateTime } from '@/lib/format/dates';

type Props = {
  page: CasePage;
  writable: boolean;
  /** Records a try to contact the person, with the key drawn for this page. */
  contactAttempt: { action: ComponentProps<typeof ContactAttemptForm>['action']; submissionKey: string };
};

/** Where the case stands, whether the person may be contacted, and what can be done next. */
export function CaseStatus({ page, writable, contactAttempt }: Props) {
  const { case: c, person, contact } = page;
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
        <>
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
            {page.canReassign && c.assignedWorkerId ? (
              <Button href={`/cases/${c.id}/reassign`} variant="secondary">
                Move to another link worker
              </Button>
            ) : null}
            <Button href={`/cases/${c.id}/close`} variant="secondary">
              Close case
            </Button>
          </ButtonGroup>

          <section id="contact" aria-labelledby="contact-heading" className="mb-8">
            <h2 className="heading-s mb-2" id="contact-heading">
              Tries to contact
            </h2>
            <p className="mb-4">
              {contact.attemptsInARow === 0
                ? 'None since the last conversation.'
                : `${triesText(contact.attemptsInARow)} since the last conversation.`}
              {contact.latest
                ? ` Latest: ${contactAttemptLabels[contact.latest.outcome].toLowerCase()}, ${formatDateTime(contact.latest.at)}${contact.latest.by ? ` (${contact.latest.by})` : ''}.`
                : ''}
            </p>
            {contact.offerClose ? (
              <InsetText>
                <p>
                  {triesText(contact.attemptsInARow)} in a row without reaching them. If you cannot reach them, close the case as
                  “could not contact”: we will write to them and to whoever referred them.
                </p>
                <Button href={`/cases/${c.id}/close/could-not-contact`} variant="secondary" className="mb-0">
                  Close: could not contact
                </Button>
              </InsetText>
            ) : null}
            <ContactAttemptForm action={contactAttempt.action} submissionKey={contactAttempt.submissionKey} />
          </section>
        </>
      ) : closed ? (
        <InsetText>
          <p>
            This case closed on {formatDate(c.closedAt)}
            {c.outcome ? `: ${outcomeLabels[c.outcome].toLowerCase()}` : ''}.
          </p>
          {page.canWrite && !person.anonymisedAt ? (
            <>
              <p>If the person has come back, reopen it: their history, conversations and scores stay with it.</p>
              <Button href={`/cases/${c.id}/reopen`} variant="secondary" className="mb-0">
                Reopen this case
              </Button>
            </>
          ) : null}
        </InsetText>
      ) : null}
    </>
  );
}
