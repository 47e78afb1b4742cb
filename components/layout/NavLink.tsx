'use client';

import { usePathname } from 'next/navigation';
import { Link, type Route } from '@/components/ui/Link';
import { isCurrent } from './navigation';

/** A header link that marks itself aria-current="page" when it is the section being viewed. */
export function NavLink({ href, children }: { href: Route; children: string }) {
  const pathname = usePathname();
  return (
    <Link href={href} className="site-nav__link" aria-current={isCurrent(href, pathname) ? 'page' : undefined}>
      {children}
    </Link>
  );
}
