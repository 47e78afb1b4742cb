// Finding 7 of the security test: nothing restarted the embedded PostgreSQL if it died. Under
// `npm start` it is supervised: killed outright, it comes back on its own and says so.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedServer } from '@/lib/db/embedded';

let server: EmbeddedServer | undefined;
let dir: string | undefined;

afterAll(async () => {
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on('error', () => {});
  try {
    await client.connect();
    return (await client.query('SELECT 1 AS one')).rows[0]?.one === 1;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function postmasterPid(dataDir: string): Promise<number> {
  return Number((await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
}

it('restarts the embedded PostgreSQL after it is killed, and says so', async () => {
  // Under the project's .data (not a private temporary folder): as root, the server runs as the
  // postgres user, which must be able to reach its data folder.
  dir = path.resolve('.data', `supervise-${randomBytes(4).toString('hex')}`);
  await mkdir(dir, { recursive: true });
  const notices: string[] = [];
  let backAgain!: () => void;
  const back = new Promise<void>((resolve) => (backAgain = resolve));
  server = await startEmbeddedPostgres({
    dir: path.join(dir, 'data'),
    port: await freePort(),
    supervise: {
      notice: (m) => {
        notices.push(m);
        if (m.includes('running again')) backAgain();
      },
    },
  });
  const url = server.adminUrl();
  expect(await answers(url)).toBe(true);

  const pid = await postmasterPid(server.dir);
  process.kill(pid, 'SIGKILL');
  await back;

  expect(notices[0]).toBe('The embedded PostgreSQL stopped unexpectedly (SIGKILL); restarting it.');
  expect(await answers(url)).toBe(true);
  expect(await postmasterPid(server.dir)).not.toBe(pid);
}, 120_000);
