'use client';

import dynamic from 'next/dynamic';
import type { ComponentProps } from 'react';
import type WardMap from './WardMap';

// Leaflet needs the browser, and only the page with the map should download it.
const LazyWardMap = dynamic(() => import('./WardMap'), {
  ssr: false,
  loading: () => <div className="ward-map ward-map--placeholder" aria-hidden="true" />,
});

export function WardMapLoader(props: ComponentProps<typeof WardMap>) {
  return <LazyWardMap {...props} />;
}
