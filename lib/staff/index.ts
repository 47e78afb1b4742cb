// Staff accounts: listing, inviting, changing, switching off and on, unlocking. See docs/decisions/0014.
export * from './accounts';
export * from './invites';
export { INVITE_DAYS, INVITE_PURPOSE } from './constants';
