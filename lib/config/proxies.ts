// TRUSTED_PROXIES: which hops in front of the app may say who the client is. Unset trusts none (the
// socket's peer is the client); a number trusts that many hops nearest the app; a comma list of CIDRs
// trusts hops whose address falls in one of them. docs/security.md, "Proxies".
import { BlockList, isIP } from 'node:net';

export type TrustedProxies = { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'cidrs'; list: BlockList; text: string };

/** Reads the setting; a string is what is wrong with it. */
export function parseTrustedProxies(value: string | undefined): TrustedProxies | string {
  const v = value?.trim() ?? '';
  if (v === '' || v === '0') return { kind: 'none' };
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    return hops > 10 ? 'must be a number of hops from 0 to 10, or a comma list of CIDRs' : { kind: 'hops', hops };
  }
  const list = new BlockList();
  for (const part of v.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [address = '', prefixText, extra] = part.split('/');
    const family = isIP(address);
    const max = family === 4 ? 32 : 128;
    const prefix = prefixText === undefined ? max : Number(prefixText);
    if (!family || extra !== undefined || !/^\d{1,3}$/.test(prefixText ?? String(max)) || prefix > max)
      return `has "${part}", which is not an address or CIDR range (like 10.0.0.0/8 or fd00::/8)`;
    list.addSubnet(address, prefix, family === 4 ? 'ipv4' : 'ipv6');
  }
  return { kind: 'cidrs', list, text: v };
}

/** An address as the socket or a proxy wrote it, tidied: "::ffff:10.0.0.1" -> "10.0.0.1", "[::1]:80" -> "::1". */
export function normaliseAddress(raw: string): string {
  let a = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(':'));
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(a);
  if (mapped) a = mapped[1]!;
  return a.toLowerCase();
}

export function isTrusted(trust: TrustedProxies, address: string): boolean {
  if (trust.kind !== 'cidrs') return false;
  const family = isIP(address);
  return family !== 0 && trust.list.check(address, family === 4 ? 'ipv4' : 'ipv6');
}
