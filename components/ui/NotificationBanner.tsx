import type { ReactNode } from 'react';
import { cx } from './cx';

export type NotificationBannerProps = {
  type?: 'important' | 'success';
  /** The small title bar; defaults to "Important" or "Success". */
  title?: string;
  heading?: ReactNode;
  children?: ReactNode;
  titleId?: string;
  className?: string;
};

/** GOV.UK notification banner. A success banner is announced (role=alert); an important one is a labelled region. */
export function NotificationBanner({
  type = 'important',
  title,
  heading,
  children,
  titleId = 'notification-banner-title',
  className,
}: NotificationBannerProps) {
  const success = type === 'success';
  return (
    <div
      className={cx('notification-banner', success && 'notification-banner--success', className)}
      role={success ? 'alert' : 'region'}
      aria-labelledby={titleId}
    >
      <div className="notification-banner__header">
        <h2 className="notification-banner__title" id={titleId}>
          {title ?? (success ? 'Success' : 'Important')}
        </h2>
      </div>
      <div className="notification-banner__content">
        {heading ? <p className="notification-banner__heading">{heading}</p> : null}
        {children}
      </div>
    </div>
  );
}
