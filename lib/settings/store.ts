// The admin's settings in the Setting table: one row per changed value (`settings.<section>.<name>`),
// and one version counter per section (`settings.<section>._version`) so a second admin saving over
// the first is told rather than silently winning.
import { recordAudit, type AuditActor } from '@/lib/audit/record';
import { env, settingsDefaults, type SettingsValues } from '@/lib/config';
import type { Tx } from '@/lib/db/client';
import { loggerFor } from '@/lib/log/logger';
import { logoVersion } from './logo';
import { fieldsOf, resolveSettings, type SectionName } from './registry';

const PREFIX = 'settings.';
const versionKey = (section: SectionName) => `${PREFIX}${section}._version`;
const log = loggerFor('settings');

export type LoadedSettings = {
  values: SettingsValues;
  versions: Record<SectionName, number>;
  /** The logo's version for its address (/api/logo?v=...), or null when there is no logo. */
  logo: string | null;
};

/** Every setting, read now from this client (no cache): the overrides over their defaults. */
export async function readSettings(tx: Tx): Promise<LoadedSettings> {
  const rows = await tx.setting.findMany({ where: { key: { startsWith: PREFIX } }, select: { key: true, value: true } });
  const logo = await logoVersion(tx);
  const { values, ignored } = resolveSettings(settingsDefaults(env()), rows);
  if (ignored.length) log.warn({ ignored }, 'Some stored settings no longer pass their checks; their defaults apply');
  const version = (section: SectionName) => {
    const v = rows.find((r) => r.key === versionKey(section))?.value;
    return typeof v === 'number' ? v : 0;
  };
  return { values, versions: { service: version('service'), timings: version('timings') }, logo };
}

export type SaveResult = { ok: true; changed: string[]; version: number } | { ok: false; reason: 'conflict'; version: number };

/**
 * Saves a section's values (already checked against its schema) if nobody has saved it since
 * `version`. Only values that differ from the default are stored, so a default changed later in the
 * environment still applies where the admin never chose otherwise. Audited with the old and new
 * values (long texts by length only).
 */
export async function saveSection<S extends SectionName>(
  tx: Tx,
  actor: AuditActor,
  section: S,
  input: SettingsValues[S],
  version: number,
  now: Date = new Date(),
): Promise<SaveResult> {
  // Row lock on the counter: two saves of one section queue here, and the second sees the new version.
  await tx.$executeRaw`INSERT INTO "Setting" (key, value, "updatedAt") VALUES (${versionKey(section)}, '0'::jsonb, ${now})
                       ON CONFLICT (key) DO NOTHING`;
  const [lock] = await tx.$queryRaw<
    { value: unknown }[]
  >`SELECT value FROM "Setting" WHERE key = ${versionKey(section)} FOR UPDATE`;
  const current = typeof lock?.value === 'number' ? lock.value : 0;
  if (current !== version) return { ok: false, reason: 'conflict', version: current };

  const before = (await readSettings(tx)).values[section] as Record<string, string | number>;
  const defaults = settingsDefaults(env())[section] as Record<string, string | number>;
  const next = input as Record<string, string | number>;
  const changes: { setting: string; from: string | number; to: string | number }[] = [];
  for (const f of fieldsOf(section)) {
    const value = next[f.name];
    if (value === before[f.name]) continue;
    changes.push(
      f.long
        ? { setting: f.key, from: `${String(before[f.name]).length} characters`, to: `${String(value).length} characters` }
        : { setting: f.key, from: before[f.name], to: value },
    );
    if (value === defaults[f.name]) await tx.setting.deleteMany({ where: { key: f.key } });
    else
      await tx.setting.upsert({
        where: { key: f.key },
        create: { key: f.key, value },
        update: { value },
      });
  }
  if (changes.length === 0) return { ok: true, changed: [], version: current };
  await tx.setting.update({ where: { key: versionKey(section) }, data: { value: current + 1 } });
  await recordAudit(tx, {
    actor,
    action: 'settings.changed',
    entityType: 'settings',
    entityId: section,
    detail: { changes },
    at: now,
  });
  return { ok: true, changed: changes.map((c) => c.setting), version: current + 1 };
}
