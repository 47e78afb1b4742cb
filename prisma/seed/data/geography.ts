// The fictional borough of Eastbrook: wards, their small areas (LSOAs) and deprivation,
// primary care networks and GP practices. The postcode area "EB" is not a real UK postcode area.

export interface WardDef {
  code: string;
  name: string;
  district: string;
  lat: number;
  lng: number;
  /** IMD decile of each of the ward's LSOAs (1 = most deprived 10% of England). */
  deciles: number[];
  pcn: string;
  streets: string[];
  saint: string;
}

export const BOROUGH_BOX = { south: 51.355, north: 51.46, west: -0.84, east: -0.66 };

export const wards: WardDef[] = [
  { code: 'E05990101', name: 'Eastbrook Central', district: 'EB1', lat: 51.4125, lng: -0.7515, deciles: [2, 3, 4, 3, 5, 6], pcn: 'U99002', saint: "Mary", streets: ['High Street', 'Market Street', 'Station Road', 'Church Road', 'Brook Street', 'Victoria Road', 'The Parade', 'Mill Lane'] },
  { code: 'E05990102', name: 'Kingsmead', district: 'EB2', lat: 51.4205, lng: -0.7345, deciles: [1, 2, 1, 3, 2, 4], pcn: 'U99001', saint: "Luke", streets: ['Kingsmead Way', 'Tern Close', 'Heron Road', 'Kestrel Walk', 'Osprey Court', 'Plover Lane', 'Mallard Row'] },
  { code: 'E05990103', name: 'Priory Fields', district: 'EB3', lat: 51.4255, lng: -0.7605, deciles: [3, 4, 5, 5, 6], pcn: 'U99001', saint: "Andrew", streets: ['Priory Road', 'Abbey Close', 'Cloister Walk', 'Friars Way', 'Canon Drive', 'Chapter Lane'] },
  { code: 'E05990104', name: 'Fernhill', district: 'EB4', lat: 51.4015, lng: -0.7385, deciles: [4, 5, 6, 6, 5], pcn: 'U99002', saint: "John", streets: ['Fernhill Road', 'Bracken Way', 'Larch Avenue', 'Rowan Close', 'Hazel Drive', 'Sorrel Gardens'] },
  { code: 'E05990105', name: 'Oakridge', district: 'EB4', lat: 51.3975, lng: -0.7665, deciles: [5, 6, 7, 7, 8], pcn: 'U99004', saint: "Peter", streets: ['Oakridge Lane', 'Acorn Way', 'Holm Oak Drive', 'Ridgeway', 'Beech Hill', 'Copse Road'] },
  { code: 'E05990106', name: 'Heathfield', district: 'EB5', lat: 51.3915, lng: -0.7195, deciles: [2, 3, 4, 5, 5, 3], pcn: 'U99003', saint: "Stephen", streets: ['Heathfield Road', 'Gorse Close', 'Heather Way', 'Broom Lane', 'Sandy Lane', 'Pine Walk', 'Furze Road'] },
  { code: 'E05990107', name: 'Larkswood', district: 'EB5', lat: 51.4055, lng: -0.7035, deciles: [6, 7, 7, 8, 6], pcn: 'U99002', saint: "Michael", streets: ['Larkswood Avenue', 'Skylark Rise', 'Meadow Way', 'Linnet Close', 'Wren Gardens', 'Finch Road'] },
  { code: 'E05990108', name: 'Moorcroft', district: 'EB6', lat: 51.3805, lng: -0.7905, deciles: [7, 8, 8, 9], pcn: 'U99004', saint: "Nicholas", streets: ['Moorcroft Road', 'Moor Lane', 'Croft Close', 'Old Forge Lane', 'Wheelwright Way'] },
  { code: 'E05990109', name: 'Elmstead', district: 'EB6', lat: 51.3715, lng: -0.7595, deciles: [8, 9, 9, 10], pcn: 'U99003', saint: "Giles", streets: ['Elmstead Road', 'The Green', 'Elm Tree Lane', 'Vicarage Lane', 'Orchard Close'] },
  { code: 'E05990110', name: 'Redlands', district: 'EB7', lat: 51.3825, lng: -0.7355, deciles: [1, 2, 3, 4, 6, 2], pcn: 'U99003', saint: "Mark", streets: ['Redlands Road', 'Brickfield Way', 'Kiln Close', 'Clay Lane', 'Pottery Road', 'Quarry Walk', 'Tile Kiln Road'] },
  { code: 'E05990111', name: 'Willowbank', district: 'EB3', lat: 51.4325, lng: -0.7825, deciles: [5, 6, 7, 8, 7], pcn: 'U99001', saint: "Paul", streets: ['Willowbank Road', 'Osier Way', 'Lakeside', 'Riverside Walk', 'Sedge Close', 'Reed Lane'] },
  { code: 'E05990112', name: 'Hollybush', district: 'EB8', lat: 51.4405, lng: -0.7455, deciles: [7, 8, 9, 9, 8], pcn: 'U99001', saint: "Margaret", streets: ['Hollybush Lane', 'Ivy Close', 'Laurel Drive', 'Yew Tree Road', 'Box Hill Way'] },
  { code: 'E05990113', name: 'Northwood End', district: 'EB8', lat: 51.4485, lng: -0.7205, deciles: [8, 9, 10, 10], pcn: 'U99001', saint: "James", streets: ['Northwood Road', 'End Lane', 'Forest Road', 'Keepers Lane', 'Warren Row'] },
  { code: 'E05990114', name: 'Stonecross', district: 'EB9', lat: 51.4285, lng: -0.7055, deciles: [4, 5, 6, 7, 3], pcn: 'U99001', saint: "George", streets: ['Stonecross Road', 'Flint Way', 'Mason Close', 'Quarry Lane', 'Cross Street', 'Chalk Pit Road'] },
  { code: 'E05990115', name: 'Ashcombe', district: 'EB9', lat: 51.4185, lng: -0.6875, deciles: [9, 10, 10, 9], pcn: 'U99002', saint: "Lawrence", streets: ['Ashcombe Lane', 'Combe Road', 'Ash Grove', 'Manor Farm Road', 'Paddock Way'] },
  { code: 'E05990116', name: 'Carrow Vale', district: 'EB7', lat: 51.3655, lng: -0.7125, deciles: [6, 7, 8, 9, 10], pcn: 'U99003', saint: "Bartholomew", streets: ['Vale Road', 'Carrow Lane', 'Watermill Way', 'Ford Lane', 'Long Meadow', 'Chapel Row'] },
];

