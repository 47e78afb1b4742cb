// Helpers shared by the start and test scripts: child processes, build freshness, shutdown.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const root = process.cwd();
export const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');

export function run(cmd: string, args: string[], opts: SpawnOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: 'inherit', ...opts });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited with ${signal ?? code}`)),
    );
  });
}

const sourceDirs = ['app', 'components', 'lib', 'public', 'prisma'];
const sourceFiles = [
  'next.config.js',
  'postcss.config.mjs',
  'package-lock.json',
  'tsconfig.json',
  'proxy.ts',
  'instrumentation.ts',
];

/** A fingerprint of everything that goes into `next build`, so a second start skips the build. */
export function sourceFingerprint(): string {
  const hash = createHash('sha256');
  const visit = (p: string) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      if (p.endsWith(`${path.sep}migrations`)) return;
      for (const name of readdirSync(p).sort()) visit(path.join(p, name));
    } else {
      hash.update(`${path.relative(root, p)}:${st.size}:${st.mtimeMs}\n`);
    }
  };
  for (const d of sourceDirs) visit(path.join(root, d));
  for (const f of sourceFiles) visit(path.join(root, f));
  return hash.digest('hex');
}

const fingerprintFile = path.join(root, '.next', 'source-fingerprint');

export async function buildIfNeeded(log: (m: string) => void): Promise<void> {
  const fingerprint = sourceFingerprint();
  const built =
    existsSync(path.join(root, '.next', 'BUILD_ID')) &&
    existsSync(fingerprintFile) &&
    readFileSync(fingerprintFile, 'utf8') === fingerprint;
  if (built) return log('Production build is up to date.');
  log('Building the app (first start, or the code changed). This takes a few minutes...');
  await run(process.execPath, [nextBin, 'build'], { env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  writeFileSync(fingerprintFile, fingerprint);
}

export function startNext(port: number, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [path.join(root, 'scripts', 'server.mjs')], {
    stdio: 'inherit',
    env: { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: '1' },
  });
}

/** Asks the server to stop and waits until it has (its jobs let go of the database first). */
export async function stopNext(server: ChildProcess, timeoutMs = 30_000): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), timeoutMs);
  await exited;
  clearTimeout(timer);
}

/** Waits until the server answers /api/health, or fails after the timeout. */
export async function waitForHealthy(baseUrl: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The app did not become healthy at ${baseUrl} within ${timeoutMs / 1000}s`);
}
