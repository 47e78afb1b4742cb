import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  crossOriginRefusalPage,
  isSameOriginPost,
  newNonce,
  strictTransportSecurity,
  tileSources,
} from '@/lib/security/headers';

const directive = (policy: string, name: string) =>
  policy
    .split('; ')
    .find((d) => d.startsWith(`${name} `))
    ?.slice(name.length + 1)
    .split(' ');

describe('the security headers', () => {
  it('runs scripts only with this response’s nonce, never inline or eval in production', () => {
    const policy = contentSecurityPolicy({ nonce: 'abc123', tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png' });
    expect(directive(policy, 'script-src')).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(directive(policy, 'frame-ancestors')).toEqual(["'none'"]);
    expect(directive(policy, 'object-src')).toEqual(["'none'"]);
    expect(directive(policy, 'style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy).not.toContain('upgrade-insecure-requests');
    expect(contentSecurityPolicy({ nonce: 'n', tileUrl: '', https: true })).toContain('upgrade-insecure-requests');
    expect(directive(contentSecurityPolicy({ nonce: 'n', tileUrl: '', development: true }), 'script-src')).toContain(
      "'unsafe-eval'",
    );
  });

  it('lets map tiles come from the configured tile host only', () => {
    expect(tileSources('https://tile.openstreetmap.org/{z}/{x}/{y}.png')).toEqual(['https://tile.openstreetmap.org']);
    expect(tileSources('https://{s}.tiles.example.gov.uk/{z}/{x}/{y}.png')).toEqual(['https://*.tiles.example.gov.uk']);
    expect(tileSources('/tiles/{z}/{x}/{y}.png')).toEqual([]);
    const policy = contentSecurityPolicy({ nonce: 'n', tileUrl: 'https://maps.example.org:8443/{z}/{x}/{y}.png' });
    expect(directive(policy, 'img-src')).toEqual(["'self'", 'data:', 'blob:', 'https://maps.example.org:8443']);
  });

  it('makes a fresh nonce each time', () => {
    const a = newNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(a);
  });

  it('sends HSTS only when the service is on https', () => {
    expect(strictTransportSecurity('https://connect.example.gov.uk')).toBe('max-age=31536000; includeSubDomains');
    expect(strictTransportSecurity('http://localhost:3000')).toBeNull();
  });

  it('tells a form posted from another site apart from one posted here', () => {
    expect(isSameOriginPost('https://connect.example.gov.uk', 'connect.example.gov.uk')).toBe(true);
    expect(isSameOriginPost('https://evil.example', 'connect.example.gov.uk')).toBe(false);
    expect(isSameOriginPost('null', 'connect.example.gov.uk')).toBe(false);
    expect(isSameOriginPost(null, 'connect.example.gov.uk')).toBe(true);
    const page = crossOriginRefusalPage('A <b> service', 'https://connect.example.gov.uk');
    expect(page).toContain('A &#60;b&#62; service');
    expect(page).toContain('href="https://connect.example.gov.uk"');
  });
});
