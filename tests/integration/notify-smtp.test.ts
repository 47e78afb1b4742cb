// The SMTP adapter against a real SMTP server on localhost (smtp-server, on a free port): a queued
// message arrives with its subject, text and reference; a recipient the server refuses with a 5xx
// is a permanent failure on the outbox row, a 4xx is tried again later.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/client';
import { enqueueRendered } from '@/lib/notify';
import { smtpAdapter } from '@/lib/notify/adapters/smtp';
import { deliverDue } from '@/lib/notify/deliver';
import { requestReceived } from '@/lib/notify/templates';
import { freshDatabase } from '../helpers/db';

type Received = { from: string; to: string[]; raw: string };

let database: Awaited<ReturnType<typeof freshDatabase>>;
let db: Db;
let server: SMTPServer;
let port: number;
const received: Received[] = [];
/** Recipients the server refuses at RCPT TO, with the reply code. */
const refuse = new Map<string, number>();

const t0 = new Date('2026-11-23T09:00:00Z');
const policy = { maxAttempts: 5, baseDelayMs: 60_000, maxDelayMs: 3_600_000, leaseMs: 300_000 };
const reference = 'EB-F9Q6-7JJX';

beforeAll(async () => {
  database = await freshDatabase();
  db = database.db;
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const code = refuse.get(address.address);
      if (!code) return callback();
      const error = Object.assign(new Error(code >= 500 ? 'No such mailbox here' : 'Mailbox busy, try later'), {
        responseCode: code,
      });
      callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await database?.drop();
});

beforeEach(async () => {
  received.length = 0;
  refuse.clear();
  await db.notification.deleteMany();
});

const adapter = () => smtpAdapter({ url: `smtp://127.0.0.1:${port}`, from: 'Connect <no-reply@connect.example>' });

async function queue(recipient: string) {
  const rendered = requestReceived({
    reference,
    byCarer: false,
    contactHow: 'by email',
    contactWithinDays: 10,
    contactBy: new Date('2026-12-07T00:00:00Z'),
  });
  return enqueueRendered(db, { recipient, rendered, payload: { reference } }, t0);
}

/** The headers and the plain-text body of a message as it arrived, decoded. */
function parse(raw: string): { headers: Record<string, string>; text: string } {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const at = line.indexOf(':');
    headers[line.slice(0, at).toLowerCase()] = line.slice(at + 1).trim();
  }
  let body = rest.join('\n\n');
  if (/quoted-printable/i.test(headers['content-transfer-encoding'] ?? '')) {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    body = Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return { headers, text: body.replace(/\r\n/g, '\n') };
}

describe('the SMTP adapter with a real SMTP server', () => {
  it('delivers the message with its subject, text and reference, and marks it sent', async () => {
    const { id } = await queue('margaret@example.com');
    expect(await deliverDue(db, adapter(), t0, { policy })).toEqual({ claimed: 1, sent: 1, retrying: 0, failed: 0 });

    expect(received).toHaveLength(1);
    const [mail] = received;
    expect(mail.from).toBe('no-reply@connect.example');
    expect(mail.to).toEqual(['margaret@example.com']);
    const { headers, text } = parse(mail.raw);
    expect(headers.subject).toBe(`We have your request for help: ${reference}`);
    expect(headers['x-outbox-id']).toBe(id);
    expect(text).toContain(`Your reference is ${reference}.`);
    expect(text).toContain('What happens next');

    const row = await db.notification.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(row.providerRef).toMatch(/@/);
  });

  it('marks a recipient the server refuses (550) as failed at once, without the address in the error', async () => {
    refuse.set('nobody@example.com', 550);
    const { id } = await queue('nobody@example.com');
    expect(await deliverDue(db, adapter(), t0, { policy })).toEqual({ claimed: 1, sent: 0, retrying: 0, failed: 1 });
    const row = await db.notification.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row.lastError).toContain('SMTP 550');
    expect(row.lastError).not.toContain('nobody@example.com');
    expect(received).toHaveLength(0);
    // Failed for good: a later run does not try it again.
    expect(await deliverDue(db, adapter(), new Date(t0.getTime() + 86_400_000), { policy })).toMatchObject({ claimed: 0 });
  });

  it('tries a recipient the server turns away for now (450) again later', async () => {
    refuse.set('busy@example.com', 450);
    const { id } = await queue('busy@example.com');
    expect(await deliverDue(db, adapter(), t0, { policy })).toEqual({ claimed: 1, sent: 0, retrying: 1, failed: 0 });
    const row = await db.notification.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'queued', attempts: 1 });
    expect(row.lastError).toContain('SMTP 450');
    expect(row.nextAttemptAt.getTime()).toBe(t0.getTime() + policy.baseDelayMs);

    refuse.clear();
    expect(await deliverDue(db, adapter(), new Date(t0.getTime() + policy.baseDelayMs), { policy })).toMatchObject({ sent: 1 });
    expect(received.map((m) => m.to)).toEqual([['busy@example.com']]);
  });
});
