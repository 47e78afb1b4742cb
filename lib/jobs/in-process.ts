// Starts the jobs in the web server's process unless told not to. Production can set
// JOBS_IN_PROCESS=false and run scripts/worker.ts instead; running both is safe too.
import { env, envFrom, type EnvSource } from '../config';
import { logError } from '../log/logger';
import { startJobs, type Jobs } from './index';

// On globalThis so a dev reload keeps one set, and so the server (scripts/server.mjs) can stop them.
const holder = globalThis as unknown as { __jobs?: Promise<Jobs | null> };

export function jobsInProcessEnabled(source: EnvSource = process.env): boolean {
  const settings = envFrom(source);
  return settings.JOBS_IN_PROCESS && source.NEXT_PHASE !== 'phase-production-build' && Boolean(settings.DATABASE_URL);
}

/** The running jobs of this process, if any (for requestDelivery). */
export function inProcessJobs(): Promise<Jobs | null> {
  return holder.__jobs ?? Promise.resolve(null);
}

export async function startJobsInProcess(): Promise<void> {
  if (!jobsInProcessEnabled()) return;
  // Dev reloads may call register again; keep one set of workers per process.
  if (holder.__jobs) return;
  holder.__jobs = startJobs(env().DATABASE_URL!).catch((error) => {
    // The site must still serve pages; messages wait in the outbox until jobs run again.
    logError(error, { module: 'jobs' }, 'Background jobs did not start');
    holder.__jobs = undefined;
    return null;
  });
  await holder.__jobs;
}
