import { cx } from '@/components/ui/cx';
import { config, DEFAULT_EMERGENCY_NOTICE } from '@/lib/config';
import { linkify } from './PlainText';

export const EMERGENCY_NOTICE_TEXT = DEFAULT_EMERGENCY_NOTICE;

/**
 * "This is not an emergency service", with numbers that can be tapped on a phone. The prominent
 * version (home page, public forms) has a heading and a red bar; the compact one sits in the footer.
 * The words are the admin's (/admin/settings); the first sentence is in bold.
 */
export function EmergencyNotice({
  prominent = false,
  headingLevel = 2,
  headingId = 'emergency-notice-heading',
  className,
  notice = config.texts.emergencyNotice,
}: {
  prominent?: boolean;
  headingLevel?: 2 | 3;
  headingId?: string;
  className?: string;
  notice?: string;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const [, first = notice, rest = ''] = /^(.*?[.!?])(\s.*)?$/s.exec(notice.trim()) ?? [];
  const text = (
    <p>
      <strong>{first}</strong>
      {linkify(rest, true)}
    </p>
  );
  if (!prominent) return <div className={cx('emergency-notice-compact', className)}>{text}</div>;
  return (
    <section className={cx('emergency-notice', className)} aria-labelledby={headingId}>
      <Heading id={headingId} className="heading-m mb-2">
        If you need help urgently
      </Heading>
      {text}
    </section>
  );
}
