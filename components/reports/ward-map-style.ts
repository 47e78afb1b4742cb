/** The hatching every ward with a hidden number is filled with, on the map and in its key. */
export const WARD_MAP_HATCH_ID = 'ward-map-hatch';
