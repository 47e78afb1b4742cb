'use client';

import 'leaflet/dist/leaflet.css';
import './map.css';
import L from 'leaflet';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Circle, CircleMarker, MapContainer, Marker, Popup, TileLayer, useMap, useMapEvents } from 'react-leaflet';
import Supercluster, { type AnyProps, type ClusterFeature, type PointFeature } from 'supercluster';
import { Link } from '@/components/ui/Link';
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

const POINT_SIZE = 30;
const clusterSize = (count: number) => (count < 10 ? 34 : count < 50 ? 40 : 46);
// Space kept between the edges of two markers, so each stays a whole target of its own (WCAG 2.5.8).
const MARKER_GAP = 4;

// Markers are drawn with HTML and CSS (no image files), so they show even when nothing else loads.
function pointIcon(label: string, highlighted: boolean) {
  return L.divIcon({
    className: `map-marker${highlighted ? ' map-marker--highlighted' : ''}`,
    html: `<span aria-hidden="true">${escapeHtml(label)}</span>`,
    iconSize: [POINT_SIZE, POINT_SIZE],
    iconAnchor: [POINT_SIZE / 2, POINT_SIZE / 2],
    popupAnchor: [0, -14],
  });
}

function clusterIcon(count: number, highlighted: boolean) {
  const size = clusterSize(count);
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
    if (latLngs.length === 0) map.setView(fallbackCentre, 12);
    else if (latLngs.length === 1) map.setView(latLngs[0], 14);
    else map.fitBounds(L.latLngBounds(latLngs), { padding: [30, 30], maxZoom: 15 });
    // Only when the search changes, not on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, map]);
  return null;
}

function PointMarker({
  point: p,
  highlighted,
  onHighlight,
}: {
  point: MapPoint;
  highlighted: boolean;
  onHighlight: (id: string | null) => void;
}) {
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
          <Link href={p.href}>{p.name}</Link>
        </p>
        <p className="map-popup__address">{p.address}</p>
      </Popup>
    </Marker>
  );
}

type Group = { latitude: number; longitude: number; ids: string[]; x: number; y: number };
const groupSize = (g: Group) => (g.ids.length === 1 ? POINT_SIZE : clusterSize(g.ids.length));

/**
 * Supercluster groups what crowds at a whole zoom level; markers are bigger than its radius and the
 * map can sit between zoom levels, so a last pass joins any two markers that would still touch.
 */
function groupsOnScreen(index: Supercluster<PointProps>, map: L.Map, zoom: number, bounds: L.LatLngBounds): Group[] {
  const features: ClusterOrPoint[] = index.getClusters(
    [bounds.getWest() - 0.01, bounds.getSouth() - 0.01, bounds.getEast() + 0.01, bounds.getNorth() + 0.01],
    Math.floor(zoom),
  );
  const groups: Group[] = features.map((f) => {
    const [lng, lat] = f.geometry.coordinates;
    const ids =
      'cluster' in f.properties && f.properties.cluster
        ? index.getLeaves(f.properties.cluster_id, Infinity).map((l) => (l.properties as PointProps).id)
        : [(f.properties as PointProps).id];
    const { x, y } = map.project([lat, lng], zoom);
    return { latitude: lat, longitude: lng, ids, x, y };
  });
  for (let merged = true; merged;) {
    merged = false;
    outer: for (let i = 0; i < groups.length; i++) {
      for (let j = i + 1; j < groups.length; j++) {
        const a = groups[i];
        const b = groups[j];
        if (Math.hypot(a.x - b.x, a.y - b.y) >= (groupSize(a) + groupSize(b)) / 2 + MARKER_GAP) continue;
        const wa = a.ids.length;
        const wb = b.ids.length;
        const w = wa + wb;
        groups[i] = {
          latitude: (a.latitude * wa + b.latitude * wb) / w,
          longitude: (a.longitude * wa + b.longitude * wb) / w,
          x: (a.x * wa + b.x * wb) / w,
          y: (a.y * wa + b.y * wb) / w,
          ids: [...a.ids, ...b.ids],
        };
        groups.splice(j, 1);
        merged = true;
        break outer;
      }
    }
  }
  return groups;
}

