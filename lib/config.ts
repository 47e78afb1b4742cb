// Every setting a deployment can change, read once from the environment with its default.
// .env.example documents each one.
function int(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(value)) throw new Error(`${name} must be a number`);
  return value;
}

function str(name: string, fallback: string): string {
  const raw = process.env[name];
  return raw === undefined || raw === '' ? fallback : raw;
}

export const config = {
  /** Demo mode shows demo passwords on the sign-in page and the outbox at /dev/outbox. */
  get demoMode() { return str('DEMO_MODE', 'true') === 'true'; },
  get baseUrl() { return str('APP_BASE_URL', `http://localhost:${str('PORT', '3000')}`); },
  get borough() {
    return {
      name: str('BOROUGH_NAME', 'Eastbrook'),
      serviceName: str('SERVICE_NAME', 'Eastbrook Community Connect'),
      contactEmail: str('BOROUGH_CONTACT_EMAIL', 'connect@eastbrook.example.gov.uk'),
      contactPhone: str('BOROUGH_CONTACT_PHONE', '01632 960 000'),
      privacyNoticeUrl: str('PRIVACY_NOTICE_URL', '/privacy'),
    };
  },
  get auth() {
    return {
      sessionMaxAgeSeconds: int('SESSION_MAX_AGE_SECONDS', 8 * 60 * 60),
      maxFailedLogins: int('MAX_FAILED_LOGINS', 5),
      lockoutMinutes: int('LOCKOUT_MINUTES', 15),
      signInPerIpPerMinute: int('SIGN_IN_RATE_PER_MINUTE', 10),
    };
  },
  get freshness() {
    return {
      warnAfterMonths: int('STALE_WARNING_MONTHS', 6),
      hideAfterMonths: int('STALE_HIDE_MONTHS', 12),
    };
  },
  get referrals() {
    return {
      reminderAfterDays: int('REFERRAL_REMINDER_DAYS', 7),
      expireAfterDays: int('REFERRAL_EXPIRY_DAYS', 14),
    };
  },
  get triageTargetWorkingDays() {
    return { red: int('TRIAGE_TARGET_RED_DAYS', 2), amber: int('TRIAGE_TARGET_AMBER_DAYS', 5), green: int('TRIAGE_TARGET_GREEN_DAYS', 10) };
  },
  get map() {
    return {
      tileUrl: str('MAP_TILE_URL', 'https://tile.openstreetmap.org/{z}/{x}/{y}.png'),
      attribution: str('MAP_ATTRIBUTION', '&copy; OpenStreetMap contributors'),
    };
  },
  get logLevel() { return str('LOG_LEVEL', 'info'); },
  /** Most connections one process opens to PostgreSQL (node-postgres's pool). */
  get databasePoolSize() { return Math.max(1, Math.floor(int('DATABASE_POOL_SIZE', 10))); },
};
