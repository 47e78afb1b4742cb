import type { Metadata } from 'next';
import { PageHeading } from '@/components/layout/PageHeading';
import { caseStatusTags } from '@/components/cases/tags';
import { BackLink, Button, ErrorSummary, Table, Tag, TextInput } from '@/components/ui';
import { Link } from '@/components/ui/Link';
import { requireRole } from '@/lib/auth/session';
import { FIND_LIMIT, findCases, parseFindQuery } from '@/lib/cases/find';
import { outcomeLabels } from '@/lib/cases/labels';
import { db } from '@/lib/db/client';
import { ageOn, formatDate } from '@/lib/format/dates';
import { cleanQuery } from '@/lib/forms';

export const metadata: Metadata = { title: 'Find a case', robots: { index: false, follow: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function FindCasePage({ searchParams }: Props) {
  const user = await requireRole('link_worker', 'coordinator');
  const query = parseFindQuery(cleanQuery(await searchParams));
  const now = new Date();
  const result = await db().$transaction((tx) => findCases(tx, user, query, now));
  const error = result.kind === 'invalid' ? result : null;

  return (
    <>
      <BackLink href="/caseload">Back to caseload</BackLink>
      {error ? <ErrorSummary state={{ fieldErrors: { [error.field]: [error.message] } }} /> : null}
      <PageHeading lead="Open and closed cases of your team. Someone who comes back can have their earlier case reopened.">
        Find a case
      </PageHeading>
      <form method="get" action="/caseload/find" role="search" aria-label="Cases" className="mb-8">
        <TextInput
          id="q"
          label="Name, case reference or postcode"
          hint="For example, Margaret Hughes, EB-26-00123 or EB1 2AB"
          defaultValue={query.q}
          width="two-thirds"
          autoComplete="off"
          spellCheck={false}
          error={error?.field === 'q' ? [error.message] : undefined}
        />
        <TextInput
          id="dob"
          type="date"
          label="Date of birth (optional)"
          defaultValue={query.dob}
          width="10"
          error={error?.field === 'dob' ? [error.message] : undefined}
        />
        <Button variant="secondary">Search</Button>
      </form>

      {result.kind === 'found' ? (
        result.cases.length === 0 ? (
          <>
            <h2 className="heading-m">No cases found</h2>
            <p>Check the spelling, try part of the name, or search by the date of birth instead.</p>
          </>
        ) : (
          <>
            <h2 className="heading-m">
              {result.more
                ? `The newest ${FIND_LIMIT} cases found`
                : `${result.cases.length} ${result.cases.length === 1 ? 'case' : 'cases'} found`}
            </h2>
            {result.more ? <p>There are more: add a date of birth or more of the name to narrow the search.</p> : null}
            <Table
              caption="Cases found, newest first"
              captionHidden
              head={['Name', 'Reference', 'Age', 'Postcode', 'Status', 'Link worker']}
              rowKeys={result.cases.map((c) => c.id)}
              rows={result.cases.map((c) => [
                <Link key="n" href={`/cases/${c.id}`}>
                  {c.personName}
                </Link>,
                c.reference,
                c.dateOfBirth
                  ? `${ageOn(c.dateOfBirth, now)} (born ${formatDate(c.dateOfBirth, { dateOnly: true, short: true })})`
                  : (c.ageBand ?? 'Not known'),
                c.postcode ?? 'Not known',
                c.status === 'closed' ? (
                  <>
                    <Tag colour={caseStatusTags.closed.colour}>Closed</Tag>{' '}
                    <span className="block body-s">
                      {formatDate(c.closedAt, { short: true })}
                      {c.outcome ? `: ${outcomeLabels[c.outcome].toLowerCase()}` : ''}
                    </span>
                  </>
                ) : (
                  <Tag colour={caseStatusTags[c.status].colour}>{caseStatusTags[c.status].text}</Tag>
                ),
                c.workerName ?? 'Not assigned',
              ])}
            />
          </>
        )
      ) : null}
    </>
  );
}