export interface PcnDef {
  code: string;
  name: string;
  practices: { code: string; name: string; ward: string }[];
}

export const pcns: PcnDef[] = [
  {
    code: 'U99001',
    name: 'North Eastbrook PCN',
    practices: [
      { code: 'Y99101', name: 'Kingsmead Medical Centre', ward: 'Kingsmead' },
      { code: 'Y99102', name: 'Priory Fields Surgery', ward: 'Priory Fields' },
      { code: 'Y99103', name: 'Hollybush Health Centre', ward: 'Hollybush' },
    ],
  },
  {
    code: 'U99002',
    name: 'Eastbrook Town PCN',
    practices: [
      { code: 'Y99201', name: 'The Market Street Practice', ward: 'Eastbrook Central' },
      { code: 'Y99202', name: 'Fernhill Surgery', ward: 'Fernhill' },
      { code: 'Y99203', name: 'Larkswood Medical Practice', ward: 'Larkswood' },
    ],
  },
  {
    code: 'U99003',
    name: 'South Eastbrook PCN',
    practices: [
      { code: 'Y99301', name: 'Heathfield Health Centre', ward: 'Heathfield' },
      { code: 'Y99302', name: 'Redlands Family Practice', ward: 'Redlands' },
      { code: 'Y99303', name: 'Carrow Vale Surgery', ward: 'Carrow Vale' },
    ],
  },
  {
    code: 'U99004',
    name: 'Oakridge and Moorcroft PCN',
    practices: [
      { code: 'Y99401', name: 'Oakridge Group Practice', ward: 'Oakridge' },
      { code: 'Y99402', name: 'Moorcroft Surgery', ward: 'Moorcroft' },
    ],
  },
];

/** Letters allowed in the last two characters of a UK postcode (the inward code's unit). */
export const UNIT_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

/** Venues used by groups; `ward` names where they are. */
export interface VenueDef {
  key: string;
  name: string;
  ward: string;
  kind: 'community_centre' | 'church' | 'library' | 'leisure' | 'hall' | 'hub' | 'park' | 'faith' | 'cafe' | 'office' | 'health' | 'school' | 'pub' | 'garden';
}

