import pino, { type DestinationStream, type Logger } from 'pino';
import { config } from '@/lib/config';

// Keys that may hold personal data. Any value under these keys, at any of the first three levels
// of a log object, is replaced before it is written.
export const PERSONAL_KEYS = [
  'name',
  'fullName',
  'firstName',
  'lastName',
  'email',
  'phone',
  'mobile',
  'telephone',
  'address',
  'address1',
  'address2',
  'postcode',
  'password',
  'passwordHash',
  'newPassword',
  'currentPassword',
  'token',
  'secret',
  'dateOfBirth',
  'dob',
  'whatMatters',
  'strengths',
  'goals',
  'actions',
  'notes',
  'note',
  'contactNotes',
  'summary',
  'referrerName',
  'referrerEmail',
  'referrerPhone',
  'recipient',
  'gender',
  'ethnicity',
  'disability',
  'authorization',
  'cookie',
] as const;

/** Keys that carry a request's body or form; logError drops them rather than redacting field by field. */
const BODY_KEYS = new Set(['body', 'formData', 'form', 'input', 'values', 'data', 'payload', 'sharedInfo', 'req', 'request']);

// "message" is left out on purpose: an error's message must survive. Free-text messages people write
// travel in request bodies, which logError drops.
const redactPaths = PERSONAL_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

/** The app's logger settings; tests pass their own destination to read what would be written. */
export function createLogger(destination?: DestinationStream, level: string = config.logLevel): Logger {
  const options = {
    level,
    base: { app: 'community-connect' },
    redact: { paths: redactPaths, censor: '[redacted]' },
    serializers: { err: pino.stdSerializers.err },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination ? pino(options, destination) : pino(options);
}

// One logger per process (dev reloads would otherwise make a new one per change).
const holder = globalThis as unknown as { __logger?: Logger };
export const logger: Logger = (holder.__logger ??= createLogger());

/** A logger that tags each line with the module it came from. */
export function loggerFor(module: string): Logger {
  return logger.child({ module });
}

export type SafeError = { type: string; message: string; stack?: string; digest?: string; code?: string; cause?: string };

/** The parts of an error worth logging: type, message, stack, Next's digest and a code; never attached data. */
export function safeError(err: unknown): SafeError {
  if (err instanceof Error) {
    const extra = err as Error & { digest?: unknown; code?: unknown };
    const cause = err.cause instanceof Error ? `${err.cause.name}: ${err.cause.message}` : undefined;
    return {
      type: err.name,
      message: err.message,
      stack: err.stack,
      ...(typeof extra.digest === 'string' ? { digest: extra.digest } : {}),
      ...(typeof extra.code === 'string' ? { code: extra.code } : {}),
      ...(cause ? { cause } : {}),
    };
  }
  return { type: typeof err, message: typeof err === 'string' ? err : 'Non-error value thrown' };
}

/**
 * Logs an error with some context (ids, routes, counts), leaving out request bodies and form data
 * whatever they are called, so a person's details never reach the log even by accident.
 */
export function logError(
  err: unknown,
  context: Record<string, unknown> = {},
  message = 'Unexpected error',
  log: Logger = logger,
): void {
  const safeContext: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(context)) {
    if (!BODY_KEYS.has(key)) safeContext[key] = value;
  }
  // Under `error`, not `err`: pino's err serializer would copy every enumerable property back in.
  log.error({ ...safeContext, error: safeError(err) }, message);
}
