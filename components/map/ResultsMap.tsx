'use client';

import 'leaflet/dist/leaflet.css';
import './map.css';
import L from 'leaflet';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Circle, CircleMarker, MapContainer, Marker, Popup, TileLayer, useMap, useMapEvents } from 'react-leaflet';
import Supercluster, { type AnyProps, type ClusterFeature, type PointFeature } from 'supercluster';
import type { MapOrigin, MapPoint, MapTiles } from './types';

type Props = {
  points: MapPoint[];
  origin: MapOrigin | null;
  tiles: MapTiles;
  /** Where to look when there is nothing to show. */
  fallbackCentre: [number, number];
  /** The list whose items ([data-result-id]) stay in step with the markers. */
  listSelector?: string;
  className?: string;
  /** A shorter map, for a service page. */
  small?: boolean;
  /** Names the map for assistive technology. */
  label?: string;
};

type PointProps = { id: string };
type ClusterOrPoint = ClusterFeature<AnyProps> | PointFeature<PointProps>;

const HIGHLIGHT_ATTR = 'data-highlighted';

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

// Markers are drawn with HTML and CSS (no image files), so they show even when nothing else loads.
function pointIcon(label: string, highlighted: boolean) {
  return L.divIcon({
    className: `map-marker${highlighted ? ' map-marker--highlighted' : ''}`,
    html: `<span aria-hidden="true">${escapeHtml(label)}</span>`,
    iconSize: [30, 30],
    iconAnchor: [15, 15],
    popupAnchor: [0, -14],
  });
}

function clusterIcon(count: number, highlighted: boolean) {
  const size = count < 10 ? 34 : count < 50 ? 40 : 46;
  return L.divIcon({
    className: `map-cluster${highlighted ? ' map-cluster--highlighted' : ''}`,
    html: `<span aria-hidden="true">${count}</span>`,
    iconSize: [size, size],
    iconAnchor: [size / 2, size / 2],
  });
}

