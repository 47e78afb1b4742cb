import type { ReactNode } from 'react';

/** Text for screen readers only (e.g. the "Error:" prefix, or context for a "Change" link). */
export function VisuallyHidden({ children }: { children: ReactNode }) {
  return <span className="visually-hidden">{children}</span>;
}
