// Is a map position plausibly in the UK? A coarse outline of Great Britain (with its islands) and
// of Northern Ireland, drawn generously round the coast so that piers, beaches and islands pass,
// but tight enough at the borders to turn away Ireland, France, the Isle of Man and the Channel
// Islands, and, most often, coordinates typed the wrong way round. Pure: used by the listing
// schema on the server and in the browser.

type Ring = ReadonlyArray<readonly [lng: number, lat: number]>;

const GREAT_BRITAIN: Ring = [
  [-6.7, 49.8], // Isles of Scilly
  [-5.2, 49.85], // the Lizard
  [-3.6, 50.1], // Start Point
  [-2.45, 50.4], // Portland
  [-1.3, 50.45], // Isle of Wight
  [0.25, 50.6], // Beachy Head
  [1.5, 51.0], // Dover
  [1.6, 51.4], // North Foreland
  [1.9, 52.45], // Lowestoft
  [1.6, 53.0], // Cromer
  [0.45, 53.55], // Lincolnshire coast
  [0.25, 53.65], // Spurn Head
  [0.0, 54.15], // Flamborough Head
  [-0.45, 54.6], // Whitby
  [-1.35, 55.45], // Northumberland
  [-1.95, 55.95], // St Abb's Head
  [-2.45, 56.3], // Fife Ness
  [-1.6, 57.55], // Peterhead
  [-1.8, 57.75], // Fraserburgh
  [-2.4, 58.6], // Orkney, east
  [-0.6, 60.2], // Shetland, east
  [-0.6, 60.95], // Shetland, north
  [-2.2, 60.7], // Shetland, west
  [-3.6, 59.25], // Orkney, west
  [-5.1, 58.75], // Cape Wrath
  [-6.3, 58.65], // Butt of Lewis
  [-8.8, 57.9], // St Kilda
  [-7.8, 56.7], // Barra Head
  [-7.1, 56.35], // Tiree
  [-6.55, 55.55], // Islay
  [-5.75, 55.2], // Mull of Kintyre
  [-5.1, 54.55], // Mull of Galloway
  [-3.7, 54.5], // St Bees Head
  [-3.3, 53.85], // Lancashire coast
  [-4.75, 53.45], // Anglesey
  [-4.9, 52.7], // Llŷn
  [-4.2, 52.35], // Cardigan Bay
  [-5.45, 51.9], // St Davids
  [-5.05, 51.55], // St Govan's Head
  [-4.4, 51.5], // Gower
  [-4.65, 51.0], // Hartland Point
  [-5.2, 50.55], // Padstow
  [-5.8, 50.15], // Land's End
];

const NORTHERN_IRELAND: Ring = [
  [-8.25, 54.45], // Belleek
  [-7.65, 54.1], // Fermanagh, south
  [-6.65, 54.02], // Armagh, south
  [-6.1, 53.98], // Carlingford Lough
  [-5.35, 54.25], // County Down coast
  [-5.35, 54.75], // Ards, Belfast Lough
  [-5.7, 55.05], // Antrim coast
  [-6.1, 55.3], // Fair Head, Rathlin
  [-7.0, 55.25], // Lough Foyle
  [-7.42, 55.05], // Derry
  [-7.55, 54.8], // Strabane
  [-7.9, 54.6], // Tyrone, west
];

function inside(ring: Ring, lng: number, lat: number): boolean {
  let hit = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

/** True when the point is on (or just off the coast of) Great Britain or Northern Ireland. */
export function isPlausiblyInUk(latitude: number, longitude: number): boolean {
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return false;
  return inside(GREAT_BRITAIN, longitude, latitude) || inside(NORTHERN_IRELAND, longitude, latitude);
}

/** What is wrong with a position that is not in the UK, in words a person can act on. */
export function ukPositionProblem(latitude: number, longitude: number): string | null {
  if (isPlausiblyInUk(latitude, longitude)) return null;
  if (isPlausiblyInUk(longitude, latitude)) {
    return 'The latitude and longitude look the wrong way round. In the UK the latitude is the bigger number, like 51.41, and the longitude is near 0, like -0.75';
  }
  return 'That position is not in the UK. Check the numbers, or find the postcode again to put the pin back at its centre';
}
