import type { ReactNode } from 'react';

/** A link back to the previous step. Put it before <main>'s heading, outside forms. */
export function BackLink({ href, children = 'Back' }: { href: string; children?: ReactNode }) {
  return (
    <a href={href} className="back-link">
      {children}
    </a>
  );
}
