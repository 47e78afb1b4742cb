import { Tag } from '@/components/ui';
import { Link } from '@/components/ui/Link';
import type { ResultCard as Card } from '@/lib/directory/directory';
import { formatDate, formatShortDayDate, formatTimeRange, londonParts } from '@/lib/directory/format';
import { formatMiles } from '@/lib/geo/distance';
import { CAPACITY_LABELS, MODE_LABELS, type Mode } from '@/lib/directory/vocab';
import { ShortlistButton } from './ShortlistButton';

function clock(d: Date): string {
  const p = londonParts(d);
  return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}

export function nextSessionText(start: Date, end: Date, now: Date = new Date()): string {
  const today = formatShortDayDate(now);
  const tomorrow = formatShortDayDate(new Date(now.getTime() + 86_400_000));
  const day = formatShortDayDate(start);
  const label = day === today ? 'Today' : day === tomorrow ? 'Tomorrow' : day;
  return `${label}, ${formatTimeRange(clock(start), end.getTime() === start.getTime() ? null : clock(end))}`;
}

/** The next session in words, or why there is none to show. */
export function nextSessionLine(card: Pick<Card, 'status' | 'nextSession' | 'when'>, now: Date): string {
  if (card.status === 'temporarily_closed') return 'None while closed';
  if (card.nextSession) return nextSessionText(card.nextSession.start, card.nextSession.end, now);
  return card.when ?? 'Contact the group for times';
}

/** When it happens: the regular times and the next session ("Every Tuesday, 10am to midday. Next: Tomorrow, 10am to midday"). */
export function whenText(card: Pick<Card, 'status' | 'nextSession' | 'when'>, now: Date): string {
  const next = nextSessionLine(card, now);
  return card.when && card.nextSession && card.status !== 'temporarily_closed' ? `${card.when}. Next: ${next}` : next;
}

export function costText(card: Pick<Card, 'isFree' | 'costDescription'>): string {
  const note = card.costDescription?.trim();
  if (card.isFree) return note && note.toLowerCase() !== 'free' ? `Free (${note})` : 'Free';
  return note || 'There is a cost: ask the group';
}

export function capacityText(card: Pick<Card, 'capacityStatus' | 'capacitySpaces'>): string {
  if (card.capacityStatus === 'open' && card.capacitySpaces !== null) {
    return card.capacitySpaces > 0
      ? `Has space (${card.capacitySpaces} ${card.capacitySpaces === 1 ? 'place' : 'places'})`
      : 'Full';
  }
  return CAPACITY_LABELS[card.capacityStatus] ?? card.capacityStatus;
}

export function ResultCardView({
  card,
  placeLabel,
  index,
  now,
}: {
  card: Card;
  placeLabel: string | null;
  index: number;
  now: Date;
}) {
  const headingId = `result-${card.id}`;
  const remoteOnly = !card.location && card.deliveryModes.some((m) => m === 'online' || m === 'phone');
  return (
    <li className="directory-result" data-result-id={card.id}>
      <h3 className="heading-m mb-1" id={headingId}>
        <Link href={`/services/${card.id}`} className="directory-result__link">
          {card.name}
        </Link>
      </h3>
      <p className="secondary-text mb-2">
        {card.organisation.name}
        {card.organisation.verified ? (
          <>
            {' '}
            <Tag colour="turquoise" className="align-middle">
              Verified group
            </Tag>
          </>
        ) : null}
      </p>
      {card.status === 'temporarily_closed' ? (
        <p className="mb-2">
          <Tag colour="orange">Temporarily closed</Tag>
        </p>
      ) : null}
      {card.summary ? <p className="mb-3">{card.summary}</p> : null}
      <dl className="directory-facts">
        {card.distanceMiles !== null ? (
          <div>
            <dt>Distance</dt>
            <dd>
              {formatMiles(card.distanceMiles)}
              {placeLabel ? ` from ${placeLabel}` : ''}
              {card.location ? <span className="secondary-text"> ({card.location.address})</span> : null}
            </dd>
          </div>
        ) : remoteOnly ? (
          <div>
            <dt>Where</dt>
            <dd>
              {card.deliveryModes
                .filter((m) => m !== 'in_person')
                .map((m) => MODE_LABELS[m as Mode])
                .join(' or ')}
            </dd>
          </div>
        ) : card.location ? (
          <div>
            <dt>Where</dt>
            <dd>{card.location.address}</dd>
          </div>
        ) : null}
        <div>
          <dt>Next session</dt>
          <dd>{nextSessionLine(card, now)}</dd>
        </div>
        <div>
          <dt>Cost</dt>
          <dd>{costText(card)}</dd>
        </div>
        <div>
          <dt>Space</dt>
          <dd>{capacityText(card)}</dd>
        </div>
        {card.needs.length ? (
          <div>
            <dt>Helps with</dt>
            <dd>{card.needs.map((n) => n.name).join(', ')}</dd>
          </div>
        ) : null}
      </dl>
      {card.stale ? (
        <p className="directory-stale">
          <strong>Last checked {formatDate(card.lastChecked)}.</strong> This may be out of date: check with the group before you
          go.
        </p>
      ) : (
        <p className="body-s secondary-text mb-2">Last checked {formatDate(card.lastChecked)}</p>
      )}
      <p className="mb-0 flex flex-wrap items-center gap-4">
        <ShortlistButton id={card.id} name={card.name} />
        {card.location ? (
          <span className="body-s secondary-text" aria-hidden="true">
            Map marker {index + 1}
          </span>
        ) : null}
      </p>
    </li>
  );
}