function ClusterMarker({ group, points, highlighted }: { group: Group; points: MapPoint[]; highlighted: boolean }) {
  const map = useMap();
  const ref = useRef<L.Marker>(null);
  const bounds = L.latLngBounds(points.map((p) => [p.latitude, p.longitude] as L.LatLngTuple));
  // Places at one address cannot be pulled apart by zooming: then the popup only lists them.
  const maxZoom = map.getMaxZoom();
  const spread = map.project(bounds.getNorthEast(), maxZoom).distanceTo(map.project(bounds.getSouthWest(), maxZoom));
  const canZoomIn = map.getZoom() < maxZoom && spread >= POINT_SIZE + MARKER_GAP;
  const names = points.map((p) => p.label).join(', ');
  return (
    <Marker
      ref={ref}
      position={[group.latitude, group.longitude]}
      icon={clusterIcon(points.length, highlighted)}
      title={`${points.length} places (results ${names})`}
      keyboard
    >
      <Popup>
        <p className="map-popup__title">{points.length} places here</p>
        <ul className="map-popup__list">
          {points.map((p) => (
            <li key={p.id}>
              {p.label}. <Link href={p.href}>{p.name}</Link>
            </li>
          ))}
        </ul>
        {canZoomIn ? (
          <button
            type="button"
            className="map-popup__zoom"
            onClick={() => {
              ref.current?.closePopup();
              map.fitBounds(bounds, { padding: [60, 60], maxZoom });
            }}
          >
            Zoom in to see them
          </button>
        ) : null}
      </Popup>
    </Marker>
  );
}

function Clusters({
  points,
  highlighted,
  onHighlight,
}: {
  points: MapPoint[];
  highlighted: string | null;
  onHighlight: (id: string | null) => void;
}) {
  const map = useMap();
  const byId = useMemo(() => new Map(points.map((p) => [p.id, p])), [points]);
  const index = useMemo(() => {
    // extent 256 makes the radius screen pixels on Leaflet's 256-pixel tiles.
    const sc = new Supercluster<PointProps>({ radius: 40, extent: 256, maxZoom: 17 });
    sc.load(
      points.map((p) => ({
        type: 'Feature',
        properties: { id: p.id },
        geometry: { type: 'Point', coordinates: [p.longitude, p.latitude] },
      })),
    );
    return sc;
  }, [points]);
  const [view, setView] = useState(() => ({ zoom: map.getZoom(), bounds: map.getBounds() }));
  const update = useCallback(() => setView({ zoom: map.getZoom(), bounds: map.getBounds() }), [map]);
  const handlers = useMemo(() => ({ moveend: update, zoomend: update }), [update]);
  useMapEvents(handlers);
  // The view lives in Leaflet (outside React): read it again when the points change.
  // eslint-disable-next-line react-hooks/set-state-in-effect -- syncing from an external system is what effects are for
  useEffect(update, [index, update]);

  const groups = useMemo(() => groupsOnScreen(index, map, view.zoom, view.bounds), [index, map, view]);

  return (
    <>
      {groups.map((g) => {
        const members = g.ids.map((id) => byId.get(id)).filter((p): p is MapPoint => Boolean(p));
        if (members.length === 0) return null;
        if (members.length === 1) {
          const p = members[0];
          return <PointMarker key={p.id} point={p} highlighted={highlighted === p.id} onHighlight={onHighlight} />;
        }
        return (
          <ClusterMarker
            key={`c-${g.ids.join()}`}
            group={g}
            points={members}
            highlighted={highlighted !== null && g.ids.includes(highlighted)}
          />
        );
      })}
    </>
  );
}

/**
 * The results on a map beside the list. Everything here is also in the list, so the map is an
 * extra for sighted users; when the tile server cannot be reached the markers stay on a plain
 * background and a short note says why.
 */
export default function ResultsMap({
  points,
  origin,
  tiles,
  fallbackCentre,
  listSelector = '[data-result-id]',
  className,
  small,
  label = 'Map of the results',
}: Props) {
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
        className={small ? 'results-map map-frame results-map--small' : 'results-map map-frame'}
        keyboard
      >
        <TileLayer url={tiles.url} attribution={tiles.attribution} eventHandlers={tileHandlers} />
        {origin ? (
          <>
            {origin.radiusMetres ? (
              <Circle
                center={[origin.latitude, origin.longitude]}
                radius={origin.radiusMetres}
                pathOptions={{ color: '#1d70b8', weight: 2, fillOpacity: 0.05 }}
                interactive={false}
              />
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
