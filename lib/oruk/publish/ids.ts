// Ids for the ORUK records we have no row of our own for (an address, an accessibility feature, a
// cost option...): name-based UUIDs (RFC 9562 version 5) from the owning row's id and what the
// record is, so the same record has the same id in every response and every download.
import { createHash } from 'node:crypto';

// A fixed namespace for this service's derived ids (itself a random version 4 UUID).
const NAMESPACE = Buffer.from('4f0c7d5e9b2a4c8f8e1d3a6b5c7e9f01', 'hex');

export function derivedId(...parts: string[]): string {
  const hash = createHash('sha1').update(NAMESPACE).update(parts.join('\u0000')).digest();
  const b = hash.subarray(0, 16);
  b[6] = (b[6] & 0x0f) | 0x50;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
