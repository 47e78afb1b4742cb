// Starts the jobs in the web server's process unless told not to. Production can set
// JOBS_IN_PROCESS=false and run scripts/worker.ts instead; running both is safe too.
import { logError } from '../log/logger';
import { startJobs, type Jobs } from './index';

const holder = globalThis as unknown as { __jobs?: Promise<Jobs | null> };

export function jobsInProcessEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return env.JOBS_IN_PROCESS !== 'false' && env.NEXT_PHASE !== 'phase-production-build' && Boolean(env.DATABASE_URL);
}

/** The running jobs of this process, if any (for requestDelivery). */
export function inProcessJobs(): Promise<Jobs | null> {
  return holder.__jobs ?? Promise.resolve(null);
}

export async function startJobsInProcess(): Promise<void> {
  if (!jobsInProcessEnabled()) return;
  // Dev reloads may call register again; keep one set of workers per process.
  if (holder.__jobs) return;
  holder.__jobs = startJobs(process.env.DATABASE_URL!).catch((error) => {
    // The site must still serve pages; messages wait in the outbox until jobs run again.
    logError(error, { module: 'jobs' }, 'Background jobs did not start');
    holder.__jobs = undefined;
    return null;
  });
  await holder.__jobs;
}
