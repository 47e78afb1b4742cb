// Who did what to which record, and when. Every read of a person's record is recorded too, so a
// person (or their coordinator) can see who looked. The detail never carries personal data: ids,
// statuses, counts and field names only.
import { randomUUID } from 'node:crypto';
import type { Tx } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/client';
import type { Role } from '@/lib/db/generated/enums';

/** Whoever acted: any signed-in user fits (audit sits below auth, which records its sign-ins here). */
export type AuditActor = { id: string; role: Role };

export type AuditInput = {
  actor: AuditActor | null;
  /** Dotted verb, e.g. `person.viewed`, `case.assigned`, `auth.signed_in`. */
  action: string;
  entityType: string;
  entityId?: string;
  personId?: string;
  detail?: Record<string, unknown>;
  /** When it happened; defaults to now (jobs and tests pass their own clock). */
  at?: Date;
};

// Keys whose values are (or may be) about a person; matched word by word, so `fieldNames` or
// `toStatus` pass while `name`, `personName`, `contact_phone` or `note` are dropped.
const personalWords = new Set([
  'name',
  'fullname',
  'firstname',
  'lastname',
  'surname',
  'email',
  'phone',
  'mobile',
  'telephone',
  'postcode',
  'address',
  'dob',
  'birth',
  'age',
  'gender',
  'ethnicity',
  'disability',
  'nhs',
  'note',
  'notes',
  'message',
  'comment',
  'comments',
  'matters',
  'strengths',
  'goals',
  'text',
  'password',
  'token',
  'secret',
  'contact',
  'ip',
]);

const emailLike = /[^\s@]+@[^\s@]+\.[^\s@]+/;
const postcodeLike = /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/i;
const phoneChars = /^\+?[\d\s().-]+$/;
const uuidLike = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_STRING = 120;

function words(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

function isPersonalKey(key: string): boolean {
  return words(key).some((w) => personalWords.has(w));
}

function safeString(value: string): boolean {
  if (uuidLike.test(value)) return true;
  return value.length <= MAX_STRING && !emailLike.test(value) && !postcodeLike.test(value) && !looksLikePhone(value);
}

function looksLikePhone(value: string): boolean {
  return phoneChars.test(value) && value.replace(/\D/g, '').length >= 10;
}

type Json = Prisma.InputJsonValue | null;
const DROP = Symbol('drop');

function clean(value: unknown, path: string, depth: number, redacted: string[]): Json | typeof DROP {
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : DROP;
  if (typeof value === 'string') return safeString(value) ? value : DROP;
  if (value instanceof Date) return value.toISOString();
  if (depth >= 3) return DROP;
  if (Array.isArray(value)) {
    const items = value.map((v) => clean(v, path, depth + 1, redacted));
    return items.includes(DROP) ? DROP : (items as Prisma.InputJsonValue);
  }
  if (typeof value === 'object') {
    const out: Record<string, Json> = {};
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      if (v === undefined) continue;
      const at = path ? `${path}.${key}` : key;
      const c = isPersonalKey(key) ? DROP : clean(v, at, depth + 1, redacted);
      if (c === DROP) redacted.push(at);
      else out[key] = c;
    }
    return out;
  }
  return DROP;
}

/**
 * Keeps only what is safe to store: keys that do not name personal data, short strings that do
 * not look like an e-mail address, postcode or phone number, numbers, booleans, dates and ids.
 * Dropped keys are listed (by name only) under `_redacted` so the omission is visible.
 */
export function sanitiseDetail(detail: Record<string, unknown>): Record<string, Json> {
  const redacted: string[] = [];
  const out = clean(detail, '', 0, redacted) as Record<string, Json>;
  if (redacted.length > 0) out._redacted = redacted;
  return out;
}

export async function recordAudit(tx: Tx, e: AuditInput): Promise<void> {
  const detail = sanitiseDetail(e.detail ?? {});
  // A plain INSERT (no RETURNING): every view of a record writes one, so it is kept cheap.
  await tx.$executeRaw`
    INSERT INTO "AuditEvent" (id, "actorId", "actorRole", action, "entityType", "entityId", "personId", detail, "createdAt")
    VALUES (${randomUUID()}::uuid, ${e.actor?.id ?? null}::uuid, ${e.actor?.role ?? null}, ${e.action}, ${e.entityType}, ${e.entityId ?? null},
            ${e.personId ?? null}::uuid, ${JSON.stringify(detail)}::jsonb, ${e.at ?? new Date()}::timestamp(3))`;
}

/** One person a screen listed by name, and the record the line is about. */
export type ListedPerson = { personId: string; entityType: string; entityId: string };

/**
 * Records that a screen listed these people by name: one entry per person, written in one INSERT
 * so a long list costs one round trip. `action` says which screen (`caseload.listed`).
 */
export async function recordPeopleListed(
  tx: Tx,
  actor: AuditActor,
  action: string,
  people: readonly ListedPerson[],
  at: Date = new Date(),
): Promise<void> {
  if (people.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO "AuditEvent" (id, "actorId", "actorRole", action, "entityType", "entityId", "personId", detail, "createdAt")
    SELECT gen_random_uuid(), ${actor.id}::uuid, ${actor.role}, ${action}, t.kind, t.entity, t.person::uuid, '{}'::jsonb, ${at}::timestamp(3)
    FROM unnest(${people.map((p) => p.entityType)}::text[], ${people.map((p) => p.entityId)}::text[], ${people.map((p) => p.personId)}::text[])
      AS t(kind, entity, person)`;
}

export type AuditEntry = {
  id: string;
  at: Date;
  action: string;
  entityType: string;
  entityId: string | null;
  /** Who it was, as they are now (null for the system or an account since removed). */
  actor: { id: string; name: string; role: string | null } | null;
  /** The role they had when they did it. */
  actorRoleThen: string | null;
  detail: Prisma.JsonValue;
};

/** Everything done to or with one person's record, newest first: "who viewed this record". */
export async function listAuditForPerson(tx: Tx, personId: string, limit = 500): Promise<AuditEntry[]> {
  // One statement with the actor's name (the case page asks this for coordinators).
  const rows = await tx.$queryRaw<
    Array<{
      id: string;
      at: Date;
      action: string;
      entityType: string;
      entityId: string | null;
      actorRoleThen: string | null;
      detail: Prisma.JsonValue;
      actorId: string | null;
      actorName: string | null;
      actorRole: string | null;
    }>
  >`
    SELECT a.id, a."createdAt" AS at, a.action, a."entityType", a."entityId", a."actorRole" AS "actorRoleThen", a.detail,
           u.id AS "actorId", u.name AS "actorName", u.role::text AS "actorRole"
    FROM "AuditEvent" a
    LEFT JOIN "User" u ON u.id = a."actorId"
    WHERE a."personId" = ${personId}::uuid
    ORDER BY a."createdAt" DESC, a.id DESC
    LIMIT ${limit}`;
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    actor: r.actorId ? { id: r.actorId, name: r.actorName ?? '', role: r.actorRole } : null,
    actorRoleThen: r.actorRoleThen,
    detail: r.detail,
  }));
}
