// Every message the service sends, in one place, in plain English (GOV.UK style). Each template is
// a function from its data to what the outbox stores; the admin preview (/admin/messages) shows
// them all with example data (./examples.ts).
export * from './render';
export * from './referrals';
export * from './residents';
export * from './outcome';
export * from './listings';
export * from './accounts';
export * from './caseload';
