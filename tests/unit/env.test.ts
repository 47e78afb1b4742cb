import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ENV_NAMES, EnvError, env, parseEnv } from '@/lib/config/env';

function problems(source: Record<string, string>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.problems.map((p) => p.name);
    throw error;
  }
  throw new Error('parseEnv accepted the environment');
}

describe('the environment check', () => {
  it('takes the documented defaults when nothing is set, and treats blank as unset', () => {
    const e = parseEnv({});
    expect(e).toMatchObject({
      DATABASE_POOL_SIZE: 10,
      EMBEDDED_PG_PORT: 5433,
      EMBEDDED_PG_DIR: '.data/postgres',
      PORT: 3000,
      APP_BASE_URL: 'http://localhost:3000',
      LOG_LEVEL: 'info',
      DEMO_MODE: true,
      JOBS_IN_PROCESS: true,
      BOROUGH_NAME: 'Eastbrook',
      SESSION_IDLE_MINUTES: 30,
      SESSION_MAX_HOURS: 12,
      SIGN_IN_FREE_FAILURES: 3,
      STALE_REMINDER_DAYS: 28,
      POSTCODE_LOOKUP: 'local',
      POSTCODES_IO_URL: 'https://api.postcodes.io',
      NOTIFY_ADAPTER: 'dev',
      NOTIFY_RETRY_MAX_SECONDS: 21_600,
      REFERENCE_PREFIX: 'EB',
    });
    expect(e.DATABASE_URL).toBeUndefined();
    expect(e.INTAKE_TEAM).toBeUndefined();
    const blank = parseEnv({ PORT: '', BOROUGH_NAME: '   ', INTAKE_TEAM: ' ' });
    expect(blank).toMatchObject({ PORT: 3000, BOROUGH_NAME: 'Eastbrook' });
    expect(blank.INTAKE_TEAM).toBeUndefined();
  });

  it('is a demo only for the quick start: DATABASE_URL or NODE_ENV=production turn it off unless DEMO_MODE=true', () => {
    expect(parseEnv({}).DEMO_MODE).toBe(true);
    expect(parseEnv({ NODE_ENV: 'development' }).DEMO_MODE).toBe(true);
    expect(parseEnv({ DATABASE_URL: 'postgresql://db.example/cc' }).DEMO_MODE).toBe(false);
    expect(parseEnv({ NODE_ENV: 'production' }).DEMO_MODE).toBe(false);
    expect(parseEnv({ NODE_ENV: 'production', DEMO_MODE: 'true' }).DEMO_MODE).toBe(true);
    expect(parseEnv({ DATABASE_URL: 'postgresql://db.example/cc', DEMO_MODE: 'true' }).DEMO_MODE).toBe(true);
    expect(parseEnv({ DEMO_MODE: 'false' }).DEMO_MODE).toBe(false);
  });

  it('reads TRUSTED_PROXIES as none, a hop count or CIDR ranges, naming it when wrong', () => {
    expect(parseEnv({}).TRUSTED_PROXIES).toEqual({ kind: 'none' });
    expect(parseEnv({ TRUSTED_PROXIES: '1' }).TRUSTED_PROXIES).toEqual({ kind: 'hops', hops: 1 });
    expect(parseEnv({ TRUSTED_PROXIES: '10.0.0.0/8,fd00::/8' }).TRUSTED_PROXIES).toMatchObject({ kind: 'cidrs' });
    expect(problems({ TRUSTED_PROXIES: 'everyone' })).toEqual(['TRUSTED_PROXIES']);
  });

  it('derives the base address from the port unless APP_BASE_URL is set', () => {
    expect(parseEnv({ PORT: '8080' }).APP_BASE_URL).toBe('http://localhost:8080');
    expect(parseEnv({ PORT: '8080', APP_BASE_URL: 'https://connect.example.gov.uk' }).APP_BASE_URL).toBe(
      'https://connect.example.gov.uk',
    );
  });

  it('reads numbers, flags and tidied values', () => {
    const e = parseEnv({
      DEMO_MODE: 'false',
      JOBS_IN_PROCESS: 'false',
      DATABASE_POOL_SIZE: '4',
      REFERENCE_PREFIX: ' nb ',
      POSTCODE_LOOKUP: 'PostcodesIO',
      INTAKE_TEAM: ' PCN link workers ',
    });
    expect(e).toMatchObject({
      DEMO_MODE: false,
      JOBS_IN_PROCESS: false,
      DATABASE_POOL_SIZE: 4,
      REFERENCE_PREFIX: 'NB',
      POSTCODE_LOOKUP: 'postcodes.io',
      INTAKE_TEAM: 'PCN link workers',
    });
  });

  it('names every bad variable in one error', () => {
    const source = {
      PORT: 'eighty',
      DATABASE_POOL_SIZE: '5.5',
      SESSION_MAX_HOURS: '0',
      DEMO_MODE: 'yes',
      LOG_LEVEL: 'loud',
      APP_BASE_URL: 'not a url',
      REFERENCE_PREFIX: 'EB1',
      POSTCODE_LOOKUP: 'google',
      NOTIFY_ADAPTER: 'smtp',
    };
    expect(problems(source).sort()).toEqual(
      [
        'APP_BASE_URL',
        'DATABASE_POOL_SIZE',
        'DEMO_MODE',
        'LOG_LEVEL',
        'MAIL_FROM',
        'SESSION_MAX_HOURS',
        'PORT',
        'POSTCODE_LOOKUP',
        'REFERENCE_PREFIX',
        'SMTP_URL',
      ].sort(),
    );
    expect(problems({ NOTIFY_ADAPTER: 'smtp', PORT: '70000' }).sort()).toEqual(['MAIL_FROM', 'PORT', 'SMTP_URL']);
    expect(() => parseEnv(source)).toThrow(/^The environment has 10 bad settings/);
    expect(() => parseEnv(source)).toThrow(/^ {2}PORT must be a whole number$/m);
    expect(() => parseEnv(source)).toThrow(/^ {2}DATABASE_POOL_SIZE must be a whole number$/m);
    expect(() => parseEnv(source)).toThrow(/^ {2}SESSION_MAX_HOURS must be 1 or more$/m);
  });

  it('asks for each notification adapter’s settings', () => {
    expect(problems({ NOTIFY_ADAPTER: 'smtp', SMTP_URL: 'smtp://relay.example:25' })).toEqual(['MAIL_FROM']);
    expect(problems({ NOTIFY_ADAPTER: 'govuk-notify' })).toEqual(['GOVUK_NOTIFY_API_KEY']);
    expect(parseEnv({ NOTIFY_ADAPTER: 'govuk-notify', GOVUK_NOTIFY_API_KEY: 'key' }).NOTIFY_ADAPTER).toBe('govuk-notify');
  });

  describe("this process's settings", () => {
    const saved = process.env.REFERENCE_PREFIX;
    afterEach(() => {
      if (saved === undefined) delete process.env.REFERENCE_PREFIX;
      else process.env.REFERENCE_PREFIX = saved;
    });

    it('are read again when a variable changes', () => {
      process.env.REFERENCE_PREFIX = 'AB';
      expect(env().REFERENCE_PREFIX).toBe('AB');
      process.env.REFERENCE_PREFIX = 'CD';
      expect(env().REFERENCE_PREFIX).toBe('CD');
    });
  });

  it('covers every variable .env.example documents outside the tools section, and no other', () => {
    const example = readFileSync('.env.example', 'utf8');
    const appPart = example.slice(0, example.indexOf('# ---------- development and tests'));
    const documented = [...appPart.matchAll(/^#? ?([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]);
    expect([...new Set(documented)].sort()).toEqual([...ENV_NAMES].sort());
  });
});
