import type { CasePage } from '@/lib/cases/view';
import { formatDateTime } from '@/lib/format/dates';
import { OlderHistory } from './OlderHistory';

/** Everything that happened on the case, newest first. */
export function Timeline({ page, fullHistory }: { page: CasePage; fullHistory: boolean }) {
  return (
    <>
      <h2 className="heading-l" id="timeline">
        Timeline
      </h2>
      <ol className="list-plain border-l-4 border-[#b1b4b6] pl-4">
        {page.timeline.map((t) => (
          <li key={t.id} className="mb-4">
            <p className="body-s mb-1 secondary-text">{formatDateTime(t.at)}</p>
            <p className="mb-1">
              <strong>{t.anchor ? <a href={`#${t.anchor}`}>{t.title}</a> : t.title}</strong>
              {t.detail ? ` — ${t.detail}` : ''}
            </p>
            {t.by ? <p className="body-s mb-0">By {t.by}</p> : null}
          </li>
        ))}
      </ol>
      <OlderHistory page={page} fullHistory={fullHistory} what="The timeline shows" />
    </>
  );
}
