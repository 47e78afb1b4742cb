// A real OpenID Connect provider on localhost for the single sign-on tests: panva's oidc-provider
// with one confidential client, PKCE required, and a one-field login page of our own standing in
// for the organisation's sign-in (type an account's name, tick "used a second factor", continue).
// Accounts are looked up by that name; one not in the list is taken as a verified e-mail address.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export type TestAccount = {
  /** The subject the provider gives this account (default: the name typed). */
  sub?: string;
  email?: string;
  email_verified?: boolean;
  preferred_username?: string;
};

export type TestProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
};

export type TestProviderOptions = {
  /** Where the client may be sent back to (our /sign-in/oidc/callback). */
  redirectUris: string[];
  accounts?: Record<string, TestAccount>;
  port?: number;
  clientId?: string;
  clientSecret?: string;
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

async function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function loginPage(uid: string): string {
  return `<!doctype html><html lang="en"><head><title>Test identity provider</title></head><body>
<h1>Test identity provider</h1>
<form method="post" action="/interaction/${escapeHtml(uid)}">
<label for="login">Account</label> <input id="login" name="login" autocomplete="off">
<label><input type="checkbox" name="mfa" value="yes"> Used a second factor</label>
<button type="submit" name="action" value="login">Continue</button>
<button type="submit" name="action" value="cancel">Cancel</button>
</form></body></html>`;
}

export async function startTestProvider(options: TestProviderOptions): Promise<TestProvider> {
  const accounts = options.accounts ?? {};
  const clientId = options.clientId ?? 'community-connect';
  const clientSecret = options.clientSecret ?? 'a-test-client-secret-that-is-long-enough';

  const server: Server = createServer((req, res) => {
    void (async () => {
      // Requests come only once `provider` below exists: the issuer needs the port first.
      const match = /^\/interaction\/([^/?]+)/.exec(req.url ?? '');
      if (!match) return provider.callback()(req, res);
      const details = await provider.interactionDetails(req, res);
      if (req.method === 'GET') {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end(loginPage(details.uid));
        return;
      }
      const form = await formBody(req);
      if (form.get('action') === 'cancel') {
        await provider.interactionFinished(
          req,
          res,
          { error: 'access_denied', error_description: 'cancelled' },
          { mergeWithLastSubmission: false },
        );
        return;
      }
      const login = (form.get('login') ?? '').trim();
      const amr = form.get('mfa') === 'yes' ? ['pwd', 'mfa'] : ['pwd'];
      const accountId = accounts[login]?.sub ?? login;
      await provider.interactionFinished(req, res, { login: { accountId, amr } }, { mergeWithLastSubmission: false });
    })().catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const bySub = new Map<string, TestAccount & { login: string }>();
  for (const [login, account] of Object.entries(accounts)) bySub.set(account.sub ?? login, { ...account, login });

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    // amr under "openid": oidc-provider releases a claim of its own only when asked for by name,
    // while Entra ID and others put it in every ID token.
    claims: { openid: ['sub', 'amr'], email: ['email', 'email_verified'], profile: ['name', 'preferred_username'] },
    async findAccount(_ctx, sub) {
      const account = bySub.get(sub) ?? { login: sub, email: sub, email_verified: true };
      return {
        accountId: sub,
        async claims() {
          return {
            sub,
            ...(account.email !== undefined ? { email: account.email } : {}),
            ...(account.email_verified !== undefined ? { email_verified: account.email_verified } : {}),
            ...(account.preferred_username !== undefined ? { preferred_username: account.preferred_username } : {}),
          };
        },
      };
    },
    // A first-party client: no consent screen (oidc-provider's "skip consent" recipe).
    async loadExistingGrant(ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
    pkce: { required: () => true },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    features: { devInteractions: { enabled: false } },
    cookies: { keys: ['test-provider-cookie-key'] },
  });

  return {
    issuer,
    clientId,
    clientSecret,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
