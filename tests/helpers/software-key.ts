// A software authenticator: a P-256 key made here, answering WebAuthn's challenges byte for byte as
// a browser and a security key would ("none" attestation), so the server half is tested without a
// browser. tests/e2e/passkeys.spec.ts uses Chromium's virtual authenticator instead.
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';

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

export const b64u = (b: Buffer) => b.toString('base64url');
const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest();

const clientData = (type: 'webauthn.create' | 'webauthn.get', challenge: string, origin: string) =>
  Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));

type Answer = { challenge?: string; origin: string };

export class SoftwareKey {
  readonly id = randomBytes(16);
  private readonly keys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  /** Another key pair: a signature from it is a forgery. */
  readonly stranger: KeyObject = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
  private counter = 0;

  private authData(rpId: string, flags: number, extra = Buffer.alloc(0)) {
    const count = Buffer.alloc(4);
    count.writeUInt32BE(this.counter);
    return Buffer.concat([sha256(rpId), Buffer.from([flags]), count, extra]);
  }

  /** navigator.credentials.create: `challenge` signs another challenge than the options'. */
  create(options: { challenge: string; rp: { id?: string } }, { origin, challenge = options.challenge }: Answer) {
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
    return {
      id: b64u(this.id),
      rawId: b64u(this.id),
      type: 'public-key' as const,
      response: {
        clientDataJSON: b64u(clientData('webauthn.create', challenge, origin)),
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

  /** navigator.credentials.get, signing with this key (or `signWith`) and moving the counter on (or to `counter`). */
  get(
    options: { challenge: string; rpId?: string },
    {
      origin,
      challenge = options.challenge,
      signWith = this.keys.privateKey,
      counter = this.counter + 1,
    }: Answer & {
      signWith?: KeyObject;
      counter?: number;
    },
  ) {
    this.counter = counter;
    const authData = this.authData(options.rpId!, 0x05);
    const data = clientData('webauthn.get', challenge, origin);
    const signature = sign('sha256', Buffer.concat([authData, sha256(data)]), signWith);
    return {
      id: b64u(this.id),
      rawId: b64u(this.id),
      type: 'public-key' as const,
      response: { clientDataJSON: b64u(data), authenticatorData: b64u(authData), signature: b64u(signature) },
      clientExtensionResults: {},
    };
  }
}
