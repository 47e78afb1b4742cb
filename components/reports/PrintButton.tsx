'use client';

import { useEffect, useState } from 'react';

/** "Print this page" (for a board paper). Shown only once JavaScript can print. */
export function PrintButton() {
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <button type="button" className="button button--secondary no-print" onClick={() => window.print()}>
      Print this page
    </button>
  );
}
