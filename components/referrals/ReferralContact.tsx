import { EmailLink, PhoneAndEmail, PhoneLink, SummaryList } from '@/components/ui';
import type { ReferralContact as Contact, SharedRow } from '@/lib/referrals/shared-info';

/** Who a provider asks about a referral: the link worker who sent it and their team, as links. */
export function ReferralContact({ contact, reference }: { contact: Contact; reference: string }) {
  return (
    <section aria-labelledby="referral-contact">
      <h2 className="heading-m" id="referral-contact">
        Questions about this referral
      </h2>
      <p>Contact the link worker or their team, quoting reference {reference}.</p>
      <SummaryList
        rows={[
          {
            key: 'Link worker',
            value: (
              <>
                {contact.workerName}, <EmailLink address={contact.workerEmail} />
              </>
            ),
          },
          {
            key: 'Team',
            value: (
              <>
                {contact.teamName}
                {contact.teamPhone || contact.teamEmail ? ': ' : null}
                <PhoneAndEmail phone={contact.teamPhone} email={contact.teamEmail} />
              </>
            ),
          },
        ]}
      />
    </section>
  );
}

/** A detail the person agreed to share: phone numbers and e-mail addresses are links. */
export function SharedValue({ row }: { row: SharedRow }) {
  if (row.key === 'phone') return <PhoneLink number={row.value} />;
  if (row.key === 'email') return <EmailLink address={row.value} />;
  return <span className="whitespace-pre-line">{row.value}</span>;
}
