import type { MapTiles } from '@/components/map/types';
import { Details } from '@/components/ui/Details';
import { HIDDEN_RADIUS, NONE_RADIUS, type WardMap } from '@/lib/reports/ward-map';
import { WardMapLoader } from './WardMapLoader';
import { WARD_MAP_HATCH_ID } from './ward-map-style';

function listOf(names: string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** A circle for the key, drawn as on the map. */
function Swatch({
  radius,
  fill,
  stroke = '#0b0c0c',
  dashed,
  boxed = true,
}: {
  radius: number;
  fill: string;
  stroke?: string;
  dashed?: boolean;
  boxed?: boolean;
}) {
  const size = Math.ceil(radius * 2 + 4);
  const svg = (
    <svg
      className="ward-map__swatch"
      width={size}
      height={size}
      viewBox={`0 0 ${size} ${size}`}
      aria-hidden="true"
      focusable="false"
    >
      <circle
        cx={size / 2}
        cy={size / 2}
        r={radius}
        fill={fill}
        stroke={stroke}
        strokeWidth={2}
        strokeDasharray={dashed ? '3 2' : undefined}
      />
    </svg>
  );
  return boxed ? <span className="ward-map__swatch-box">{svg}</span> : svg;
}

/**
 * The ward map of a report table, with its key, its definition and a caption that points to the
 * table. The map is a picture (role="img"); the table after it carries every figure, so nothing
 * is lost without it: without JavaScript only the caption shows.
 */
export function WardMapFigure({ map, tiles, tableTitle }: { map: WardMap; tiles: MapTiles; tableTitle: string }) {
  const placed = map.wards.length;
  const label =
    `Map of unmet need per 1,000 people by ward: ${placed === 1 ? 'one ward' : `${placed} wards`} as circles, bigger and darker for a higher rate. ` +
    `The figures are in the table \u201c${tableTitle}\u201d below.`;
  return (
    <figure className="ward-map-figure">
      <Details summary="Definition: the map of unmet need by ward" className="report-definition">
        {map.definition}
      </Details>
      <svg className="ward-map__defs" width="0" height="0" aria-hidden="true" focusable="false">
        <defs>
          <pattern id={WARD_MAP_HATCH_ID} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#ffffff" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#505a5f" strokeWidth="2.5" />
          </pattern>
        </defs>
      </svg>
      {placed ? (
        <>
          <noscript>
            <style>{'.ward-map--placeholder, .ward-map__key { display: none; }'}</style>
          </noscript>
          <WardMapLoader wards={map.wards} tiles={tiles} label={label} />
          <div className="ward-map__key">
            <p className="ward-map__key-title">Key</p>
            <ul className="ward-map__key-list">
              {map.sizes.length ? (
                <li className="ward-map__key-sizes">
                  <span className="ward-map__sizes">
                    {map.sizes.map((s) => (
                      <span key={s.label} className="ward-map__size">
                        <Swatch radius={s.radius} fill="#ffffff" boxed={false} />
                        <span>{s.label}</span>
                      </span>
                    ))}
                  </span>
                  <span>Circle area is in proportion to unmet need per 1,000 people.</span>
                </li>
              ) : null}
              {map.bands.map((b) => (
                <li key={b.label}>
                  <Swatch radius={8} fill={b.colour} />
                  <span>{b.label} per 1,000 people</span>
                </li>
              ))}
              <li>
                <Swatch radius={HIDDEN_RADIUS} fill={`url(#${WARD_MAP_HATCH_ID})`} stroke="#505a5f" dashed />
                <span>
                  Hatched, always this size: fewer than 5 recorded, or the number is not shown so that a total cannot give a
                  smaller one away. Its rate is not shown.
                </span>
              </li>
              <li>
                <Swatch radius={NONE_RADIUS} fill="none" />
                <span>Small ring: none recorded.</span>
              </li>
            </ul>
          </div>
        </>
      ) : null}
      <figcaption className="ward-map__caption body-s">
        {placed
          ? 'Each circle sits at the middle of its ward\u2019s postcodes; point at or tap a circle for its figures. The same figures are in the table below.'
          : 'No ward could be placed on a map: no postcodes are held for them. The figures are in the table below.'}
        {placed && map.leftOff.length ? (
          <>
            {' '}
            Not on the map, because no postcodes are held for {map.leftOff.length === 1 ? 'it' : 'them'}: {listOf(map.leftOff)}.{' '}
            {map.leftOff.length === 1 ? 'It is' : 'They are'} in the table.
          </>
        ) : null}
        {placed ? (
          <>
            {' '}
            <span className="ward-map__attribution">
              Map background: <span dangerouslySetInnerHTML={{ __html: tiles.attribution }} />
            </span>
          </>
        ) : null}
      </figcaption>
    </figure>
  );
}
