'use client';

import { createContext, useContext, useState, useSyncExternalStore, type ComponentProps, type ReactNode } from 'react';
import { ResultsMapLoader } from './ResultsMapLoader';

// Where the search results' map goes. On a wide screen it sits beside the list (or above it); on a
// narrow one (below 768px, where the page is one column) it waits behind a "Show map" button near
// the top of the results, and opens there, above the first result. One map at a time, and each
// sits in the page where it is seen, so the keyboard meets it in the order the eye does.

type MapProps = ComponentProps<typeof ResultsMapLoader>;

const NARROW = '(max-width: 48.0525rem)';

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(NARROW);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** True on a narrow screen once the page runs; false on the server, which draws the wide layout. */
function useNarrow(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(NARROW).matches,
    () => false,
  );
}

type Placement = { map: MapProps; narrow: boolean; shown: boolean; setShown: (shown: boolean) => void };

const PlacementContext = createContext<Placement | null>(null);

function usePlacement(): Placement {
  const placement = useContext(PlacementContext);
  if (!placement) throw new Error('The results map needs a ResultsMapPlacement around it');
  return placement;
}

/** Holds the map's props and whether a narrow screen has asked to see it. */
export function ResultsMapPlacement({ map, children }: { map: MapProps; children: ReactNode }) {
  const narrow = useNarrow();
  const [shown, setShown] = useState(false);
  return <PlacementContext.Provider value={{ map, narrow, shown, setShown }}>{children}</PlacementContext.Provider>;
}

/**
 * The "Show map" button of a narrow screen, and the map under it once pressed. Without JavaScript
 * there is no map, so no button (the map says so where it would be on a wide screen).
 */
export function MapToggle() {
  const { map, narrow, shown, setShown } = usePlacement();
  const open = narrow && shown;
  return (
    <>
      <noscript>
        <style>{'.map-toggle { display: none !important; }'}</style>
      </noscript>
      <button
        type="button"
        className="map-toggle"
        aria-expanded={open}
        aria-controls="results-map-top"
        onClick={() => setShown(!shown)}
      >
        {open ? 'Hide map' : 'Show map'}
      </button>
      <div id="results-map-top" className="map-top" hidden={!open}>
        {open ? <ResultsMapLoader {...map} /> : null}
      </div>
    </>
  );
}

/** The map beside (or above) the list on a wide screen; nothing on a narrow one. */
export function SideMap() {
  const { map, narrow } = usePlacement();
  return narrow ? null : <ResultsMapLoader {...map} />;
}
