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
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
