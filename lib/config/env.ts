// The service's settings, read from the environment in one place and checked with zod: a bad value
// stops start-up with one error naming every bad variable, instead of one per request later.
// .env.example documents each variable and its default; keep the two in step.
// Variables only tests and tools read (E2E_*, CHROMIUM_PATH, BENCH_URL, MIGRATIONS_DIR) are not
// here, nor the platform's own (NODE_ENV, NEXT_RUNTIME, NEXT_PHASE).
import { z } from 'zod';
import { parseTrustedProxies } from './proxies';

export type EnvSource = Record<string, string | undefined>;

/** Unset and empty (or blank) are the same: the default. */
const blankIsUnset = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const text = (fallback: string) => z.preprocess(blankIsUnset, z.string().trim().default(fallback));
const optionalText = () => z.preprocess(blankIsUnset, z.string().trim().optional());
const wholeNumber = (fallback: number, min = 1, max = Number.MAX_SAFE_INTEGER) =>
  z.preprocess(
    blankIsUnset,
    z.coerce
      .number({ error: 'must be a whole number' })
      .int({ error: 'must be a whole number' })
      .min(min, { error: `must be ${min} or more` })
      .max(max, { error: `must be ${max} or less` })
      .default(fallback),
  );
const port = (fallback: number) => wholeNumber(fallback, 1, 65_535);
const flag = (fallback: boolean) =>
  z.preprocess(
    blankIsUnset,
    z
      .enum(['true', 'false'], { error: 'must be true or false' })
      .default(fallback ? 'true' : 'false')
      .transform((v) => v === 'true'),
  );
const url = () => z.url({ error: 'must be a full address, like https://example.org' });
const optionalUrl = () => z.preprocess(blankIsUnset, url().optional());

