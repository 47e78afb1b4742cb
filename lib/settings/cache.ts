// The one cache of the admin's settings in this process. `settings()` reloads from the database
// when the copy is older than TTL_MS (so another instance's save shows here within seconds), and a
// save in this process calls `invalidate()` and reloads at once. Each load is handed to lib/config,
// whose synchronous getters (`config.borough`, `config.referrals`, ...) the rest of the code reads.
// A later change can call invalidate() on a PostgreSQL NOTIFY from another instance.
import { setSettingsSnapshot, type SettingsValues } from '@/lib/config';
import { db, type Tx } from '@/lib/db/client';
import { logError } from '@/lib/log/logger';
import { readSettings, type LoadedSettings } from './store';

export const TTL_MS = 5_000;

type Cache = {
  loaded: LoadedSettings | null;
  at: number;
  pending: Promise<LoadedSettings> | null;
  generation: number;
  ttlMs: number;
};
const KEY = Symbol.for('community-connect.settings.cache');
const cache = ((globalThis as { [KEY]?: Cache })[KEY] ??= { loaded: null, at: 0, pending: null, generation: 0, ttlMs: TTL_MS });

/** How long a loaded copy is kept (tests lengthen it so a slow machine cannot expire it mid-test). */
export function setCacheTtl(ms: number = TTL_MS): void {
  cache.ttlMs = ms;
}

type Client = Tx;

async function load(client: Client): Promise<LoadedSettings> {
  const generation = cache.generation;
  const loaded = await readSettings(client);
  // A save while this read was on its way makes it stale: keep it for this caller only.
  if (generation === cache.generation) {
    cache.loaded = loaded;
    cache.at = Date.now();
    setSettingsSnapshot(loaded.values);
  }
  return loaded;
}

/**
 * The settings and each section's version, at most TTL_MS old (by default). Read through the app's
 * database client unless given another (the jobs have their own).
 */
export async function loadedSettings(client?: Client): Promise<LoadedSettings> {
  if (cache.loaded && Date.now() - cache.at < cache.ttlMs) return cache.loaded;
  cache.pending ??= load(client ?? db()).finally(() => {
    cache.pending = null;
  });
  try {
    return await cache.pending;
  } catch (error) {
    // The database out of reach must not take every page down: the last copy, or the defaults, stand.
    logError(error, { module: 'settings' }, 'Could not load the settings');
    if (cache.loaded) return cache.loaded;
    throw error;
  }
}

/** The settings, at most TTL_MS old; also refreshes what `config` returns synchronously. */
export async function settings(): Promise<SettingsValues> {
  return (await loadedSettings()).values;
}

/** Calls settings() and ignores a failure: for pages and jobs that can show the defaults instead. */
export async function refreshSettings(client?: Client): Promise<LoadedSettings | null> {
  try {
    return await loadedSettings(client);
  } catch {
    // Already logged; config keeps returning the last snapshot or the defaults.
    return null;
  }
}

/** Forgets the cached copy: the next settings() reads the database. */
export function invalidate(): void {
  cache.generation++;
  cache.loaded = null;
  cache.at = 0;
  cache.pending = null;
}

/** Back to the defaults everywhere in this process (tests). */
export function resetSettingsCache(): void {
  invalidate();
  setSettingsSnapshot(null);
}
