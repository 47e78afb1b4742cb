// TRUSTED_PROXIES: which hops in front of the app may say who the client is. Unset trusts none (the
// socket's peer is the client); a number trusts that many hops nearest the app; a comma list of CIDRs
// trusts hops whose address falls in one of them. docs/security.md, "Proxies".
// Pure (no node:net): lib/config is read by modules that client components import too.

type Range = { family: 4 | 6; base: bigint; prefix: number };
export type TrustedProxies = { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'cidrs'; ranges: Range[]; text: string };

/** An IPv4 or IPv6 address as a number, with its family; null when it is not one. */
export function parseAddress(text: string): { family: 4 | 6; value: bigint } | null {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4) {
    const parts = v4.slice(1).map(Number);
    if (parts.some((p) => p > 255)) return null;
    return { family: 4, value: parts.reduce((acc, p) => (acc << 8n) | BigInt(p), 0n) };
  }
  if (!text.includes(':') || !/^[0-9a-f:.]+$/i.test(text)) return null;
  let groups: string[];
  let tail: bigint[] = [];
  let body = text;
  const embedded = /^(.*:)(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  if (embedded) {
    const four = parseAddress(embedded[2]!);
    if (!four) return null;
    tail = [four.value >> 16n, four.value & 0xffffn];
    body = embedded[1]!.endsWith('::') ? embedded[1]! : embedded[1]!.slice(0, -1);
  }
  const halves = body.split('::');
  if (halves.length > 2) return null;
  const left = halves[0] ? halves[0].split(':') : [];
  const right = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const want = 8 - tail.length;
  if (halves.length === 2) {
    const missing = want - left.length - right.length;
    if (missing < 1) return null;
    groups = [...left, ...Array<string>(missing).fill('0'), ...right];
  } else groups = left;
  if (groups.length !== want || groups.some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return null;
  const all = [...groups.map((g) => BigInt(parseInt(g, 16))), ...tail];
  return { family: 6, value: all.reduce((acc, g) => (acc << 16n) | g, 0n) };
}

function inRange(range: Range, address: { family: 4 | 6; value: bigint }): boolean {
  if (range.family !== address.family) return false;
  const bits = BigInt(range.family === 4 ? 32 : 128);
  const shift = bits - BigInt(range.prefix);
  return address.value >> shift === range.base >> shift;
}

/** Reads the setting; a string is what is wrong with it. */
export function parseTrustedProxies(value: string | undefined): TrustedProxies | string {
  const v = value?.trim() ?? '';
  if (v === '' || v === '0') return { kind: 'none' };
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    return hops > 10 ? 'must be a number of hops from 0 to 10, or a comma list of CIDRs' : { kind: 'hops', hops };
  }
  const ranges: Range[] = [];
  for (const part of v
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [address = '', prefixText, extra] = part.split('/');
    const parsed = parseAddress(address.toLowerCase());
    const max = parsed?.family === 4 ? 32 : 128;
    const prefix = prefixText === undefined ? max : Number(prefixText);
    if (!parsed || extra !== undefined || !/^\d{1,3}$/.test(prefixText ?? String(max)) || prefix > max)
      return `has "${part}", which is not an address or CIDR range (like 10.0.0.0/8 or fd00::/8)`;
    ranges.push({ family: parsed.family, base: parsed.value, prefix });
  }
  return { kind: 'cidrs', ranges, text: v };
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
  const parsed = parseAddress(address);
  return parsed !== null && trust.ranges.some((r) => inRange(r, parsed));
}
