'use client';

import { usePathname } from 'next/navigation';
import { isCurrent } from './navigation';

/** A header link that marks itself aria-current="page" when it is the section being viewed. */
export function NavLink({ href, children }: { href: string; children: string }) {
  const pathname = usePathname();
  return (
    <a href={href} className="site-nav__link" aria-current={isCurrent(href, pathname) ? 'page' : undefined}>
      {children}
    </a>
  );
}
