// The identity provider as openid-client sees it: its discovery document, fetched once per process
// (and again after a failure, so a provider that was down is tried afresh on the next sign-in).
import * as oidc from 'openid-client';

export type OidcSettings = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  buttonLabel: string;
  allowedDomains: readonly string[];
  trustsMfa: boolean;
  /** http issuers are refused by lib/config/env.ts outside development and tests unless this is set. */
  allowHttp: boolean;
  redirectUri: string;
};

const clients = new Map<string, Promise<oidc.Configuration>>();

/** openid-client's configuration for these settings (discovery at `${issuer}/.well-known/openid-configuration`). */
export function oidcClient(settings: OidcSettings): Promise<oidc.Configuration> {
  const cacheKey = `${settings.issuer}\u0000${settings.clientId}\u0000${settings.clientSecret}`;
  let client = clients.get(cacheKey);
  if (!client) {
    const insecure = new URL(settings.issuer).protocol === 'http:';
    // client_secret_basic: the default every provider supports (Entra ID included).
    client = oidc
      .discovery(new URL(settings.issuer), settings.clientId, undefined, oidc.ClientSecretBasic(settings.clientSecret), {
        execute: insecure ? [oidc.allowInsecureRequests] : [],
        timeout: 10,
      })
      .catch((error: unknown) => {
        clients.delete(cacheKey);
        throw error;
      });
    clients.set(cacheKey, client);
  }
  return client;
}
