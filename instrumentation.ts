// Next's start-up hook: runs the background jobs inside the app's own process, so a single
// `npm start` is the whole service (see lib/jobs/in-process.ts and docs/decisions/0004).
export async function register() {
  // Written this way so the Edge build drops the import (and pg-boss with it) entirely.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    // A bad setting stops the server before it serves anything, naming every bad variable at once.
    const { env } = await import('./lib/config/env');
    env();
    const { startJobsInProcess } = await import('./lib/jobs/in-process');
    await startJobsInProcess();
    const { warmUpDatabase } = await import('./lib/db/client');
    void warmUpDatabase();
  }
}
