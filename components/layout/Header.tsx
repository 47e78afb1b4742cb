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
};

export function Header({ serviceName, user, signOut, banner }: HeaderProps) {
  const items = navItemsFor(user?.role);
  return (
    <header className="site-header">
      {banner}
      <div className="width-container flex flex-col gap-3 py-3 tablet:flex-row tablet:flex-wrap tablet:items-baseline tablet:justify-between">
        <Link href="/" className="site-header__service">
          {serviceName}
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
