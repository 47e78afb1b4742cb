'use client';

import dynamic from 'next/dynamic';
import type { ComponentProps } from 'react';
import type ResultsMap from './ResultsMap';
// The frame for the placeholder, which shows before the map's own code (and its CSS) loads.
import './map.css';

// Leaflet needs the browser, and only pages with a map should download it.
const LazyResultsMap = dynamic(() => import('./ResultsMap'), {
  ssr: false,
  loading: () => <div className="results-map map-frame results-map--placeholder" aria-hidden="true" />,
});

type Props = ComponentProps<typeof ResultsMap> & {
  /** Shown instead of the map when JavaScript is off. */
  noScriptText?: string;
};

export function ResultsMapLoader({ noScriptText, ...props }: Props) {
  return (
    <>
      <noscript>
        <p className="body-s">{noScriptText ?? 'The map needs JavaScript. Everything on the map is also in the list.'}</p>
        <style>{'.results-map--placeholder { display: none; }'}</style>
      </noscript>
      <LazyResultsMap {...props} />
    </>
  );
}
