'use client';

import dynamic from 'next/dynamic';
import type { ComponentProps } from 'react';
import type WardMap from './WardMap';
// The frame for the placeholder, which shows before the map's own code (and its CSS) loads.
import '@/components/map/map.css';

// Leaflet needs the browser, and only the page with the map should download it.
const LazyWardMap = dynamic(() => import('./WardMap'), {
  ssr: false,
  loading: () => <div className="ward-map map-frame ward-map--placeholder" aria-hidden="true" />,
});

export function WardMapLoader(props: ComponentProps<typeof WardMap>) {
  return <LazyWardMap {...props} />;
}
