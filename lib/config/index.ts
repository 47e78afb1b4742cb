// Every setting a deployment can change, grouped for the code that uses it. The values come from
// the one checked parse of the environment in ./env.ts; .env.example documents each one.
import { env } from './env';

export { env, envFrom, parseEnv, EnvError, type Env, type EnvSource } from './env';

export const config = {
  /** Demo mode shows demo passwords on the sign-in page and the outbox at /dev/outbox. */
  get demoMode() {
    return env().DEMO_MODE;
  },
  get baseUrl() {
    return env().APP_BASE_URL;
  },
  get borough() {
    const e = env();
    return {
      name: e.BOROUGH_NAME,
      serviceName: e.SERVICE_NAME,
      contactEmail: e.BOROUGH_CONTACT_EMAIL,
      contactPhone: e.BOROUGH_CONTACT_PHONE,
      privacyNoticeUrl: e.PRIVACY_NOTICE_URL,
    };
  },
  get auth() {
    const e = env();
    return {
      sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
      sessionMaxHours: e.SESSION_MAX_HOURS,
      freeFailures: e.SIGN_IN_FREE_FAILURES,
      addressFreeFailures: e.SIGN_IN_ADDRESS_FREE_FAILURES,
      maxDelaySeconds: e.SIGN_IN_MAX_DELAY_SECONDS,
    };
  },
  get twoStep() {
    const e = env();
    return { required: e.TWO_STEP_REQUIRED, key: e.TWO_STEP_KEY };
  },
  /** Single sign-on over OpenID Connect; null when OIDC_ISSUER is unset. */
  get oidc() {
    const e = env();
    if (!e.OIDC_ISSUER || !e.OIDC_CLIENT_ID || !e.OIDC_CLIENT_SECRET) return null;
    return {
      issuer: e.OIDC_ISSUER,
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET,
      buttonLabel: e.OIDC_BUTTON_LABEL,
      allowedDomains: e.OIDC_ALLOWED_DOMAINS,
      trustsMfa: e.OIDC_TRUSTS_MFA,
      allowHttp: e.OIDC_ALLOW_HTTP,
      redirectUri: new URL('/sign-in/oidc/callback', e.APP_BASE_URL).toString(),
    };
  },
  get freshness() {
    const e = env();
    return { warnAfterMonths: e.STALE_WARNING_MONTHS, hideAfterMonths: e.STALE_HIDE_MONTHS };
  },
  get referrals() {
    const e = env();
    return { reminderAfterDays: e.REFERRAL_REMINDER_DAYS, expireAfterDays: e.REFERRAL_EXPIRY_DAYS };
  },
  get triageTargetWorkingDays() {
    const e = env();
    return { red: e.TRIAGE_TARGET_RED_DAYS, amber: e.TRIAGE_TARGET_AMBER_DAYS, green: e.TRIAGE_TARGET_GREEN_DAYS };
  },
  /** Tries to reach a person, in a row, after which the worker is offered "close: could not contact". */
  get contactAttemptsBeforeClosing() {
    return env().CONTACT_ATTEMPTS_BEFORE_CLOSING;
  },
  /** The open data: the licence it is published under and the API's per-address rate limit. */
  get openData() {
    const e = env();
    return {
      licenceName: e.OPEN_DATA_LICENCE_NAME,
      licenceUrl: e.OPEN_DATA_LICENCE_URL,
      rateLimitPerMinute: e.ORUK_RATE_LIMIT_PER_MINUTE,
    };
  },
  get map() {
    const e = env();
    return { tileUrl: e.MAP_TILE_URL, attribution: e.MAP_ATTRIBUTION };
  },
  /** How much of the anonymous zero-result search log one address, or one set of words, can fill. */
  get searchLog() {
    const e = env();
    return { perAddressPerHour: e.SEARCH_LOG_PER_ADDRESS_PER_HOUR, perWordsPerDay: e.SEARCH_LOG_PER_WORDS_PER_DAY };
  },
  /** Which proxies may say who the client is (lib/auth/request.ts). */
  get trustedProxies() {
    return env().TRUSTED_PROXIES ?? ({ kind: 'none' } as const);
  },
  get logLevel() {
    return env().LOG_LEVEL;
  },
  /** Most connections one process opens to PostgreSQL (node-postgres's pool). */
  get databasePoolSize() {
    return env().DATABASE_POOL_SIZE;
  },
};
