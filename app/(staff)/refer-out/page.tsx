import type { Metadata } from 'next';
import { forbidden, notFound } from 'next/navigation';
import { whenText } from '@/components/directory/ResultCard';
import { ReferOutForm } from '@/components/referrals/ReferOutForm';
import { BackLink, Button, ButtonGroup, InsetText, Select, Table, Tag, TextInput, WarningText } from '@/components/ui';
import { Link, route } from '@/components/ui/Link';
import { requireRole } from '@/lib/auth/session';
import { isUuid, cleanQuery } from '@/lib/forms';
import { shareableFieldLabels } from '@/lib/cases/labels';
import { needThemes } from '@/lib/cases/needs';
import { referableService, referOutForm, type ReferralService } from '@/lib/cases/refer-out';
import { loadCaseSummary } from '@/lib/cases/pages';
import { db } from '@/lib/db/client';
import { runSearch } from '@/lib/directory/directory';
import { CAPACITY_LABELS } from '@/lib/directory/vocab';
import { emptySearch } from '@/lib/directory/search-params';
import { formatNumber } from '@/lib/format/numbers';
import { statusLabel } from '@/lib/referrals/lifecycle';
import { myCaseload, recordCaseloadShown } from '@/lib/cases/caseload';
import { referOutAction } from './actions';

export const metadata: Metadata = { title: 'Refer to a service' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : Array.isArray(v) ? v[0] : undefined);

export default async function ReferOutPage({ searchParams }: Props) {
  const user = await requireRole('link_worker', 'coordinator');
  const query = cleanQuery(await searchParams);
  const caseId = one(query.caseId);
  const serviceId = one(query.serviceId);
  const database = db();

  let service: ReferralService | null = null;
  if (serviceId) {
    service = await referableService(database, serviceId);
    if (!service) notFound();
  }
  if (!caseId || !isUuid(caseId)) {
    if (!service) return <StartFromCaseload />;
    return <PickCase service={service} user={user} q={one(query.q)?.trim().slice(0, 100) ?? ''} />;
  }
  const opened = await loadCaseSummary(database, user, caseId, 'refer_out');
  if (!opened.ok) return opened.reason === 'forbidden' ? forbidden() : notFound();
  const { summary } = opened;
  const caseHref = route(`/cases/${summary.id}`);
  const heading = (
    <h1 className="heading-l">
      <span className="caption-l">
        {summary.person.name}, case {summary.reference}
      </span>
      {service ? `Refer to ${service.name}` : 'Find a service to refer to'}
    </h1>
  );

  if (summary.status === 'closed') {
    return (
      <>
        <BackLink href={caseHref}>Back to the case</BackLink>
        {heading}
        <InsetText>This case is closed. Referrals can only be made from an open case.</InsetText>
      </>
    );
  }

  if (!service) {
    return (
      <>
        <BackLink href={caseHref}>Back to the case</BackLink>
        {heading}
        <FindService caseId={summary.id} postcode={summary.person.postcode} q={one(query.q) ?? ''} need={one(query.need) ?? ''} />
      </>
    );
  }

  const form = await referOutForm(database, summary.id, service);
  return (
    <>
      <BackLink href={`/refer-out?caseId=${summary.id}`}>Choose a different service</BackLink>
      <div className="max-w-[40em]">
        {heading}
        <p>
          {service.organisationName} runs this service. {CAPACITY_LABELS[service.capacityStatus]}.
          {service.status === 'temporarily_closed' ? ' It is temporarily closed.' : ''}
        </p>
        {form.openReferral ? (
          <InsetText>
            This person already has a referral to {service.name} ({statusLabel[form.openReferral.status].toLowerCase()}).{' '}
            <Link href={`/cases/${summary.id}#referral-${form.openReferral.id}`}>See it on the case</Link>.
          </InsetText>
        ) : (
          <>
            {form.allowed.length === 0 ? (
              <WarningText>
                The person has not agreed to share their details with {service.organisationName}. The referral can carry only its
                reference, {summary.reference}, so the provider will need to contact you.{' '}
                <Link href={`/cases/${summary.id}/consent`}>Record an agreement</Link> first if the person agrees.
              </WarningText>
            ) : null}
            {form.notAllowed.length ? (
              <p>
                Not shared, because the person has not agreed to share {form.notAllowed.length === 1 ? 'it' : 'them'} with this
                provider: {form.notAllowed.map((f) => shareableFieldLabels[f].toLowerCase()).join(', ')}.
              </p>
            ) : null}
            <ReferOutForm
              action={referOutAction.bind(null, summary.id)}
              serviceId={service.id}
              serviceName={service.name}
              allowed={form.allowed.map((a) => ({
                field: a.field,
                value: Array.isArray(a.value) ? a.value.join(', ') : a.value,
              }))}
              cancelHref={caseHref}
            />
          </>
        )}
      </div>
    </>
  );
}

function StartFromCaseload() {
  return (
    <>
      <h1 className="heading-l">Refer to a service</h1>
      <p>
        Start from the person’s case: open it from <Link href="/caseload">your caseload</Link> and choose “Refer to a service”. Or
        find a service in the <Link href="/services">directory</Link> and choose “Refer someone” on its page.
      </p>
    </>
  );
}

