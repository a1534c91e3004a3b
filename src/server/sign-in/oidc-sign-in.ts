import { readFileSync } from 'node:fs';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import * as oidc from 'openid-client';
import type { Identity, Role } from '../../shared/decision-record';
import { isLoopbackHost } from '../security/identity-trust';
import { mapClaims } from './claim-mapping';
import type { OidcSettings } from './oidc-settings';
import { problemPage, signedOutPage, type SignInProblem } from './pages';
import { SessionStore, type Session } from './sessions';

const status: Record<SignInProblem, 400 | 403 | 503> = {
  'provider-down': 503,
  'not-configured-right': 503,
  'no-access': 403,
  'no-user-claim': 403,
  'refused-at-provider': 400,
  'not-completed': 400,
  'not-started': 400,
};

/** A provider that cannot be reached, as opposed to one that answers with something Vägval cannot accept. */
function unreachable(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (e.name === 'TimeoutError' || e.name === 'AbortError') return true;
    if (e instanceof TypeError && /fetch failed/i.test(e.message)) return true;
    if (/ECONNREFUSED|ECONNRESET|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT|EAI_AGAIN/.test(`${(e as { code?: string }).code ?? ''} ${e.message}`)) return true;
  }
  // A gateway in front of the provider answering 5xx, or a discovery document that is not JSON because a proxy answered.
  return error instanceof oidc.ResponseBodyError ? error.status >= 500 : false;
}

