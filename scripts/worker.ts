// The background jobs on their own (`tsx scripts/worker.ts`), for a deployment that runs the web
// app with JOBS_IN_PROCESS=false. Stops cleanly on SIGTERM/SIGINT, finishing the job in hand.
import { env } from '../lib/config';
import { startJobs } from '../lib/jobs';
import { logError, loggerFor } from '../lib/log/logger';

const log = loggerFor('worker');

async function main() {
  const url = env().DATABASE_URL;
  if (!url) {
    console.error('DATABASE_URL is not set');
    process.exit(1);
  }
  const jobs = await startJobs(url);
  log.info('worker running');
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'worker stopping');
    try {
      await jobs.stop();
    } finally {
      process.exit(0);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error) => {
  logError(error, { module: 'worker' }, 'Worker failed to start');
  process.exit(1);
});
