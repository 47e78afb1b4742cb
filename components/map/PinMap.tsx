'use client';

import 'leaflet/dist/leaflet.css';
import './map.css';
import L from 'leaflet';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { MapContainer, Marker, TileLayer, useMap, useMapEvents } from 'react-leaflet';
import type { MapTiles } from './types';

export type PinMapProps = {
  /** The ids of the latitude and longitude inputs the pin reads and writes. */
  latitudeId: string;
  longitudeId: string;
  /** The values the form was drawn with (the server may change them, after a postcode look-up). */
  latitude: string;
  longitude: string;
  tiles: MapTiles;
  /** Where to look while there is no pin. */
  fallbackCentre: [number, number];
  /** Names the map for assistive technology. */
  label: string;
};

type Point = [number, number];

/** Five decimal places is about a metre: as close as anyone can place a pin. */
const fixed = (n: number) => n.toFixed(5);

function parse(lat: string, lng: string): Point | null {
  if (lat.trim() === '' || lng.trim() === '') return null;
  const a = Number(lat);
  const b = Number(lng);
  // Anything a map cannot draw is left to the form's own check to explain.
  return Number.isFinite(a) && Number.isFinite(b) && Math.abs(a) <= 85 && Math.abs(b) <= 180 ? [a, b] : null;
}

function input(id: string): HTMLInputElement | null {
  const el = document.getElementById(id);
  return el instanceof HTMLInputElement ? el : null;
}

/** Sets an input as if typed, so the form (and React) sees the change. */
function write(el: HTMLInputElement, value: string) {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(el, value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
}

// Drawn with HTML and CSS (no image files), so the pin shows even when nothing else loads.
const pinIcon = L.divIcon({
  className: 'map-pin',
  html: '<span aria-hidden="true"></span>',
  iconSize: [28, 28],
  // The point of the pin, below its round head.
  iconAnchor: [14, 34],
});

function Follow({ pin, moveTo }: { pin: Point | null; moveTo: number }) {
  const map = useMap();
  // Only when the pin moved because of the inputs or the server, not on every drag.
  useEffect(() => {
    if (pin) map.setView(pin, Math.max(map.getZoom(), 16));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [moveTo, map]);
  return null;
}

function ClickToPlace({ onPlace }: { onPlace: (p: Point) => void }) {
  const handlers = useMemo(() => ({ click: (e: L.LeafletMouseEvent) => onPlace([e.latlng.lat, e.latlng.lng]) }), [onPlace]);
  useMapEvents(handlers);
  return null;
}

/**
 * A small map with one pin for a listing's place. Dragging the pin, or tapping the map, fills in
 * the latitude and longitude inputs; typing in them moves the pin. The inputs stay the way to set
 * the position without a mouse or a screen, and without JavaScript.
 */
export default function PinMap({ latitudeId, longitudeId, latitude, longitude, tiles, fallbackCentre, label }: PinMapProps) {
  const [pin, setPinState] = useState<Point | null>(() => parse(latitude, longitude));
  const pinRef = useRef<Point | null>(pin);
  // Bumped whenever the view should follow the pin.
  const [moveTo, setMoveTo] = useState(0);
  const [map, setMap] = useState<L.Map | null>(null);
  const [tileErrors, setTileErrors] = useState(0);
  const [tilesLoaded, setTilesLoaded] = useState(0);
  const [moved, setMoved] = useState('');
  // Where the map opens; Leaflet reads it once, and the view then follows the pin.
  const [centre] = useState<Point>(() => pin ?? fallbackCentre);

  const setPin = useCallback((p: Point | null, follow: boolean) => {
    pinRef.current = p;
    setPinState(p);
    if (p && follow) setMoveTo((n) => n + 1);
  }, []);

  // The server sent the form back with new values (a postcode found, a save refused).
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- setPin also keeps pinRef, which the input listeners read, and moves the Leaflet view: effect work
    setPin(parse(latitude, longitude), true);
  }, [latitude, longitude, setPin]);

  // Typing in the inputs moves the pin.
  useEffect(() => {
    const lat = input(latitudeId);
    const lng = input(longitudeId);
    if (!lat || !lng) return;
    const read = () => {
      const p = parse(lat.value, lng.value);
      const cur = pinRef.current;
      if (p && cur && fixed(p[0]) === fixed(cur[0]) && fixed(p[1]) === fixed(cur[1])) return;
      setPin(p, true);
    };
    lat.addEventListener('input', read);
    lng.addEventListener('input', read);
    return () => {
      lat.removeEventListener('input', read);
      lng.removeEventListener('input', read);
    };
  }, [latitudeId, longitudeId, setPin]);

  // Dragging the pin or tapping the map fills in the inputs.
  const place = useCallback(
    (p: Point) => {
      setPin(p, false);
      const lat = input(latitudeId);
      const lng = input(longitudeId);
      if (lat && lng) {
        write(lat, fixed(p[0]));
        write(lng, fixed(p[1]));
      }
      setMoved(`Pin moved. Latitude ${fixed(p[0])}, longitude ${fixed(p[1])}.`);
    },
    [latitudeId, longitudeId, setPin],
  );

  const markerHandlers = useMemo(
    () => ({
      dragend: (e: L.DragEndEvent) => {
        const ll = (e.target as L.Marker).getLatLng();
        place([ll.lat, ll.lng]);
      },
    }),
    [place],
  );
  const tileHandlers = useMemo(
    () => ({ tileerror: () => setTileErrors((n) => n + 1), tileload: () => setTilesLoaded((n) => n + 1) }),
    [],
  );
  const tilesDown = tileErrors > 0 && tilesLoaded === 0;

  return (
    <div className="pin-map" role="region" aria-label={label}>
      <p className="hint">
        {pin ? 'Drag the pin to the way in, or tap the map where it is.' : 'Tap the map where the way in is to put a pin there.'}
      </p>
      <MapContainer
        ref={setMap}
        center={centre}
        zoom={pin ? 17 : 13}
        scrollWheelZoom={false}
        className="pin-map__map map-frame"
        keyboard
      >
        <TileLayer url={tiles.url} attribution={tiles.attribution} eventHandlers={tileHandlers} />
        {pin ? <Marker position={pin} icon={pinIcon} draggable keyboard={false} eventHandlers={markerHandlers} /> : null}
        <ClickToPlace onPlace={place} />
        <Follow pin={pin} moveTo={moveTo} />
      </MapContainer>
      {tilesDown ? (
        <p className="body-s mb-2">The map background could not load. You can still move the pin, or type the position below.</p>
      ) : null}
      <button
        type="button"
        className="button button--secondary pin-map__centre"
        disabled={!map}
        onClick={() => {
          if (!map) return;
          const c = map.getCenter();
          place([c.lat, c.lng]);
        }}
      >
        Put the pin in the middle of the map
      </button>
      <p className="visually-hidden" role="status">
        {moved}
      </p>
    </div>
  );
}
