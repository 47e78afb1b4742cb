import type { CasePage } from '@/lib/cases/view';

/**
 * For a closed case whose person agreed to tell their GP: the outcome as a FHIR R4 document, for
 * a GP system to take (the practice also had it by email when the case closed).
 */
export function GpOutcome({ page }: { page: CasePage }) {
  const agreed = page.consents.some((c) => c.scope === 'tell_gp' && c.active);
  if (page.case.status !== 'closed' || !agreed) return null;
  return (
    <>
      <h2 className="heading-l" id="gp-outcome">
        Outcome for the GP practice
      </h2>
      {page.person.gpPractice ? (
        <>
          <p>
            The person agreed that {page.person.gpPractice.name} is told the outcome. It was emailed to the practice when the case
            closed, if the practice has an email address.
          </p>
          <p>
            <a href={`/cases/${page.case.id}/gp-outcome`} download>
              Download the outcome for a GP system (FHIR R4, JSON)
            </a>
          </p>
        </>
      ) : (
        <p>The person agreed that their GP is told the outcome, but no GP practice is recorded for them.</p>
      )}
    </>
  );
}