/** Named venues; every ward also gets a community centre and a church hall. */
export const namedVenues: VenueDef[] = [
  { key: 'brookside-centre', name: 'The Brookside Centre', ward: 'Eastbrook Central', kind: 'hub' },
  { key: 'central-library', name: 'Eastbrook Central Library', ward: 'Eastbrook Central', kind: 'library' },
  { key: 'leisure-centre', name: 'Eastbrook Leisure Centre', ward: 'Eastbrook Central', kind: 'leisure' },
  { key: 'town-hall', name: 'Eastbrook Town Hall', ward: 'Eastbrook Central', kind: 'office' },
  { key: 'business-centre', name: 'Eastbrook Enterprise Centre', ward: 'Eastbrook Central', kind: 'office' },
  { key: 'old-forge-cafe', name: 'The Old Forge Community Café', ward: 'Eastbrook Central', kind: 'cafe' },
  { key: 'mosque', name: 'Eastbrook Mosque and Community Centre', ward: 'Kingsmead', kind: 'faith' },
  { key: 'gurdwara', name: 'Guru Nanak Gurdwara Eastbrook', ward: 'Heathfield', kind: 'faith' },
  { key: 'mandir', name: 'Shree Krishna Mandir', ward: 'Stonecross', kind: 'faith' },
  { key: 'kingsmead-hub', name: 'Kingsmead Family Hub', ward: 'Kingsmead', kind: 'hub' },
  { key: 'redlands-hub', name: 'Redlands Family Hub', ward: 'Redlands', kind: 'hub' },
  { key: 'kingsmead-library', name: 'Kingsmead Library', ward: 'Kingsmead', kind: 'library' },
  { key: 'priory-library', name: 'Priory Fields Library', ward: 'Priory Fields', kind: 'library' },
  { key: 'heathfield-library', name: 'Heathfield Library', ward: 'Heathfield', kind: 'library' },
  { key: 'oakridge-library', name: 'Oakridge Library', ward: 'Oakridge', kind: 'library' },
  { key: 'larkswood-library', name: 'Larkswood Library', ward: 'Larkswood', kind: 'library' },
  { key: 'priory-pavilion', name: 'Priory Fields Park Pavilion', ward: 'Priory Fields', kind: 'park' },
  { key: 'willowbank-lakes', name: 'Willowbank Lakes Visitor Centre', ward: 'Willowbank', kind: 'park' },
  { key: 'larkswood-sports', name: 'Larkswood Sports Club', ward: 'Larkswood', kind: 'leisure' },
  { key: 'heathfield-pool', name: 'Heathfield Pool', ward: 'Heathfield', kind: 'leisure' },
  { key: 'oakridge-village-hall', name: 'Oakridge Village Hall', ward: 'Oakridge', kind: 'hall' },
  { key: 'elmstead-village-hall', name: 'Elmstead Village Hall', ward: 'Elmstead', kind: 'hall' },
  { key: 'moorcroft-village-hall', name: 'Moorcroft Village Hall', ward: 'Moorcroft', kind: 'hall' },
  { key: 'carrow-memorial-hall', name: 'Carrow Vale Memorial Hall', ward: 'Carrow Vale', kind: 'hall' },
  { key: 'ashcombe-parish-room', name: 'Ashcombe Parish Room', ward: 'Ashcombe', kind: 'hall' },
  { key: 'northwood-scout-hut', name: 'Northwood End Scout Hut', ward: 'Northwood End', kind: 'hall' },
  { key: 'hollybush-allotments', name: 'Hollybush Allotments', ward: 'Hollybush', kind: 'garden' },
  { key: 'redlands-community-garden', name: 'Redlands Community Garden', ward: 'Redlands', kind: 'garden' },
  { key: 'community-hospital', name: 'Eastbrook Community Hospital', ward: 'Fernhill', kind: 'health' },
  { key: 'stonecross-methodist', name: 'Stonecross Methodist Church', ward: 'Stonecross', kind: 'church' },
  { key: 'central-baptist', name: 'Eastbrook Baptist Church', ward: 'Eastbrook Central', kind: 'church' },
  { key: 'fernhill-united', name: 'Fernhill United Reformed Church', ward: 'Fernhill', kind: 'church' },
  { key: 'kingfisher-pub', name: 'The Kingfisher', ward: 'Willowbank', kind: 'pub' },
  { key: 'kingsmead-school', name: 'Kingsmead Primary School', ward: 'Kingsmead', kind: 'school' },
  { key: 'heathfield-school', name: 'Heathfield Academy', ward: 'Heathfield', kind: 'school' },
  { key: 'eastbrook-college', name: 'Eastbrook College', ward: 'Fernhill', kind: 'school' },
];
