import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration } from 'oidc-provider';

/** The organisation's staff as its identity provider knows them: a group per role, one account in no group of Vägval's. */
export const staff = {
  'anna.upphandlare': { name: 'Anna Upphandlare', groups: ['vagval-upphandlare-ljungby'] },
  'rolf.revisor': { name: 'Rolf Revisor', groups: ['vagval-revisorer'] },
  'olle.obehorig': { name: 'Olle Obehörig', groups: ['ekonomi'] },
} as const;
export type StaffMember = keyof typeof staff;

export type TestProvider = { issuer: string; close: () => Promise<void>; setCodeLifetime: (seconds: number) => void };

/**
 * A real OpenID provider (oidc-provider, the certified Node.js implementation) on loopback, in this
 * process: discovery, authorization with PKCE, token, userinfo and RP-initiated logout as an
 * Entra ID or a federation bridge answers them, its development login form standing in for the
 * organisation's. Clients: `vagval`, with the redirect URI given, and `other-app`, another service
 * of the organisation sharing the same redirect URI, whose codes Vägval must not accept.
 */
export async function startOpenIdProvider(redirectUri: string, postLogoutRedirectUri: string): Promise<TestProvider> {
  const server: Server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let codeLifetime = 60;
  const client = (id: string) => ({
    client_id: id,
    client_secret: `${id}-secret-for-tests-only`,
    token_endpoint_auth_method: 'client_secret_post' as const,
    redirect_uris: [redirectUri],
    post_logout_redirect_uris: [postLogoutRedirectUri],
    response_types: ['code' as const],
    grant_types: ['authorization_code'],
  });
  const configuration: Configuration = {
    clients: [client('vagval'), client('other-app')],
    scopes: ['openid', 'profile', 'groups'],
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'], groups: ['groups'] },
    findAccount: (_ctx, id) => {
      const person = staff[id as StaffMember];
      if (!person) return undefined;
      return { accountId: id, claims: () => ({ sub: id, preferred_username: id, name: person.name, groups: [...person.groups] }) };
    },
    // The organisation's own services need no consent screen; only the login form stands between.
    loadExistingGrant: async (ctx) => {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope('openid profile groups');
      await grant.save();
      return grant;
    },
    ttl: { AuthorizationCode: () => codeLifetime, Interaction: 600, Grant: 3600, Session: 3600, AccessToken: 600, IdToken: 600 },
    cookies: { keys: ['test-provider-cookie-key-not-secret'] },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  };
  const provider = new Provider(issuer, configuration);
  server.on('request', provider.callback());
  return {
    issuer,
    setCodeLifetime: (seconds) => {
      codeLifetime = seconds;
    },
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
