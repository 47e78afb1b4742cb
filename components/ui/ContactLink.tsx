import { cx } from './cx';

/** A number for a tel: link: digits and a leading +, nothing else ("01632 960 210" -> "tel:01632960210"). */
export function telHref(number: string): string {
  return `tel:${number.replace(/[^\d+]/g, '')}`;
}

/** A phone number that a phone calls when tapped; shown as written. */
export function PhoneLink({ number, className }: { number: string; className?: string }) {
  return (
    <a href={telHref(number)} className={cx('whitespace-nowrap', className)}>
      {number}
    </a>
  );
}

/** An e-mail address that opens a new message; long addresses wrap rather than widen the page. */
export function EmailLink({ address, className }: { address: string; className?: string }) {
  return (
    <a href={`mailto:${address}`} className={cx('break-all', className)}>
      {address}
    </a>
  );
}

/** Whichever of a phone number and an e-mail address there are, as links, separated by a comma. */
export function PhoneAndEmail({ phone, email }: { phone?: string | null; email?: string | null }) {
  return (
    <>
      {phone ? <PhoneLink number={phone} /> : null}
      {phone && email ? ', ' : null}
      {email ? <EmailLink address={email} /> : null}
    </>
  );
}

/** A phone number or e-mail address if there is one, otherwise the words for none. */
export function ContactOrNone({
  phone,
  email,
  none = 'Not given',
}: {
  phone?: string | null;
  email?: string | null;
  none?: string;
}) {
  if (phone) return <PhoneLink number={phone} />;
  if (email) return <EmailLink address={email} />;
  return <>{none}</>;
}