function FitToResults({ points, origin, fallbackCentre }: Pick<Props, 'points' | 'origin' | 'fallbackCentre'>) {
  const map = useMap();
  const key = useMemo(
    () => JSON.stringify([points.map((p) => p.id), origin?.latitude, origin?.longitude, origin?.radiusMetres]),
    [points, origin],
  );
  useEffect(() => {
    const latLngs: L.LatLngExpression[] = points.map((p) => [p.latitude, p.longitude]);
    // The results and the searched place decide the view; the radius circle may run off the edge.
    if (origin) latLngs.push([origin.latitude, origin.longitude]);
    // Without animation the markers are re-clustered for the new zoom at once, never drawn
    // overlapping for the length of an animation.
    if (latLngs.length === 0) map.setView(fallbackCentre, 12, { animate: false });
    else if (latLngs.length === 1) map.setView(latLngs[0], 14, { animate: false });
    else map.fitBounds(L.latLngBounds(latLngs), { padding: [30, 30], maxZoom: 15, animate: false });
    // Only when the search changes, not on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, map]);
  return null;
}

function PointMarker({ point: p, highlighted, onHighlight }: { point: MapPoint; highlighted: boolean; onHighlight: (id: string | null) => void }) {
  const ref = useRef<L.Marker>(null);
  // Leaflet gives keyboard focus to markers but has no focus events of its own.
  useEffect(() => {
    const el = ref.current?.getElement();
    if (!el) return;
    const on = () => onHighlight(p.id);
    const off = () => onHighlight(null);
    el.addEventListener('focus', on);
    el.addEventListener('blur', off);
    return () => {
      el.removeEventListener('focus', on);
      el.removeEventListener('blur', off);
    };
  }, [p.id, onHighlight]);
  return (
    <Marker
      ref={ref}
      position={[p.latitude, p.longitude]}
      icon={pointIcon(p.label, highlighted)}
      title={`${p.label}. ${p.name}`}
      keyboard
      zIndexOffset={highlighted ? 1000 : 0}
      eventHandlers={{ mouseover: () => onHighlight(p.id), mouseout: () => onHighlight(null) }}
    >
      <Popup>
        <p className="map-popup__title">
          <a href={p.href}>{p.name}</a>
        </p>
        <p className="map-popup__address">{p.address}</p>
      </Popup>
    </Marker>
  );
}

function Clusters({ points, highlighted, onHighlight }: { points: MapPoint[]; highlighted: string | null; onHighlight: (id: string | null) => void }) {
  const map = useMap();
  const byId = useMemo(() => new Map(points.map((p) => [p.id, p])), [points]);
  const index = useMemo(() => {
    // Supercluster measures the radius against a 512-unit tile; Leaflet's tiles are 256 pixels. With
    // the extent set to match, markers closer than 48 screen pixels (a marker is about 34) are
    // clustered rather than drawn on top of each other.
    const sc = new Supercluster<PointProps>({ radius: 48, extent: 256, maxZoom: 17 });
    sc.load(points.map((p) => ({ type: 'Feature', properties: { id: p.id }, geometry: { type: 'Point', coordinates: [p.longitude, p.latitude] } })));
    return sc;
  }, [points]);
  const [view, setView] = useState(() => ({ zoom: map.getZoom(), bounds: map.getBounds() }));
  const update = useCallback(() => setView({ zoom: map.getZoom(), bounds: map.getBounds() }), [map]);
  const handlers = useMemo(() => ({ moveend: update, zoomend: update }), [update]);
  useMapEvents(handlers);
  useEffect(update, [index, update]);

  const features: ClusterOrPoint[] = useMemo(() => {
    const b = view.bounds;
    return index.getClusters([b.getWest() - 0.01, b.getSouth() - 0.01, b.getEast() + 0.01, b.getNorth() + 0.01], Math.round(view.zoom));
  }, [index, view]);

  return (
    <>
      {features.map((f) => {
        const [lng, lat] = f.geometry.coordinates;
        if ('cluster' in f.properties && f.properties.cluster) {
          const clusterId = f.properties.cluster_id;
          const count = f.properties.point_count;
          const leaves = index.getLeaves(clusterId, Infinity).map((l) => (l.properties as PointProps).id);
          const names = leaves.map((id) => byId.get(id)?.label).filter(Boolean).join(', ');
          return (
            <Marker
              key={`c-${clusterId}`}
              position={[lat, lng]}
              icon={clusterIcon(count, highlighted !== null && leaves.includes(highlighted))}
              title={`${count} places (results ${names}). Zoom in to see them`}
              keyboard
              eventHandlers={{
                click: () => map.setView([lat, lng], Math.min(index.getClusterExpansionZoom(clusterId), 18)),
                keypress: (e: L.LeafletKeyboardEvent) => {
                  if (e.originalEvent.key === 'Enter') map.setView([lat, lng], Math.min(index.getClusterExpansionZoom(clusterId), 18));
                },
              }}
            />
          );
        }
        const p = byId.get((f.properties as PointProps).id);
        if (!p) return null;
        return <PointMarker key={p.id} point={p} highlighted={highlighted === p.id} onHighlight={onHighlight} />;
      })}
    </>
  );
}

/**
 * The results on a map beside the list. Everything here is also in the list, so the map is an
 * extra for sighted users; when the tile server cannot be reached the markers stay on a plain
 * background and a short note says why.
 */
export default function ResultsMap({ points, origin, tiles, fallbackCentre, listSelector = '[data-result-id]', className, small, label = 'Map of the results' }: Props) {
  const [highlighted, setHighlighted] = useState<string | null>(null);
  const [tileErrors, setTileErrors] = useState(0);
  const [tilesLoaded, setTilesLoaded] = useState(0);
  const containerRef = useRef<HTMLDivElement>(null);

  // List -> map: hovering or focusing a result highlights its marker.
  useEffect(() => {
    const items = Array.from(document.querySelectorAll<HTMLElement>(listSelector));
    const cleanups = items.map((el) => {
      const id = el.getAttribute('data-result-id');
      const on = () => setHighlighted(id);
      const off = (e: Event) => {
        const next = (e as FocusEvent).relatedTarget as Node | null;
        if (next && el.contains(next)) return;
        setHighlighted((cur) => (cur === id ? null : cur));
      };
      el.addEventListener('mouseenter', on);
      el.addEventListener('mouseleave', off);
      el.addEventListener('focusin', on);
      el.addEventListener('focusout', off);
      return () => {
        el.removeEventListener('mouseenter', on);
        el.removeEventListener('mouseleave', off);
        el.removeEventListener('focusin', on);
        el.removeEventListener('focusout', off);
      };
    });
    return () => cleanups.forEach((c) => c());
  }, [listSelector, points]);

  // Map -> list: the highlighted result is marked in the list too.
  useEffect(() => {
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(listSelector))) {
      if (el.getAttribute('data-result-id') === highlighted) el.setAttribute(HIGHLIGHT_ATTR, 'true');
      else el.removeAttribute(HIGHLIGHT_ATTR);
    }
  }, [highlighted, listSelector]);

  const tileHandlers = useMemo(
    () => ({ tileerror: () => setTileErrors((n) => n + 1), tileload: () => setTilesLoaded((n) => n + 1) }),
    [],
  );
  const tilesDown = tileErrors > 0 && tilesLoaded === 0;

  return (
    <div className={className} ref={containerRef} role="region" aria-label={label}>
      <MapContainer
        center={origin ? [origin.latitude, origin.longitude] : fallbackCentre}
        zoom={13}
        scrollWheelZoom={false}
        className={small ? 'results-map results-map--small' : 'results-map'}
        keyboard
      >
        <TileLayer url={tiles.url} attribution={tiles.attribution} eventHandlers={tileHandlers} />
        {origin ? (
          <>
            {origin.radiusMetres ? (
              <Circle center={[origin.latitude, origin.longitude]} radius={origin.radiusMetres} pathOptions={{ color: '#1d70b8', weight: 2, fillOpacity: 0.05 }} interactive={false} />
            ) : null}
            <CircleMarker
              center={[origin.latitude, origin.longitude]}
              radius={7}
              pathOptions={{ color: '#0b0c0c', weight: 3, fillColor: '#ffdd00', fillOpacity: 1 }}
              interactive={false}
            />
          </>
        ) : null}
        <Clusters points={points} highlighted={highlighted} onHighlight={setHighlighted} />
        <FitToResults points={points} origin={origin} fallbackCentre={fallbackCentre} />
      </MapContainer>
      {tilesDown ? (
        <p className="results-map__note" role="status">
          The map background could not load. The numbered markers still show where each place is, and every result is in the list.
        </p>
      ) : null}
    </div>
  );
}
