import { describe, expect, it } from 'vitest';
import { clientIp } from '@/lib/auth/request';
import { parseAddress, parseTrustedProxies, type TrustedProxies } from '@/lib/config/proxies';
import { appendSocketAddress } from '../../scripts/forwarded.mjs';

function trust(v: string): TrustedProxies {
  const t = parseTrustedProxies(v);
  if (typeof t === 'string') throw new Error(t);
  return t;
}

/** The headers the app sees once the server has stamped the socket's peer. */
function arriving(peer: string, headers: Record<string, string> = {}) {
  const req = { headers: { ...headers } as Record<string, string | string[] | undefined>, socket: { remoteAddress: peer } };
  appendSocketAddress(req);
  return req.headers;
}

describe('the client address', () => {
  it('is the socket peer when no proxy is trusted, whatever X-Forwarded-For the client sends', () => {
    const none = trust('');
    expect(clientIp(arriving('203.0.113.9'), none)).toBe('203.0.113.9');
    expect(clientIp(arriving('203.0.113.9', { 'x-forwarded-for': '198.51.100.1' }), none)).toBe('203.0.113.9');
    expect(clientIp(arriving('203.0.113.9', { 'x-forwarded-for': '1.1.1.1, 2.2.2.2' }), none)).toBe('203.0.113.9');
    expect(clientIp(arriving('203.0.113.9', { 'x-real-ip': '7.7.7.7' }), none)).toBe('203.0.113.9');
    expect(clientIp(arriving('::ffff:10.1.2.3'), none)).toBe('10.1.2.3');
  });

  it('believes as many hops as TRUSTED_PROXIES counts, and no more', () => {
    // client -> load balancer (10.0.0.5) -> app; the client forged an entry of its own first.
    const headers = arriving('10.0.0.5', { 'x-forwarded-for': '6.6.6.6, 203.0.113.9' });
    expect(clientIp(headers, trust('1'))).toBe('203.0.113.9');
    expect(clientIp(headers, trust('2'))).toBe('6.6.6.6');
    expect(clientIp(headers, trust('9'))).toBe('6.6.6.6');
  });

  it('skips hops inside the trusted CIDR ranges, stopping at the first outside them', () => {
    const headers = arriving('10.0.0.5', { 'x-forwarded-for': '6.6.6.6, 203.0.113.9, 172.16.4.4' });
    expect(clientIp(headers, trust('10.0.0.0/8, 172.16.0.0/12'))).toBe('203.0.113.9');
    expect(clientIp(headers, trust('10.0.0.0/8'))).toBe('172.16.4.4');
    expect(clientIp(arriving('fd00::1', { 'x-forwarded-for': '2001:db8::7' }), trust('fd00::/8'))).toBe('2001:db8::7');
  });

  it('refuses a TRUSTED_PROXIES it cannot read', () => {
    expect(parseTrustedProxies('10.0.0.0/33')).toMatch(/not an address or CIDR/);
    expect(parseTrustedProxies('proxy.internal')).toMatch(/not an address or CIDR/);
    expect(parseTrustedProxies('11')).toMatch(/hops/);
    expect(parseTrustedProxies('0')).toEqual({ kind: 'none' });
  });
});

describe('addresses', () => {
  it('reads IPv4 and IPv6 in their usual spellings', () => {
    expect(parseAddress('10.0.0.1')).toEqual({ family: 4, value: 0x0a000001n });
    expect(parseAddress('256.0.0.1')).toBeNull();
    expect(parseAddress('::1')).toEqual({ family: 6, value: 1n });
    expect(parseAddress('2001:db8::7')?.value).toBe((0x20010db8n << 96n) | 7n);
    expect(parseAddress('::ffff:10.0.0.1')?.value).toBe((0xffffn << 32n) | 0x0a000001n);
    expect(parseAddress('1:2:3:4:5:6:7:8:9')).toBeNull();
    expect(parseAddress('1::2::3')).toBeNull();
    expect(parseAddress('proxy.internal')).toBeNull();
  });
});
