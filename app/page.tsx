import { connection } from 'next/server';
import { EmergencyNotice } from '@/components/layout/EmergencyNotice';
import { Button } from '@/components/ui/Button';
import { Link } from '@/components/ui/Link';
import { TextInput } from '@/components/ui/TextInput';
import { EXAMPLE_POSTCODE } from '@/lib/geo/postcode';
import { config } from '@/lib/config';
import { db } from '@/lib/db/client';
import { needThemes } from '@/lib/directory/need-themes';

export default async function HomePage() {
  // The themes come from the database, which is not there at build time.
  await connection();
  const borough = config.borough;
  const themes = await needThemes(db);

  return (
    <>
      <h1 className="mb-5">Find local help and support in {borough.name}</h1>
      <p className="body-l">
        Find local groups, activities and services that can help with everyday life, from walking groups and lunch clubs to debt
        advice and support for carers.
      </p>
      <p>
        You can also ask for help from a link worker. A <strong>link worker</strong> is someone who listens to what matters to you
        and helps you find support in your area. It is free, and you do not need to see a doctor first.
      </p>

      <EmergencyNotice prominent className="my-8" />

      <section aria-labelledby="search-heading" className="no-print mb-10">
        <h2 id="search-heading" className="heading-m">
          Search for help near you
        </h2>
        <form action="/services" method="get" role="search" aria-label="Search for local help" className="max-w-2xl">
          <TextInput
            id="q"
            label="What are you looking for?"
            hint="For example, walking group, carers, debt advice or feeling lonely"
            type="search"
            autoComplete="off"
            spellCheck
          />
          <TextInput
            id="place"
            label="Postcode (optional)"
            hint={`To show what is nearest first. For example, ${EXAMPLE_POSTCODE}`}
            autoComplete="postal-code"
            width="10"
            spellCheck={false}
            autoCapitalize="characters"
          />
          <Button type="submit">Search</Button>
        </form>
      </section>

      {themes.length > 0 ? (
        <section aria-labelledby="themes-heading" className="mb-10">
          <h2 id="themes-heading" className="heading-m">
            Browse by what you need help with
          </h2>
          <ul className="m-0 grid list-none grid-cols-1 gap-x-6 gap-y-3 p-0 tablet:grid-cols-2 desktop:grid-cols-3">
            {themes.map((theme) => (
              <li key={theme.code}>
                <Link href={`/services?need=${encodeURIComponent(theme.code)}`}>{theme.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <p className="mb-10">
          <Link href="/services">Browse all local groups and activities</Link>
        </p>
      )}

      <div className="grid grid-cols-1 gap-8 desktop:grid-cols-3">
        <section aria-labelledby="refer-self-heading">
          <h2 id="refer-self-heading" className="heading-m">
            Get help from a link worker
          </h2>
          <p>Tell us a little about yourself and what matters to you. A link worker will get in touch.</p>
          <p>You can ask for yourself, or for someone you care for if they agree.</p>
          <p>
            <Link href="/refer">Refer yourself or someone you care for</Link>
          </p>
          <p>
            <Link href="/link-workers">Find the link-worker team that covers you</Link>
          </p>
        </section>
        <section aria-labelledby="refer-pro-heading">
          <h2 id="refer-pro-heading" className="heading-m">
            For professionals
          </h2>
          <p>
            GP practices, social workers, hospital teams and anyone working with a resident can refer them. There are no
            eligibility criteria.
          </p>
          <p>
            <Link href="/refer/professional">For professionals: refer someone</Link>
          </p>
        </section>
        <section aria-labelledby="groups-heading">
          <h2 id="groups-heading" className="heading-m">
            For community groups
          </h2>
          <p>Tell people about your group or activity, keep your details up to date and receive referrals.</p>
          <p>
            <Link href="/groups/join">Run a community group? List it for free</Link>
          </p>
        </section>
      </div>
    </>
  );
}