/** Only a path of this site: a sign-in link cannot send the browser on to another one afterwards. */
function safeReturn(to: string | undefined): string {
  return to && /^\/(?![/\\])[\w\-./?=&%#]*$/.test(to) ? to : '/';
}

/**
 * Single sign-on with the organisation's OpenID provider: authorization code with PKCE, state and
 * nonce (openid-client checks each), the provider's claims mapped to Vägval's roles and
 * organisations by the access file, a session in an HttpOnly, SameSite=Lax cookie (Secure unless
 * Vägval is reached over plain HTTP on loopback) with a bounded lifetime, and sign-out at Vägval
 * and at the provider (RP-initiated logout). The provider is asked for its discovery document at
 * the first sign-in, not at start, so a provider that is down does not keep the register from
 * starting; a failed discovery is tried again at the next sign-in.
 */
export class OidcSignIn {
  readonly sessions: SessionStore;
  readonly cookieName: string;
  private readonly secure: boolean;
  private configuration: Promise<oidc.Configuration> | undefined;

  constructor(
    private readonly settings: OidcSettings,
    private readonly options: { log: (line: string) => void; timeoutSeconds?: number; sessions?: SessionStore },
  ) {
    this.sessions = options.sessions ?? new SessionStore();
    const redirect = new URL(settings.redirectUri);
    this.secure = !(redirect.protocol === 'http:' && isLoopbackHost(redirect.hostname));
    // __Host-: the browser keeps it only when Secure, for the whole site and from this host alone.
    this.cookieName = this.secure ? '__Host-vagval-session' : 'vagval-session';
  }

  /** The origins a sign-out form may be redirected to (the Content-Security-Policy's form-action). */
  get providerOrigin(): string {
    return new URL(this.settings.issuer).origin;
  }

  private discover(): Promise<oidc.Configuration> {
    if (!this.configuration) {
      const issuer = new URL(this.settings.issuer);
      const secret = this.settings.clientSecretFile ? readFileSync(this.settings.clientSecretFile, 'utf8').trim() : undefined;
      this.configuration = oidc
        .discovery(issuer, this.settings.clientId, secret, secret ? oidc.ClientSecretPost(secret) : oidc.None(), {
          timeout: this.options.timeoutSeconds ?? 10,
          // The settings allow plain HTTP only for a provider on this computer (a test, a trial).
          ...(issuer.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : {}),
        })
        .catch((error: unknown) => {
          this.configuration = undefined;
          throw error;
        });
    }
    return this.configuration;
  }

  sessionOf(c: Context): Promise<Session | undefined> {
    return this.sessions.get(getCookie(c, this.cookieName));
  }

  /** Whether the request carries a session cookie at all (a known one or not). */
  hasSessionCookie(c: Context): boolean {
    return getCookie(c, this.cookieName) !== undefined;
  }

  private fail(c: Context, problem: SignInProblem, detail: unknown) {
    const said = detail instanceof oidc.ResponseBodyError || detail instanceof oidc.AuthorizationResponseError ? ` [${detail.error}${detail.error_description ? `: ${detail.error_description}` : ''}]` : '';
    const text = detail instanceof Error ? `${detail.name}: ${detail.message}${said}${detail.cause instanceof Error ? ` (${detail.cause.message})` : ''}` : String(detail);
    this.options.log(`sign-in: ${problem}: ${text}`);
    c.header('cache-control', 'no-store');
    return c.html(problemPage(problem), status[problem]);
  }

  private cookie(c: Context, name: string, value: string, maxAgeSeconds: number) {
    setCookie(c, name, value, { httpOnly: true, secure: this.secure, sameSite: 'Lax', path: '/', maxAge: maxAgeSeconds });
  }

  routes(): Hono {
    const app = new Hono();
    const pendingCookie = this.secure ? '__Host-vagval-sign-in' : 'vagval-sign-in';
    app.use('*', async (c, next) => {
      await next();
      c.header('cache-control', 'no-store');
    });

    app.get('/sign-in', async (c) => {
      let configuration: oidc.Configuration;
      try {
        configuration = await this.discover();
      } catch (error) {
        return this.fail(c, unreachable(error) ? 'provider-down' : 'not-configured-right', error);
      }
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const id = await this.sessions.startSignIn({ state, nonce, codeVerifier, returnTo: safeReturn(c.req.query('to')) });
      this.cookie(c, pendingCookie, id, 10 * 60);
      const url = oidc.buildAuthorizationUrl(configuration, {
        redirect_uri: this.settings.redirectUri,
        scope: this.settings.scopes.join(' '),
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return c.redirect(url.href, 302);
    });

    app.get('/callback', async (c) => {
      const pending = await this.sessions.takeSignIn(getCookie(c, pendingCookie));
      deleteCookie(c, pendingCookie, { path: '/', secure: this.secure });
      if (!pending) return this.fail(c, 'not-started', 'no sign-in under way for this browser');
      let configuration: oidc.Configuration;
      try {
        configuration = await this.discover();
      } catch (error) {
        return this.fail(c, unreachable(error) ? 'provider-down' : 'not-configured-right', error);
      }
      // The address the provider was told to answer at, whatever name the proxy in front gave the request.
      const current = new URL(this.settings.redirectUri);
      current.search = new URL(c.req.url).search;
      let claims: Record<string, unknown>;
      let idToken: string | undefined;
      try {
        const tokens = await oidc.authorizationCodeGrant(configuration, current, { pkceCodeVerifier: pending.codeVerifier, expectedState: pending.state, expectedNonce: pending.nonce, idTokenExpected: true });
        const idClaims = tokens.claims();
        if (!idClaims) return this.fail(c, 'not-completed', 'the token answer had no ID token');
        idToken = tokens.id_token;
        claims = { ...(await this.userInfo(configuration, tokens.access_token, idClaims.sub)), ...idClaims };
      } catch (error) {
        if (error instanceof oidc.AuthorizationResponseError) return this.fail(c, 'refused-at-provider', error);
        return this.fail(c, unreachable(error) ? 'provider-down' : 'not-completed', error);
      }
      const mapped = mapClaims(claims, this.settings.userClaim, this.settings.mappings);
      if (!mapped.ok) {
        const who = mapped.user ? `"${mapped.user}"` : `(no usable ${this.settings.userClaim} claim)`;
        return this.fail(c, mapped.reason === 'no-role' ? 'no-access' : 'no-user-claim', `${who} matches no mapping in the access file`);
      }
      const id = await this.sessions.open(mapped.user, this.settings.sessionHours, idToken);
      this.cookie(c, this.cookieName, id, Math.round(this.settings.sessionHours * 3600));
      this.options.log(`sign-in: ${mapped.user.user} signed in as ${mapped.user.roles.join(', ')}`);
      return c.redirect(pending.returnTo, 303);
    });

    app.post('/sign-out', async (c) => {
      const session = await this.sessions.close(getCookie(c, this.cookieName));
      deleteCookie(c, this.cookieName, { path: '/', secure: this.secure });
      const signedOut = this.settings.postLogoutRedirectUri ?? new URL('/auth/signed-out', this.settings.redirectUri).href;
      // Signed out at Vägval whatever the provider says; then at the provider too, where it offers that.
      let configuration: oidc.Configuration | undefined;
      try {
        configuration = await this.discover();
      } catch (error) {
        this.options.log(`sign-in: sign-out at the provider not possible: ${(error as Error).message}`);
      }
      if (session && configuration?.serverMetadata().end_session_endpoint) {
        const url = oidc.buildEndSessionUrl(configuration, { post_logout_redirect_uri: signedOut, ...(session.idToken ? { id_token_hint: session.idToken } : {}) });
        return c.redirect(url.href, 303);
      }
      return c.redirect('/auth/signed-out', 303);
    });

    app.get('/signed-out', (c) => c.html(signedOutPage()));
    return app;
  }

  /** Claims the provider gives only at its userinfo endpoint (oidc-provider by default; Entra ID puts groups in the ID token). */
  private async userInfo(configuration: oidc.Configuration, accessToken: string | undefined, sub: string): Promise<Record<string, unknown>> {
    if (!accessToken || !configuration.serverMetadata().userinfo_endpoint) return {};
    try {
      return await oidc.fetchUserInfo(configuration, accessToken, sub);
    } catch (error) {
      this.options.log(`sign-in: the provider's userinfo could not be read, the ID token's claims alone count: ${(error as Error).message}`);
      return {};
    }
  }
}

/**
 * The identity a session acts as: the role the request asks for (X-Vagval-Role, the role picker) if the
 * session holds it, else its first. The role header chooses among the signed-in user's own roles; it names no one.
 */
export function sessionIdentity(session: Session, wantedRole: string | undefined): { ok: true; identity: Identity } | { ok: false; reason: string } {
  const role = (wantedRole ?? session.roles[0]) as Role;
  if (!session.roles.includes(role)) return { ok: false, reason: `user "${session.user}" does not have the role "${wantedRole}"` };
  return { ok: true, identity: { user: session.user, role, organisations: session.organisations } };
}
