'use client';

import 'leaflet/dist/leaflet.css';
import '@/components/map/map.css';
import L from 'leaflet';
import { useEffect, useMemo, useState } from 'react';
import { CircleMarker, MapContainer, TileLayer, Tooltip, useMap } from 'react-leaflet';
import type { MapTiles } from '@/components/map/types';
import { BAND_COLOURS, type WardMapWard } from '@/lib/reports/ward-map';
import { WARD_MAP_HATCH_ID } from './ward-map-style';

type Props = {
  wards: WardMapWard[];
  tiles: MapTiles;
  /** Names the picture for assistive technology and points to the table with the same figures. */
  label: string;
};

const INK = '#0b0c0c';
const GREY = '#505a5f';

function pathOptions(w: WardMapWard): L.PathOptions {
  if (w.kind === 'rate') return { color: INK, weight: 1.5, fillColor: BAND_COLOURS[w.band ?? 0], fillOpacity: 0.9 };
  if (w.kind === 'none') return { color: INK, weight: 2, fill: false };
  // Hidden: the same neutral, hatched circle for every such ward, whatever its number.
  return { color: GREY, weight: 2, dashArray: '3 2', fillColor: `url(#${WARD_MAP_HATCH_ID})`, fillOpacity: 1 };
}

/** Fits the view to the wards, again whenever the map changes size (a narrower window, or print). */
function FitToWards({ wards }: { wards: WardMapWard[] }) {
  const map = useMap();
  useEffect(() => {
    const pad = Math.max(12, ...wards.map((w) => w.radius)) + 6;
    const fit = () => {
      map.invalidateSize(false);
      if (wards.length === 1) map.setView([wards[0].latitude, wards[0].longitude], 13, { animate: false });
      else map.fitBounds(L.latLngBounds(wards.map((w) => [w.latitude, w.longitude])), { padding: [pad, pad], animate: false });
    };
    fit();
    const observer = new ResizeObserver(() => fit());
    observer.observe(map.getContainer());
    const print = window.matchMedia('print');
    print.addEventListener('change', fit);
    window.addEventListener('beforeprint', fit);
    window.addEventListener('afterprint', fit);
    return () => {
      observer.disconnect();
      print.removeEventListener('change', fit);
      window.removeEventListener('beforeprint', fit);
      window.removeEventListener('afterprint', fit);
    };
  }, [map, wards]);
  return null;
}

/**
 * Unmet need per 1,000 people as a circle per ward. A picture only: it takes no keyboard focus and
 * holds no controls (the figures, and everything else it says, are in the table beside it). The
 * circles are drawn on their own layer, so they show on the plain background when the map tiles
 * cannot load.
 */
export default function WardMap({ wards, tiles, label }: Props) {
  const [tileErrors, setTileErrors] = useState(0);
  const [tilesLoaded, setTilesLoaded] = useState(0);
  const tileHandlers = useMemo(
    () => ({ tileerror: () => setTileErrors((n) => n + 1), tileload: () => setTilesLoaded((n) => n + 1) }),
    [],
  );
  const tilesDown = tileErrors > 0 && tilesLoaded === 0;
  const start: [number, number] = wards.length ? [wards[0].latitude, wards[0].longitude] : [51.5, -0.12];

  return (
    <>
      <div className="ward-map" role="img" aria-label={label}>
        <MapContainer
          center={start}
          zoom={12}
          zoomSnap={0.25}
          className="ward-map__canvas map-frame"
          zoomControl={false}
          attributionControl={false}
          keyboard={false}
          dragging={false}
          scrollWheelZoom={false}
          doubleClickZoom={false}
          touchZoom={false}
          boxZoom={false}
        >
          <TileLayer url={tiles.url} eventHandlers={tileHandlers} />
          {wards.map((w) => (
            // className is read only when Leaflet creates the circle: the key makes a new one when the kind changes.
            <CircleMarker
              key={`${w.id}-${w.kind}`}
              center={[w.latitude, w.longitude]}
              radius={w.radius}
              className={`ward-map__circle ward-map__circle--${w.kind}`}
              pathOptions={pathOptions(w)}
            >
              <Tooltip direction="top" offset={[0, -w.radius]}>
                {w.description}
              </Tooltip>
            </CircleMarker>
          ))}
          <FitToWards wards={wards} />
        </MapContainer>
      </div>
      {tilesDown ? (
        <p className="ward-map__note body-s" role="status">
          The map background could not load. The circles still show each ward; every figure is in the table below.
        </p>
      ) : null}
    </>
  );
}
