// Shared by the account and invite modules.
export const INVITE_PURPOSE = 'staff.invite';
/** How long an invite link works: a week covers a new starter's first days and a weekend. */
export const INVITE_DAYS = 7;
