export * from './postcode';
export * from './geocoder';
export * from './place';
export * from './distance';
