import type { Route } from 'next';

export type MapPoint = {
  id: string;
  /** The number shown on the marker and beside the result in the list. */
  label: string;
  name: string;
  address: string;
  href: Route;
  latitude: number;
  longitude: number;
};

export type MapOrigin = { label: string; latitude: number; longitude: number; radiusMetres: number | null };

export type MapTiles = { url: string; attribution: string };
