export const METRES_PER_MILE = 1609.344;
const EARTH_RADIUS_M = 6_371_008.8;

export function milesToMetres(miles: number): number {
  return miles * METRES_PER_MILE;
}

export function metresToMiles(metres: number): number {
  return metres / METRES_PER_MILE;
}

/** Great-circle distance in metres (mean Earth radius). */
export function haversineMetres(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** "0.3 miles", "1 mile", "4.2 miles": one decimal under 10 miles, whole miles beyond. */
export function formatMiles(miles: number): string {
  if (miles < 0.1) return 'less than 0.1 miles';
  const rounded = miles < 10 ? Math.round(miles * 10) / 10 : Math.round(miles);
  return `${rounded} ${rounded === 1 ? 'mile' : 'miles'}`;
}
