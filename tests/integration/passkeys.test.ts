// Passkeys against a software authenticator: a P-256 key made here, answering WebAuthn's
// challenges byte for byte as a browser and a security key would ("none" attestation).
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/client';
import {
  hasPasskey,
  passkeyAuthenticationOptions,
  passkeyRegistrationOptions,
  registerPasskey,
  relyingPartyFor,
  verifyPasskey,
} from '@/lib/auth/two-step/passkeys';
import { CODE_ATTEMPTS } from '@/lib/auth/two-step/service';
import { freshDatabase, type FreshDatabase } from '../helpers/db';

// The smallest CBOR encoder the attestation needs: integers, byte and text strings, maps.
function cbor(value: unknown): Buffer {
  const head = (major: number, n: number) => {
    if (n < 24) return Buffer.from([(major << 5) | n]);
    if (n < 256) return Buffer.from([(major << 5) | 24, n]);
    const b = Buffer.alloc(3);
    b[0] = (major << 5) | 25;
    b.writeUInt16BE(n, 1);
    return b;
  };
  if (typeof value === 'number') return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === 'string') return Buffer.concat([head(3, Buffer.byteLength(value)), Buffer.from(value)]);
  if (Buffer.isBuffer(value)) return Buffer.concat([head(2, value.length), value]);
  if (value instanceof Map) {
    return Buffer.concat([head(5, value.size), ...[...value].flatMap(([k, v]) => [cbor(k), cbor(v)])]);
  }
  throw new Error('cbor: unsupported value');
}

const b64u = (b: Buffer) => b.toString('base64url');
const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest();

class SoftwareKey {
  readonly id = randomBytes(16);
  private readonly keys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  private counter = 0;
  constructor(private readonly privateKey: KeyObject = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey) {}

  private authData(rpId: string, flags: number, extra = Buffer.alloc(0)) {
    const count = Buffer.alloc(4);
    count.writeUInt32BE(this.counter);
    return Buffer.concat([sha256(rpId), Buffer.from([flags]), count, extra]);
  }

  create(options: { challenge: string; rp: { id?: string } }, origin: string) {
    const jwk = this.keys.publicKey.export({ format: 'jwk' });
    const cose = cbor(
      new Map<number, unknown>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, Buffer.from(jwk.x!, 'base64url')],
        [-3, Buffer.from(jwk.y!, 'base64url')],
      ]),
    );
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(this.id.length);
    const attested = Buffer.concat([Buffer.alloc(16), idLength, this.id, cose]);
    const authData = this.authData(options.rp.id!, 0x45, attested); // user present, verified, attested data
    const clientData = Buffer.from(
      JSON.stringify({ type: 'webauthn.create', challenge: options.challenge, origin, crossOrigin: false }),
    );
    return {
      id: b64u(this.id),
      rawId: b64u(this.id),
      type: 'public-key' as const,
      response: {
        clientDataJSON: b64u(clientData),
        attestationObject: b64u(
          cbor(
            new Map<string, unknown>([
              ['fmt', 'none'],
              ['attStmt', new Map()],
              ['authData', authData],
            ]),
          ),
        ),
        transports: ['usb' as const],
      },
      clientExtensionResults: {},
    };
  }

  get(
    options: { challenge: string; rpId?: string },
    origin: string,
    { signWith = this.keys.privateKey, counter = this.counter + 1 } = {},
  ) {
    this.counter = counter;
    const authData = this.authData(options.rpId!, 0x05);
    const clientData = Buffer.from(
      JSON.stringify({ type: 'webauthn.get', challenge: options.challenge, origin, crossOrigin: false }),
    );
    const signature = sign('sha256', Buffer.concat([authData, sha256(clientData)]), signWith);
    return {
      id: b64u(this.id),
      rawId: b64u(this.id),
      type: 'public-key' as const,
      response: { clientDataJSON: b64u(clientData), authenticatorData: b64u(authData), signature: b64u(signature) },
      clientExtensionResults: {},
    };
  }

  /** Another key pair: signatures from it are a forgery. */
  get stranger() {
    return this.privateKey;
  }
}

