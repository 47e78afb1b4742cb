import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { PageHeading } from '@/components/layout/PageHeading';
import { BackLink, Button, Table, Tag, TextInput } from '@/components/ui';
import { Link } from '@/components/ui/Link';
import { requireRole } from '@/lib/auth/session';
import { db } from '@/lib/db/client';
import { findPeople } from '@/lib/people/subject-access';
import { cleanQuery } from '@/lib/forms';

export const metadata: Metadata = { title: 'Subject access and erasure' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminPeoplePage({ searchParams }: Props) {
  const user = await requireRole('admin');
  const query = cleanQuery(await searchParams);
  const q = typeof query.q === 'string' ? query.q.trim() : '';
  const people = q ? await db().$transaction((tx) => findPeople(tx, user, q)) : [];
  if (people === null) forbidden();

  return (
    <>
      <BackLink href="/admin">Back to admin</BackLink>
      <PageHeading lead="Find a person to answer a subject access request, or to erase their record. Every search and every record opened here is recorded.">
        Subject access and erasure
      </PageHeading>
      <form method="get" action="/admin/people" role="search" aria-label="Find a person" className="mb-8">
        <TextInput
          id="q"
          label="Case reference or name"
          hint="For example, EB-26-00012."
          defaultValue={q}
          width="20"
          autoComplete="off"
        />
        <Button variant="secondary">Find</Button>
      </form>
      {q ? (
        people.length === 0 ? (
          <p>No one matches “{q}”.</p>
        ) : (
          <Table
            caption="People found"
            captionSize="m"
            head={['Name', 'Cases']}
            rowKeys={people.map((p) => p.id)}
            rows={people.map((p) => [
              <Link key="n" href={`/admin/people/${p.id}`}>
                {p.name}
              </Link>,
              <>
                {p.cases.map((c) => c.reference).join(', ')} {p.anonymised ? <Tag colour="grey">Anonymised</Tag> : null}
              </>,
            ])}
          />
        )
      ) : null}
    </>
  );
}