const schema = z
  .object({
    // running
    DATABASE_URL: optionalUrl(),
    DATABASE_POOL_SIZE: wholeNumber(10),
    EMBEDDED_PG_PORT: port(5433),
    EMBEDDED_PG_DIR: text('.data/postgres'),
    PORT: port(3000),
    APP_BASE_URL: optionalUrl(),
    AUTH_SECRET: optionalText(),
    LOG_LEVEL: z.preprocess(
      blankIsUnset,
      z
        .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
          error: 'must be fatal, error, warn, info, debug, trace or silent',
        })
        .default('info'),
    ),
    // Unset: decided in parseEnv (the quick start is a demo; a configured or production instance is not).
    DEMO_MODE: z.preprocess(
      blankIsUnset,
      z
        .enum(['true', 'false'], { error: 'must be true or false' })
        .optional()
        .transform((v) => (v === undefined ? undefined : v === 'true')),
    ),
    JOBS_IN_PROCESS: flag(true),

    // the borough
    BOROUGH_NAME: text('Eastbrook'),
    SERVICE_NAME: text('Eastbrook Community Connect'),
    BOROUGH_CONTACT_EMAIL: text('connect@eastbrook.example.gov.uk'),
    BOROUGH_CONTACT_PHONE: text('01632 960 000'),
    PRIVACY_NOTICE_URL: text('/privacy'),
    PRIVACY_CONTROLLER: text(''),
    PRIVACY_LAWFUL_BASIS: text(
      'UK GDPR Article 6(1)(e): the processing is needed to perform a task in the public interest (public task).',
    ),
    PRIVACY_SPECIAL_CATEGORY_BASIS: text(
      'UK GDPR Article 9(2)(h): the processing is needed for health or social care, with the Data Protection Act 2018, Schedule 1, Part 1, paragraph 2.',
    ),
    PRIVACY_RETENTION: text(
      'We keep a record of your support for 6 years after your case closes. After that, we remove your name and contact details and keep only figures that cannot identify you.',
    ),
    PRIVACY_DPO_CONTACT: text(''),

    // sign-in
    SESSION_IDLE_MINUTES: wholeNumber(30, 3),
    SESSION_MAX_HOURS: wholeNumber(12),
    SIGN_IN_FREE_FAILURES: wholeNumber(3, 0),
    SIGN_IN_ADDRESS_FREE_FAILURES: wholeNumber(20, 0),
    SIGN_IN_MAX_DELAY_SECONDS: wholeNumber(300),
    TWO_STEP_REQUIRED: flag(true),
    TWO_STEP_KEY: z.preprocess(
      blankIsUnset,
      z
        .string()
        .trim()
        .refine((v) => /^[A-Za-z0-9+/]{43}=?$/.test(v) && Buffer.from(v, 'base64').length === 32, {
          error: 'must be 32 random bytes in base64 (openssl rand -base64 32)',
        })
        .optional(),
    ),

    // single sign-on over OpenID Connect (off while OIDC_ISSUER is unset; docs/security.md)
    OIDC_ISSUER: optionalUrl(),
    OIDC_CLIENT_ID: optionalText(),
    OIDC_CLIENT_SECRET: optionalText(),
    OIDC_BUTTON_LABEL: text("Sign in with your organisation's account"),
    OIDC_ALLOWED_DOMAINS: z.preprocess(
      blankIsUnset,
      z
        .string()
        .trim()
        .optional()
        .transform((v, ctx) => {
          if (v === undefined) return [];
          const domains = v
            .split(',')
            .map((d) => d.trim().toLowerCase().replace(/^@/, ''))
            .filter(Boolean);
          const bad = domains.find((d) => !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(d));
          if (bad !== undefined) {
            ctx.addIssue({
              code: 'custom',
              message: `must be a comma list of e-mail domains, like council.gov.uk,nhs.net ("${bad}" is not one)`,
              input: v,
            });
            return z.NEVER;
          }
          return domains;
        }),
    ),
    OIDC_TRUSTS_MFA: flag(false),
    OIDC_ALLOW_HTTP: flag(false),

    // directory
    STALE_WARNING_MONTHS: wholeNumber(6),
    STALE_HIDE_MONTHS: wholeNumber(12),
    STALE_REMINDER_DAYS: wholeNumber(28),
    MAP_TILE_URL: text('https://tile.openstreetmap.org/{z}/{x}/{y}.png'),
    MAP_ATTRIBUTION: text('&copy; OpenStreetMap contributors'),
    POSTCODE_LOOKUP: z.preprocess(
      (v) => {
        const s = blankIsUnset(v);
        return typeof s === 'string'
          ? s
              .trim()
              .toLowerCase()
              .replace(/^postcodesio$/, 'postcodes.io')
          : s;
      },
      z.enum(['local', 'postcodes.io'], { error: 'must be "local" or "postcodes.io"' }).default('local'),
    ),
    POSTCODES_IO_URL: z.preprocess(blankIsUnset, url().default('https://api.postcodes.io')),

    // open data (the Open Referral UK API at /api/oruk and the /data page)
    OPEN_DATA_LICENCE_NAME: text('Open Government Licence v3.0'),
    OPEN_DATA_LICENCE_URL: z.preprocess(
      blankIsUnset,
      url().default('https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/'),
    ),
    ORUK_RATE_LIMIT_PER_MINUTE: wholeNumber(1200),

    // referrals and triage
    REFERRAL_REMINDER_DAYS: wholeNumber(7),
    REFERRAL_EXPIRY_DAYS: wholeNumber(14),
    TRIAGE_TARGET_RED_DAYS: wholeNumber(2),
    TRIAGE_TARGET_AMBER_DAYS: wholeNumber(5),
    TRIAGE_TARGET_GREEN_DAYS: wholeNumber(10),
    CONTACT_ATTEMPTS_BEFORE_CLOSING: wholeNumber(3),

    // notifications (GOVUK_NOTIFY_TEMPLATE_<NAME> are looked up by name when a message is sent)
    NOTIFY_ADAPTER: z.preprocess(
      blankIsUnset,
      z.enum(['dev', 'smtp', 'govuk-notify'], { error: 'must be dev, smtp or govuk-notify' }).default('dev'),
    ),
    SMTP_URL: optionalText(),
    MAIL_FROM: optionalText(),
    GOVUK_NOTIFY_API_KEY: optionalText(),
    GOVUK_NOTIFY_EMAIL_TEMPLATE_ID: optionalText(),
    GOVUK_NOTIFY_SMS_TEMPLATE_ID: optionalText(),
    NOTIFY_MAX_ATTEMPTS: wholeNumber(10),
    NOTIFY_RETRY_BASE_SECONDS: wholeNumber(60),
    NOTIFY_RETRY_MAX_SECONDS: wholeNumber(6 * 60 * 60),

    // referrals in
    INTAKE_TEAM: optionalText(),
    REFERENCE_PREFIX: z.preprocess(
      (v) => {
        const s = blankIsUnset(v);
        return typeof s === 'string' ? s.trim().toUpperCase() : s;
      },
      z
        .string()
        .regex(/^[A-Z]{1,4}$/, { error: 'must be 1 to 4 letters' })
        .default('EB'),
    ),
    REFERRAL_RATE_PER_HOUR: wholeNumber(20),

    // security
    TRUSTED_PROXIES: z.preprocess(
      blankIsUnset,
      z
        .string()
        .trim()
        .optional()
        .transform((v, ctx) => {
          const parsed = parseTrustedProxies(v);
          if (typeof parsed === 'string') {
            ctx.addIssue({ code: 'custom', message: parsed, input: v });
            return z.NEVER;
          }
          return parsed;
        }),
    ),
    SEARCH_LOG_PER_ADDRESS_PER_HOUR: wholeNumber(60),
    SEARCH_LOG_PER_WORDS_PER_DAY: wholeNumber(20),
  })
  .transform((e) => ({ ...e, APP_BASE_URL: e.APP_BASE_URL ?? `http://localhost:${e.PORT}` }));

