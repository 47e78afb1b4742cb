'use client';

import type { ReactNode } from 'react';
import { WarningText } from '@/components/ui/InsetText';
import { useHydrated } from '@/components/ui/use-hydrated';

/** The recovery codes, shown once: to write down or print before going on. */
export function RecoveryCodes({ codes, children }: { codes: readonly string[]; children?: ReactNode }) {
  const ready = useHydrated();
  return (
    <section aria-labelledby="recovery-codes-heading">
      <h1 className="heading-l" id="recovery-codes-heading">
        Save your recovery codes
      </h1>
      <p>If you lose your phone or security key, you can sign in with one of these codes instead. Each code works once.</p>
      <WarningText>You will not see these codes again. Print them or write them down and keep them somewhere safe.</WarningText>
      <ul className="list font-mono text-lg" aria-label="Recovery codes" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      {ready ? (
        <p className="no-print">
          <button type="button" className="button button--secondary" onClick={() => window.print()}>
            Print the codes
          </button>
        </p>
      ) : (
        <p className="no-print">Use your browser’s print option to print the codes.</p>
      )}
      <div className="no-print">{children}</div>
    </section>
  );
}
