// The headers every page is sent with (proxy.ts sets them per request). Scripts run only with this
// request's nonce ('strict-dynamic' lets Next's own scripts load the chunks they need); styles
// allow inline style attributes, which Leaflet and Recharts set on the elements they draw (styles
// cannot run code; docs/security.md says so). Map tiles come from the configured tile host only.

/** A fresh nonce for one response: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The origin(s) images may come from for a tile URL template: "https://{s}.tile.example.org/{z}/..."
 * -> "https://*.tile.example.org". Nothing for a template that is not a web address.
 */
export function tileSources(tileUrl: string): string[] {
  const m = /^(https?):\/\/([^/?#]+)/i.exec(tileUrl.trim());
  if (!m) return [];
  const host = m[2]!.toLowerCase().replace(/^\{[a-z]+\}\./, '*.');
  // Any other placeholder in the host cannot be expressed; leave tiles to 'self' rather than widen.
  if (/[{}]/.test(host)) return [];
  return [`${m[1]!.toLowerCase()}://${host}`];
}

export type PolicyOptions = {
  nonce: string;
  tileUrl: string;
  development?: boolean;
  /** The service is reached over https: ask browsers to fetch everything over it. */
  https?: boolean;
};

export function contentSecurityPolicy({ nonce, tileUrl, development = false, https = false }: PolicyOptions): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    // React's development build needs eval for its debugging information; production never does.
    'script-src': ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:', ...tileSources(tileUrl)],
    'font-src': ["'self'"],
    'connect-src': ["'self'", ...(development ? ['ws:'] : [])],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    'frame-src': ["'none'"],
    'worker-src': ["'self'", 'blob:'],
    'manifest-src': ["'self'"],
  };
  const parts = Object.entries(directives).map(([name, values]) => `${name} ${values.join(' ')}`);
  if (https) parts.push('upgrade-insecure-requests');
  return parts.join('; ');
}

/** Strict-Transport-Security when the service's address is https (a year, subdomains included). */
export function strictTransportSecurity(baseUrl: string): string | null {
  return baseUrl.toLowerCase().startsWith('https://') ? 'max-age=31536000; includeSubDomains' : null;
}

/**
 * Whether a POST to a page (a server action) comes from this site. Browsers send Origin with every
 * POST; none at all is a hand-made request, which carries no one's cookies but its sender's.
 */
export function isSameOriginPost(origin: string | null, host: string | null): boolean {
  if (!origin) return true;
  if (!host) return false;
  try {
    return new URL(origin).host.toLowerCase() === host.toLowerCase();
  } catch {
    return false;
  }
}

/** The page a cross-origin form post gets instead of the 500 Next gives it. */
export function crossOriginRefusalPage(serviceName: string, baseUrl: string): string {
  const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Form not accepted - ${esc(serviceName)}</title></head>
<body><main><h1>We did not accept that form</h1>
<p>It was sent from another website. If you were using ${esc(serviceName)}, go back to our site, reload the page and try again.</p>
<p><a href="${esc(baseUrl)}">Go to ${esc(serviceName)}</a></p></main></body></html>`;
}
