import type { ReactNode } from 'react';

/** A page's h1 with an optional caption above it (e.g. the section or the team's name). */
export function PageHeading({ children, caption, lead }: { children: ReactNode; caption?: ReactNode; lead?: ReactNode }) {
  return (
    <>
      <h1 className={lead ? 'mb-5' : undefined}>
        {caption ? <span className="caption-l">{caption} </span> : null}
        {children}
      </h1>
      {lead ? <p className="body-l mb-8">{lead}</p> : null}
    </>
  );
}
