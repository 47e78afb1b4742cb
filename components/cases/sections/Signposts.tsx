import type { CasePage } from '@/lib/cases/view';
import { Link } from '@/components/ui/Link';

/** The services suggested when the referral was triaged, if any. */
export function Signposts({ page }: { page: CasePage }) {
  if (!page.signposts.length) return null;
  return (
    <>
      <h2 className="heading-l">Services suggested at first contact</h2>
      <ul className="list-bullet">
        {page.signposts.map((s) => (
          <li key={s.id}>
            <Link href={`/services/${s.serviceId}`}>{s.serviceName}</Link>
          </li>
        ))}
      </ul>
    </>
  );
}
