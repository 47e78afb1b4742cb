// Which staff account an identity provider's answer names: pure rules over the token's claims, so
// unit tests cover every case without a provider. docs/decisions/0016-single-sign-on.md.

/** The claims we read, from the ID token and (for what it lacks) the userinfo endpoint. */
export type IdentityClaims = {
  sub: string;
  email?: unknown;
  email_verified?: unknown;
  preferred_username?: unknown;
  amr?: unknown;
};

export type EmailOutcome =
  | { ok: true; email: string }
  /** No e-mail the provider vouches for (or one it says is not verified). */
  | { ok: false; reason: 'unverified' }
  /** A verified e-mail, but outside OIDC_ALLOWED_DOMAINS. */
  | { ok: false; reason: 'domain' };

const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function asEmail(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const email = value.trim().toLowerCase();
  return email.length <= 320 && emailShape.test(email) ? email : null;
}

const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1);

/**
 * The e-mail address to match on. `email` counts when the provider says `email_verified` is true.
 * Microsoft Entra ID usually sends no `email_verified`; for it, `email` or else `preferred_username`
 * counts when its domain is one the borough listed in OIDC_ALLOWED_DOMAINS (domains the tenant
 * owns, where the provider itself issued the address). A provider that says `email_verified:
 * false` is believed. With a list, every address must be in one of its domains.
 */
export function emailFromClaims(claims: IdentityClaims, allowedDomains: readonly string[]): EmailOutcome {
  const inList = (email: string) => allowedDomains.includes(domainOf(email));
  const verified = claims.email_verified === true || claims.email_verified === 'true';
  const email = asEmail(claims.email);

  if (email && verified) {
    return allowedDomains.length === 0 || inList(email) ? { ok: true, email } : { ok: false, reason: 'domain' };
  }
  if (allowedDomains.length > 0 && claims.email_verified === undefined) {
    const candidate = [email, asEmail(claims.preferred_username)].find((e) => e !== null && inList(e));
    if (candidate) return { ok: true, email: candidate };
  }
  return { ok: false, reason: 'unverified' };
}

/** Whether the provider says it asked for more than one factor (`amr` holds "mfa", RFC 8176). */
export function providerUsedMfa(claims: Pick<IdentityClaims, 'amr'>): boolean {
  return Array.isArray(claims.amr) && claims.amr.includes('mfa');
}
