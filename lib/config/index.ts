// Every setting a deployment can change, grouped for the code that uses it. Infrastructure and
// secrets come from the one checked parse of the environment in ./env.ts (.env.example documents
// each one); the service's identity and timings are an admin's settings (./settings.ts, lib/settings),
// whose defaults are the environment's values.
import { env } from './env';
import { currentSettings, settingsDefaults } from './settings';

export { env, envFrom, parseEnv, EnvError, type Env, type EnvSource } from './env';
export {
  DEFAULT_BRAND_COLOUR,
  DEFAULT_EMERGENCY_NOTICE,
  settingsDefaults,
  setSettingsSnapshot,
  type SettingsValues,
} from './settings';

/** The admin's settings (lib/settings) as last loaded, over their defaults from the environment. */
const current = () => currentSettings(() => settingsDefaults(env()));

export const config = {
  /** Demo mode shows demo passwords on the sign-in page and the outbox at /dev/outbox. */
  get demoMode() {
    return env().DEMO_MODE;
  },
  get baseUrl() {
    return env().APP_BASE_URL;
  },
  /** The service's identity and texts, set by an admin on /admin/settings. */
  get borough() {
    const s = current().service;
    return {
      name: s.boroughName,
      serviceName: s.name,
      operator: s.operator,
      contactEmail: s.contactEmail,
      contactPhone: s.contactPhone,
      brandColour: s.brandColour,
      privacyNoticeUrl: env().PRIVACY_NOTICE_URL,
    };
  },
  /** The privacy notice, accessibility statement and emergency notice, with {service} and the like unfilled. */
  get texts() {
    const s = current().service;
    return {
      privacyNotice: s.privacyNotice,
      accessibilityStatement: s.accessibilityStatement,
      emergencyNotice: s.emergencyNotice,
    };
  },
  get auth() {
    const e = env();
    const t = current().timings;
    return {
      sessionIdleMinutes: t.sessionIdleMinutes,
      sessionMaxHours: t.sessionMaxHours,
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
    const t = current().timings;
    return {
      nudgeAfterMonths: t.freshnessNudgeMonths,
      warnAfterMonths: t.freshnessWarnMonths,
      hideAfterMonths: t.freshnessHideMonths,
    };
  },
  get referrals() {
    const t = current().timings;
    return { reminderAfterDays: t.referralReminderDays, expireAfterDays: t.referralExpiryDays };
  },
  get triageTargetWorkingDays() {
    const t = current().timings;
    return { red: t.triageRedDays, amber: t.triageAmberDays, green: t.triageGreenDays };
  },
  /** Tries to reach a person, in a row, after which the worker is offered "close: could not contact". */
  get contactAttemptsBeforeClosing() {
    return current().timings.contactAttemptsBeforeClosing;
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
