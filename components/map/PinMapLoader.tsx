'use client';

import dynamic from 'next/dynamic';
import type { PinMapProps } from './PinMap';
// The frame for the placeholder, which shows before the map's own code (and its CSS) loads.
import './map.css';

// Leaflet needs the browser, and only the listing editor needs this map.
const LazyPinMap = dynamic(() => import('./PinMap'), {
  ssr: false,
  loading: () => <div className="pin-map__map map-frame pin-map__map--placeholder" aria-hidden="true" />,
});

/** The editor's pin map; without JavaScript nothing shows and the typed position is used. */
export function PinMapLoader(props: PinMapProps) {
  return (
    <>
      <noscript>
        <style>{'.pin-map__map--placeholder { display: none; }'}</style>
      </noscript>
      <LazyPinMap {...props} />
    </>
  );
}
