import type { Metadata } from 'next';
import { forbidden, notFound } from 'next/navigation';
import { CaseFrame, caseHref } from '@/components/cases/CaseFrame';
import { SendDetailsForm } from '@/components/cases/SendDetailsForm';
import { Button, InsetText, TextInput, WarningText } from '@/components/ui';
import { requireUser } from '@/lib/auth/session';
import { loadSendDetailsPage } from '@/lib/cases/pages';
import { db } from '@/lib/db/client';
import { cleanQuery } from '@/lib/forms';
import { signpostCandidates } from '@/lib/triage/services';
import { sendDetailsAction } from '../actions';

export const metadata: Metadata = { title: 'Send details of services' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');

export default async function SendDetailsPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const { id } = await params;
  const query = one(cleanQuery(await searchParams).q)
    .trim()
    .slice(0, 100);
  const opened = await loadSendDetailsPage(db(), user, id);
  if (!opened.ok) return opened.reason === 'forbidden' ? forbidden() : notFound();
  const { summary, routes, preferred, canContact, caseServices } = opened;
  const found = query ? (await signpostCandidates(db(), { query })).candidates : [];
  const fromCase = new Set(caseServices.map((s) => s.id));
  const others = found.filter((s) => !fromCase.has(s.id));
  const here = caseHref(summary.id);

  return (
    <CaseFrame kase={summary} personName={summary.person.name} title="Send details of services">
      {summary.status === 'closed' ? (
        <InsetText>This case is closed. Reopen it to send the person anything.</InsetText>
      ) : !canContact ? (
        <WarningText>There is no agreement in force for this person to be contacted, so the details cannot be sent.</WarningText>
      ) : routes.length === 0 ? (
        <InsetText>
          There is no email address or mobile number on their record. <a href={`${here}/person`}>Add one</a> if they would like
          the details sent, or give them the details by phone or letter.
        </InsetText>
      ) : (
        <>
          <p>
            They get the times, place, cost and contact details of each service: one email with them all, or one text each. The
            message asks them to check times before they go.
          </p>
          <form method="get" action={`${here}/send-details`} role="search" aria-label="Services">
            <TextInput id="q" label="Find another service by name" defaultValue={query} width="two-thirds" spellCheck={false} />
            <Button variant="secondary">Search</Button>
          </form>
          {query && found.length === 0 ? <p>No running services have a name matching “{query}”. Try another word.</p> : null}
          {caseServices.length === 0 && !query ? (
            <p>This case has no referrals or suggested services yet. Search for the services you talked about.</p>
          ) : null}
          {caseServices.length > 0 || others.length > 0 ? (
            <SendDetailsForm
              action={sendDetailsAction.bind(null, summary.id)}
              groups={[
                { legend: 'Services in this case', services: caseServices },
                { legend: `Services matching “${query}”`, services: others },
              ]}
              routes={routes}
              preferred={preferred}
              cancelHref={here}
            />
          ) : null}
        </>
      )}
    </CaseFrame>
  );
}
