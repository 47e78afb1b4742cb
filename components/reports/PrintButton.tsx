'use client';

import { useHydrated } from '@/components/ui/use-hydrated';

/** "Print this page" (for a board paper). Shown only once JavaScript can print. */
export function PrintButton() {
  if (!useHydrated()) return null;
  return (
    <button type="button" className="button button--secondary no-print" onClick={() => window.print()}>
      Print this page
    </button>
  );
}
