import type { Metadata } from 'next';
import { Button } from '@/components/ui/Button';
import { ErrorSummary, InsetText, PhoneAndEmail, SummaryList, TextInput } from '@/components/ui';
import { Link } from '@/components/ui/Link';
import { config } from '@/lib/config';
import { db } from '@/lib/db/client';
import { EXAMPLE_POSTCODE } from '@/lib/geo/postcode';
import { publicTeams, teamsCovering, type PublicTeam } from '@/lib/teams/public';

export const metadata: Metadata = { title: 'Link-worker teams' };
export const dynamic = 'force-dynamic';

const anyOf = new Intl.ListFormat('en-GB', { type: 'disjunction' });

type Props = { searchParams: Promise<{ postcode?: string | string[] }> };

export default async function LinkWorkerTeamsPage({ searchParams }: Props) {
  const raw = (await searchParams).postcode;
  const postcode = (Array.isArray(raw) ? raw[0] : raw)?.slice(0, 20) ?? '';
  const [teams, answer] = await Promise.all([publicTeams(db()), postcode ? teamsCovering(db(), postcode) : null]);
  const borough = config.borough;
  const error = answer && !answer.ok ? answer.error : undefined;
  const covering = answer?.ok ? teams.filter((t) => answer.teamIds.includes(t.id)) : [];
  const byPractice = answer?.ok ? teams.filter((t) => !answer.teamIds.includes(t.id) && t.practices.length > 0) : [];

  return (
    <div className="max-w-[40em]">
      {error ? <ErrorSummary state={{ fieldErrors: { postcode: [error] } }} /> : null}
      <h1 className="heading-l">Link-worker teams</h1>
      <p className="body-l">
        Link workers listen to what matters to you and help you find local groups, activities and support. Each team below works
        in part or all of {borough.name}.
      </p>

      <section aria-labelledby="cover-heading" className="mb-10">
        <h2 id="cover-heading" className="heading-m">
          Which team covers me?
        </h2>
        <form action="/link-workers" method="get" role="search" aria-label="Find the team that covers your postcode">
          <TextInput
            id="postcode"
            label="Your postcode"
            hint={`For example, ${EXAMPLE_POSTCODE}`}
            autoComplete="postal-code"
            width="10"
            spellCheck={false}
            autoCapitalize="characters"
            defaultValue={postcode}
            error={error ? [error] : undefined}
          />
          <Button type="submit">Find my team</Button>
        </form>
        {answer && !answer.ok && answer.unknownPostcode ? (
          <InsetText>
            We could not find {answer.unknownPostcode} in {borough.name}. Check the postcode, or call {borough.contactPhone} and
            we will tell you who can help.
          </InsetText>
        ) : null}
        {answer?.ok ? (
          <div aria-live="polite">
            <p>
              {answer.postcode} is in {answer.ward}.{' '}
              {covering.length === 1
                ? `${covering[0].name} covers it.`
                : covering.length > 1
                  ? `These teams cover it: ${covering.map((t) => t.name).join(', ')}.`
                  : `No team covers it yet: call ${borough.contactPhone} and we will tell you who can help.`}
            </p>
            {byPractice.map((t) => (
              <p key={t.id}>
                If you are registered with {anyOf.format(t.practices)}, you can also ask {t.name}.
              </p>
            ))}
            <p>
              <Link href="/refer">Ask for help from a link worker</Link>, or contact the team yourself.
            </p>
          </div>
        ) : null}
      </section>

      {teams.length === 0 ? (
        <p>
          No teams are listed yet. Call {borough.contactPhone} or <Link href="/refer">ask for help from a link worker</Link>.
        </p>
      ) : (
        teams.map((team) => <TeamSection key={team.id} team={team} />)
      )}
    </div>
  );
}

function TeamSection({ team }: { team: PublicTeam }) {
  const headingId = `team-${team.id}`;
  const rows = [
    { id: 'contact', key: 'Contact', value: <PhoneAndEmail phone={team.phone} email={team.email} /> },
    ...(team.openingHours ? [{ id: 'hours', key: 'Opening times', value: team.openingHours }] : []),
    {
      id: 'areas',
      key: 'Areas',
      value: team.wholeBorough ? `All of ${config.borough.name}` : team.wards.length ? team.wards.join(', ') : 'None listed',
    },
    ...(team.practices.length ? [{ id: 'practices', key: 'GP practices', value: team.practices.join(', ') }] : []),
  ];
  return (
    <section aria-labelledby={headingId} className="mb-8">
      <h2 id={headingId} className="heading-m">
        {team.name}
      </h2>
      {team.description ? <p>{team.description}</p> : null}
      <SummaryList rows={rows} />
    </section>
  );
}
