import { EmailLink, PhoneLink, SummaryList } from '@/components/ui';
import { contactMethodLabels } from '@/lib/cases/labels';
import type { CasePage } from '@/lib/cases/view';
import { formatDate } from '@/lib/format/dates';
import { text } from './text';
import { Link } from '@/components/ui/Link';

/** Who the person is and how to reach them. */
export function Person({ page, writable }: { page: CasePage; writable: boolean }) {
  const { case: c, person } = page;
  return (
    <>
      <h2 className="heading-l" id="person">
        The person
      </h2>
      <SummaryList
        rows={[
          { key: 'Name', value: person.name },
          { key: 'Phone', value: person.phone ? <PhoneLink number={person.phone} /> : text(null) },
          { key: 'Email', value: person.email ? <EmailLink address={person.email} /> : text(null) },
          { key: 'Preferred contact', value: contactMethodLabels[person.preferredContact] },
          { key: 'When and how to contact', value: text(person.contactNotes) },
          {
            key: 'Age',
            value:
              person.age !== null
                ? `${person.age} (born ${formatDate(person.dateOfBirth, { dateOnly: true })})`
                : text(person.ageBand ? `${person.ageBand} (age range)` : null),
          },
          { key: 'Postcode', value: text(person.postcode) },
          {
            key: 'Area',
            value: person.area ? (
              `${person.area.name}, ${person.area.ward.name} ward`
            ) : (
              <span className="secondary-text">Not known</span>
            ),
          },
          { key: 'GP practice', value: text(person.gpPractice?.name ?? null) },
        ]}
      />
      {writable ? (
        <p>
          <Link href={`/cases/${c.id}/person`}>Change contact details</Link>
        </p>
      ) : null}
    </>
  );
}
