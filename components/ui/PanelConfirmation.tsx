import type { ReactNode } from 'react';

export type PanelConfirmationProps = {
  title: ReactNode;
  /** Shown large and bold, e.g. a referral reference. */
  reference?: string;
  referenceLabel?: ReactNode;
  children?: ReactNode;
  /** The panel's title is the page's h1 unless this page already has one. */
  headingLevel?: 1 | 2;
};

/** The green confirmation panel for "what you sent has arrived" pages. */
export function PanelConfirmation({
  title,
  reference,
  referenceLabel = 'Your reference number',
  children,
  headingLevel = 1,
}: PanelConfirmationProps) {
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  return (
    <div className="panel">
      <Heading className="panel__title">{title}</Heading>
      {reference || children ? (
        <div className="panel__body">
          {reference ? (
            <>
              {referenceLabel}
              <br />
              <strong className="panel__reference">{reference}</strong>
            </>
          ) : null}
          {children}
        </div>
      ) : null}
    </div>
  );
}