export type Env = Omit<z.output<typeof schema>, 'DEMO_MODE'> & { DEMO_MODE: boolean };

/**
 * Demo mode is opt-in except for the two-command quick start: with no DATABASE_URL and outside
 * production it is on; with DATABASE_URL or NODE_ENV=production it is off unless DEMO_MODE=true.
 */
export function demoModeFrom(explicit: boolean | undefined, source: EnvSource, databaseUrl: string | undefined): boolean {
  if (explicit !== undefined) return explicit;
  return !databaseUrl && source.NODE_ENV !== 'production';
}

/** Names of the variables this module reads. */
export const ENV_NAMES = Object.keys(schema.in.shape) as (keyof z.input<typeof schema>)[];

export class EnvError extends Error {
  constructor(readonly problems: { name: string; message: string }[]) {
    super(
      `The environment has ${problems.length === 1 ? 'a bad setting' : `${problems.length} bad settings`} (see .env.example):\n` +
        problems.map((p) => `  ${p.name} ${p.message}`).join('\n'),
    );
    this.name = 'EnvError';
  }
}

// Settings one notification adapter needs. Checked beside the schema rather than in a refinement,
// which zod runs only once every field is valid: the error must name every bad variable at once.
const ADAPTER_NEEDS: Record<string, string[]> = { smtp: ['SMTP_URL', 'MAIL_FROM'], 'govuk-notify': ['GOVUK_NOTIFY_API_KEY'] };

// Single sign-on needs its client, and talks to the identity provider over https except in
// development and tests (or when OIDC_ALLOW_HTTP=true says a local test provider is meant).
function oidcProblems(source: EnvSource): { name: string; message: string }[] {
  const issuer = blankIsUnset(source.OIDC_ISSUER);
  if (typeof issuer !== 'string') return [];
  const problems = ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET']
    .filter((name) => blankIsUnset(source[name]) === undefined)
    .map((name) => ({ name, message: 'must be set when OIDC_ISSUER is set' }));
  const local = source.NODE_ENV === 'development' || source.NODE_ENV === 'test';
  if (issuer.trim().toLowerCase().startsWith('http://') && !local && source.OIDC_ALLOW_HTTP?.trim() !== 'true')
    problems.push({
      name: 'OIDC_ISSUER',
      message: 'must be an https address (OIDC_ALLOW_HTTP=true allows http for local testing only)',
    });
  return problems;
}

/** Reads and checks every setting in `source`; throws one EnvError naming every bad variable. */
export function parseEnv(source: EnvSource): Env {
  const result = schema.safeParse(source);
  const problems = result.success
    ? []
    : result.error.issues.map((issue) => ({ name: String(issue.path[0] ?? 'environment'), message: issue.message }));
  const adapter = source.NOTIFY_ADAPTER?.trim() ?? '';
  for (const name of ADAPTER_NEEDS[adapter] ?? []) {
    if (blankIsUnset(source[name]) === undefined) problems.push({ name, message: `must be set when NOTIFY_ADAPTER=${adapter}` });
  }
  problems.push(...oidcProblems(source));
  if (result.success && problems.length === 0)
    return { ...result.data, DEMO_MODE: demoModeFrom(result.data.DEMO_MODE, source, result.data.DATABASE_URL) };
  throw new EnvError(problems);
}

// The process's settings, parsed at start-up and again only if a variable changes (tests set some).
let cached: { key: string; env: Env } | undefined;

/** This process's settings (process.env, checked). */
export function env(): Env {
  const key = [...ENV_NAMES, 'NODE_ENV'].map((name) => process.env[name] ?? '\u0000').join('\u0001');
  if (cached?.key !== key) cached = { key, env: parseEnv(process.env) };
  return cached.env;
}

/** Settings from `source`: this process's when it is process.env (the default), otherwise parsed anew. */
export function envFrom(source: EnvSource = process.env): Env {
  return source === process.env ? env() : parseEnv(source);
}
