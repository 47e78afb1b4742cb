import type { CasePage } from '@/lib/cases/view';

/** The case page's sections, to jump to. */
export function Contents({ page }: { page: CasePage }) {
  return (
    <nav aria-label="On this page" className="mb-8">
      <h2 className="heading-s mb-2">On this page</h2>
      <ul className="list-plain flex flex-wrap gap-x-6">
        {page.case.status === 'closed' ? (
          <li>
            <a href="#wellbeing">Wellbeing before and after</a>
          </li>
        ) : null}
        <li>
          <a href="#person">The person</a>
        </li>
        <li>
          <a href="#consent">Agreements</a>
        </li>
        <li>
          <a href="#timeline">Timeline</a>
        </li>
        <li>
          <a href="#conversations">Conversations ({page.history.conversations})</a>
        </li>
        <li>
          <a href="#referrals">Referrals ({page.history.referrals})</a>
        </li>
        <li>
          <a href="#unmet-need">Unmet need</a>
        </li>
        <li>
          <a href="#safeguarding">Safeguarding</a>
        </li>
        {page.audit ? (
          <li>
            <a href="#access">Who has seen this record</a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
