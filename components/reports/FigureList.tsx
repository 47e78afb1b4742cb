import { Details } from '@/components/ui/Details';
import { Link, type Route } from '@/components/ui/Link';
import type { Figure } from '@/lib/reports/table';

/** Headline figures, each with its definition one click away. */
export function FigureList({ figures, links }: { figures: readonly Figure[]; links?: Record<string, Route> }) {
  return (
    <dl className="report-figures">
      {figures.map((f) => (
        <div key={f.id} className="report-figure">
          <dt className="report-figure__label">{links?.[f.id] ? <Link href={links[f.id]}>{f.label}</Link> : f.label}</dt>
          <dd className="report-figure__value">
            <span className="heading-l block font-bold">{f.value.text}</span>
            {f.note ? <span className="secondary-text body-s block mt-1">{f.note}</span> : null}
            <Details summary="Definition" className="report-definition">
              {f.definition}
            </Details>
          </dd>
        </div>
      ))}
    </dl>
  );
}