async function PickCase({
  service,
  user,
  q,
}: {
  service: ReferralService;
  user: Awaited<ReturnType<typeof requireRole>>;
  q: string;
}) {
  const now = new Date();
  const caseload = await myCaseload(db(), user, now, { scope: user.role === 'coordinator' ? 'team' : 'mine', q });
  await recordCaseloadShown(db(), user, caseload, now);
  const cases = [...caseload.due, ...caseload.awaitingFirstContact, ...caseload.others].sort((a, b) =>
    a.personName.localeCompare(b.personName),
  );
  return (
    <>
      <BackLink href={`/services/${service.id}`}>Back to {service.name}</BackLink>
      <h1 className="heading-l">
        <span className="caption-l">{service.name}</span>
        Who are you referring?
      </h1>
      <form method="get" action="/refer-out" role="search" aria-label="Find the person in your cases" className="max-w-[40em]">
        <input type="hidden" name="serviceId" value={service.id} />
        <TextInput
          id="q"
          label="Search your cases"
          hint="Their name, or the case reference"
          defaultValue={q}
          autoComplete="off"
          spellCheck={false}
        />
        <ButtonGroup>
          <Button variant="secondary">Search</Button>
          {q ? <Link href={`/refer-out?serviceId=${service.id}`}>Show all your cases</Link> : null}
        </ButtonGroup>
      </form>
      {cases.length === 0 && q ? (
        <p>No open case matches “{q}”. Check the spelling, or search by the case reference.</p>
      ) : cases.length === 0 ? (
        <p>You have no open cases. Only people on your caseload can be referred.</p>
      ) : (
        <Table
          caption={q ? `Your open cases matching “${q}”` : 'Your open cases'}
          captionHidden
          head={['Name', 'Reference', { content: <span className="visually-hidden">Action</span> }]}
          rowKeys={cases.map((c) => c.id)}
          rows={cases.map((c) => [
            c.personName,
            c.reference,
            <Link key="r" href={`/refer-out?caseId=${c.id}&serviceId=${service.id}`}>
              Refer<span className="visually-hidden"> {c.personName}</span>
            </Link>,
          ])}
        />
      )}
    </>
  );
}

async function FindService({ caseId, postcode, q, need }: { caseId: string; postcode: string | null; q: string; need: string }) {
  const database = db();
  const now = new Date();
  const needs = await needThemes(database);
  const validNeed = needs.some((n) => n.code === need) ? need : '';
  const searched = Boolean(q.trim() || validNeed);
  let results: Awaited<ReturnType<typeof runSearch>>['results'] = [];
  let total = 0;
  let near = false;
  if (searched) {
    const params = { ...emptySearch, q: q.trim().slice(0, 200), needs: validNeed ? [validNeed] : [] };
    let outcome = postcode ? await runSearch(database, { ...params, place: postcode }, {}, { suggest: false, now }) : null;
    near = Boolean(outcome && !outcome.blocked && outcome.place);
    if (!outcome || outcome.blocked) outcome = await runSearch(database, params, {}, { suggest: false, now });
    results = outcome.results;
    total = outcome.total;
  }
  const unmetHref = route(
    `/cases/${caseId}/unmet-need?${new URLSearchParams({ ...(q.trim() ? { q: q.trim() } : {}), ...(validNeed ? { need: validNeed } : {}) })}`,
  );
  return (
    <>
      <form method="get" action="/refer-out" role="search" aria-label="Find a service">
        <input type="hidden" name="caseId" value={caseId} />
        <TextInput
          id="q"
          label="Search the directory"
          hint="For example, walking group, lunch club, debt advice."
          defaultValue={q}
        />
        <Select
          id="need"
          label="Need (optional)"
          placeholder="Any need"
          defaultValue={validNeed}
          options={needs.map((n) => ({ value: n.code, label: n.name }))}
        />
        <Button variant="secondary">Search</Button>
      </form>
      {searched ? (
        <>
          <h2 className="heading-m" id="results">
            {total === 0 ? 'No services found' : `${formatNumber(total)} ${total === 1 ? 'service' : 'services'} found`}
            {near && total > 0 ? ', nearest to the person first' : ''}
          </h2>
          {total === 0 ? (
            <p>
              Try other words, or <Link href={unmetHref}>record this as unmet need</Link>.
            </p>
          ) : (
            <>
              <ul className="list-plain">
                {results.map((r) => (
                  <li key={r.id} className="mb-6 border-b border-[#b1b4b6] pb-4">
                    <h3 className="heading-s mb-1">
                      <Link href={`/services/${r.id}`}>{r.name}</Link>
                    </h3>
                    <p className="body-s mb-2">
                      {r.organisation.name}
                      {r.distanceMiles !== null ? `, ${formatNumber(r.distanceMiles, 1)} miles away` : ''}
                    </p>
                    <p className="mb-2">{r.summary}</p>
                    <p className="mb-2">
                      <strong>When:</strong> {whenText(r, now)}
                    </p>
                    <p className="mb-2">
                      <Tag colour={r.capacityStatus === 'open' ? 'green' : r.capacityStatus === 'full' ? 'red' : 'yellow'}>
                        {CAPACITY_LABELS[r.capacityStatus]}
                      </Tag>
                    </p>
                    <Link href={`/refer-out?caseId=${caseId}&serviceId=${r.id}`}>
                      Refer to this service<span className="visually-hidden">: {r.name}</span>
                    </Link>
                  </li>
                ))}
              </ul>
              <p>
                Nothing suitable? <Link href={unmetHref}>Record unmet need</Link>.
              </p>
            </>
          )}
        </>
      ) : null}
    </>
  );
}
