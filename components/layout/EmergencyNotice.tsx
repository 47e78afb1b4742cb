import { cx } from '@/components/ui/cx';

export const EMERGENCY_NOTICE_TEXT =
  'This is not an emergency service. In an emergency call 999. For urgent health advice call NHS 111. To talk to someone now, call Samaritans free on 116 123.';

/**
 * "This is not an emergency service", with numbers that can be tapped on a phone. The prominent
 * version (home page, public forms) has a heading and a red bar; the compact one sits in the footer.
 */
export function EmergencyNotice({
  prominent = false,
  headingLevel = 2,
  headingId = 'emergency-notice-heading',
  className,
}: {
  prominent?: boolean;
  headingLevel?: 2 | 3;
  headingId?: string;
  className?: string;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const text = (
    <p>
      <strong>This is not an emergency service.</strong> In an emergency call <a href="tel:999">999</a>. For urgent health advice
      call NHS <a href="tel:111">111</a>. To talk to someone now, call Samaritans free on <a href="tel:116123">116 123</a>.
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
