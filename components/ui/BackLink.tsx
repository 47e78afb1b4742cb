import type { ReactNode } from 'react';
import { Link, type Route } from './Link';

/** A link back to the previous step. Put it before <main>'s heading, outside forms. */
export function BackLink<T extends string>({ href, children = 'Back' }: { href: Route<T>; children?: ReactNode }) {
  return (
    <Link href={href} className="back-link">
      {children}
    </Link>
  );
}
