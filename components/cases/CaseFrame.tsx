import type { ReactNode } from 'react';
import { BackLink } from '@/components/ui';
import { route, type Route } from '@/components/ui/Link';

type Props = {
  kase: { id: string; reference: string };
  personName: string;
  /** What a page acting on the case does; without one, this is the case page itself. */
  title?: string;
  /** The caption names the person as well as the case (not on the page that changes their details). */
  captionName?: boolean;
  /** A confirmation shown above the heading. */
  banner?: ReactNode;
  children: ReactNode;
};

/**
 * The frame every case page shares: the way back and the heading that says whose case this is.
 * The case page heads with the person's name and leads back to the caseload; a page acting on
 * the case heads with what it does, narrower, and leads back to the case.
 */
export function CaseFrame({ kase, personName, title, captionName = true, banner, children }: Props) {
  if (title === undefined) {
    return (
      <>
        <BackLink href="/caseload">Back to caseload</BackLink>
        {banner}

        <h1 className="heading-xl mb-4">
          <span className="caption-l">Case {kase.reference}</span>
          {personName}
        </h1>
        {children}
      </>
    );
  }
  return (
    <>
      <BackLink href={caseHref(kase.id)}>Back to the case</BackLink>
      {banner}
      <div className="max-w-[40em]">
        <h1 className="heading-l">
          {captionName ? (
            <span className="caption-l">
              {personName}, case {kase.reference}
            </span>
          ) : (
            <span className="caption-l">Case {kase.reference}</span>
          )}
          {title}
        </h1>
        {children}
      </div>
    </>
  );
}

/** The case page's address. */
export function caseHref(caseId: string): Route {
  return route(`/cases/${caseId}`);
}