let database: FreshDatabase;
let db: Db;
const rp = relyingPartyFor('https://connect.eastbrook.example', 'Eastbrook Community Connect');
const T0 = new Date('2026-12-02T09:00:00.000Z');
let n = 0;

async function makeUser() {
  const u = await db.user.create({
    data: { email: `pk${++n}@council.example`, name: `PK ${n}`, passwordHash: 'x', role: 'coordinator' },
  });
  return { id: u.id, email: u.email, role: u.role };
}

async function registered() {
  const user = await makeUser();
  const key = new SoftwareKey();
  const options = await passkeyRegistrationOptions(db, user, rp);
  expect(await registerPasskey(db, user, key.create(options, rp.origin), options.challenge, rp, T0)).toEqual({ ok: true });
  return { user, key };
}

beforeAll(async () => {
  database = await freshDatabase();
  db = database.db;
});

afterAll(async () => {
  await database?.drop();
});

describe('passkeys', () => {
  it('registers a key that answers our challenge for this site, and audits it', async () => {
    const { user } = await registered();
    expect(await hasPasskey(db, user.id)).toBe(true);
    const stored = await db.passkey.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.transports).toEqual(['usb']);
    expect(await db.auditEvent.count({ where: { entityId: user.id, action: 'auth.two_step.passkey_added' } })).toBe(1);
  });

  it('refuses a registration for another challenge or another site', async () => {
    const user = await makeUser();
    const key = new SoftwareKey();
    const options = await passkeyRegistrationOptions(db, user, rp);
    expect(await registerPasskey(db, user, key.create(options, rp.origin), 'another-challenge', rp, T0)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(await registerPasskey(db, user, key.create(options, 'https://evil.example'), options.challenge, rp, T0)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(await hasPasskey(db, user.id)).toBe(false);
  });

  it('accepts a signed challenge, and refuses a forged signature, a stale counter and another user', async () => {
    const { user, key } = await registered();
    const options = await passkeyAuthenticationOptions(db, user.id, rp);
    expect(options.allowCredentials?.map((c) => c.id)).toEqual([b64u(key.id)]);
    expect(await verifyPasskey(db, user, key.get(options, rp.origin), options.challenge, rp, T0)).toEqual({ ok: true });

    const again = await passkeyAuthenticationOptions(db, user.id, rp);
    expect(await verifyPasskey(db, user, key.get(again, rp.origin, { signWith: key.stranger }), again.challenge, rp, T0)).toEqual(
      {
        ok: false,
        reason: 'invalid',
      },
    );
    // The counter went back: a cloned key.
    expect(await verifyPasskey(db, user, key.get(again, rp.origin, { counter: 1 }), again.challenge, rp, T0)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(await verifyPasskey(db, user, key.get(again, rp.origin), 'old-challenge', rp, T0)).toEqual({
      ok: false,
      reason: 'invalid',
    });

    const other = await makeUser();
    expect(await verifyPasskey(db, other, key.get(again, rp.origin), again.challenge, rp, T0)).toEqual({
      ok: false,
      reason: 'invalid',
    });
    const actions = (await db.auditEvent.findMany({ where: { entityId: user.id } })).map((e) => e.action);
    expect(actions).toContain('auth.two_step.passkey_used');
    expect(actions).toContain('auth.two_step.passkey_refused');
  });

  it('shares the limit of wrong attempts with codes', async () => {
    const { user, key } = await registered();
    const options = await passkeyAuthenticationOptions(db, user.id, rp);
    for (let i = 0; i < CODE_ATTEMPTS; i++) {
      await verifyPasskey(db, user, key.get(options, rp.origin, { signWith: key.stranger }), options.challenge, rp, T0);
    }
    expect(await verifyPasskey(db, user, key.get(options, rp.origin), options.challenge, rp, T0)).toMatchObject({
      ok: false,
      reason: 'throttled',
    });
  });
});
