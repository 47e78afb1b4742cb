import type { ReactNode } from 'react';
import { Link } from '@/components/ui/Link';
import type { SessionUser } from '@/lib/auth/types';
import { roleLabels } from '@/lib/auth/roles';
import { NavLink } from './NavLink';
import { navItemsFor } from './navigation';

export type HeaderProps = {
  serviceName: string;
  user: Pick<SessionUser, 'name' | 'role'> | null;
  /** The sign-out control (a form button), shown for a signed-in user. */
  signOut?: ReactNode;
  /** Shown above the service name in demo mode. */
  banner?: ReactNode;
  /** The admin's logo (/api/logo?v=...), shown instead of the name, with the name as its text. */
  logoSrc?: string | null;
};

export function Header({ serviceName, user, signOut, banner, logoSrc }: HeaderProps) {
  const items = navItemsFor(user?.role);
  return (
    <header className="site-header">
      {banner}
      <div className="width-container flex flex-col gap-3 py-3 tablet:flex-row tablet:flex-wrap tablet:items-baseline tablet:justify-between">
        <Link href="/" className="site-header__service">
          {logoSrc ? (
            // A stored image of unknown size: a plain <img>, its height fixed by the header's CSS.
            // eslint-disable-next-line @next/next/no-img-element
            <img src={logoSrc} alt={serviceName} className="site-header__logo" />
          ) : (
            serviceName
          )}
        </Link>
        <nav aria-label="Menu">
          <ul className="m-0 flex list-none flex-wrap gap-x-5 gap-y-2 p-0">
            {items.map((item) => (
              <li key={item.href}>
                <NavLink href={item.href}>{item.text}</NavLink>
              </li>
            ))}
            {user ? (
              <li>{signOut}</li>
            ) : (
              <li>
                <NavLink href="/sign-in">Sign in</NavLink>
              </li>
            )}
          </ul>
        </nav>
      </div>
      {user ? (
        <div className="width-container pb-2 body-s">
          <p className="m-0">
            Signed in as {user.name} ({roleLabels[user.role]})
          </p>
        </div>
      ) : null}
    </header>
  );
}
