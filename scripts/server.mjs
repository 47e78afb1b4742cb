// The production server (npm start and the browser tests): Next.js's own request handler behind a
// plain HTTP server that appends the socket's peer to X-Forwarded-For, as a proxy would. Next sets
// that header from the socket only when the client did not send one, so without this a client
// could choose the address the rate limits count (lib/auth/request.ts reads the chain).
import { createServer } from 'node:http';
import next from 'next';
import { appendSocketAddress } from './forwarded.mjs';

process.env.NODE_ENV = 'production';
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || undefined;
const app = next({ dev: false, dir: process.cwd(), port, hostname });
const handle = app.getRequestHandler();
await app.prepare();
const server = createServer((req, res) => {
  appendSocketAddress(req);
  void handle(req, res);
});
server.listen(port, hostname, () => console.log(`[server] Listening on port ${port}`));
// On a stop, new requests are refused, those in hand finish, then the background jobs of this
// process (lib/jobs/in-process.ts keeps them on globalThis.__jobs) finish the job in hand and let
// go of their connections, before the database they use is stopped.
let stopping = false;
async function shutDown() {
  if (stopping) return;
  stopping = true;
  setTimeout(() => process.exit(0), 25_000).unref();
  await new Promise((resolve) => server.close(resolve));
  const jobs = await globalThis.__jobs;
  await jobs?.stop().catch((error) => console.error('[server] background jobs did not stop cleanly:', error.message));
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void shutDown());
