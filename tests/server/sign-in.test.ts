import { createServer as createNetServer } from 'node:net';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessConfigSchema, type AccessConfig } from '../../src/server/access';
import { startServer, type RunningServer } from '../../src/server/start-server';
import { OidcSignIn } from '../../src/server/sign-in/oidc-sign-in';
import { oidcSettingsSchema } from '../../src/server/sign-in/oidc-settings';
import { BrowserJar, firstForm } from './browser-jar';
import { saveRequest, tempDir } from './fixtures';
import { startOpenIdProvider, type StaffMember, type TestProvider } from './openid-provider';

async function freePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((done) => probe.listen(0, '127.0.0.1', () => done()));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((done) => probe.close(() => done()));
  return port;
}

const dir = tempDir('vagval-sign-in-');
const machineToken = 'maskinnyckel-for-tester';
let provider: TestProvider;
let vagval: RunningServer;
let base: string;
const lines: string[] = [];
const others: Array<{ close: () => Promise<void> }> = [];

function accessFor(issuer: string, port: number, clientId = 'vagval'): AccessConfig {
  const secretFile = join(dir.path, `${clientId}-secret`);
  writeFileSync(secretFile, `${clientId}-secret-for-tests-only\n`);
  return accessConfigSchema.parse({
    headerIdentity: false,
    users: [{ name: 'statistikjobb', roles: ['auditor'], tokenSha256: createHash('sha256').update(machineToken).digest('hex') }],
    oidc: {
      issuer,
      clientId,
      clientSecretFile: secretFile,
      redirectUri: `http://127.0.0.1:${port}/auth/callback`,
      scopes: ['openid', 'profile', 'groups'],
      mappings: [
        { claim: 'groups', value: 'vagval-upphandlare-ljungby', roles: ['procurer'], organisations: ['ljungby'] },
        { claim: 'groups', value: 'vagval-revisorer', roles: ['auditor'] },
      ],
    },
  });
}

async function startVagval(access: (port: number) => AccessConfig, name: string) {
  const port = await freePort();
  const server = await startServer({ dataDir: join(dir.path, name), port, access: access(port), log: (line) => lines.push(line) });
  others.push(server);
  return { server, base: `http://127.0.0.1:${port}` };
}

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  provider = await startOpenIdProvider(`${base}/auth/callback`, `${base}/auth/signed-out`);
  vagval = await startServer({ dataDir: join(dir.path, 'data'), port, access: accessFor(provider.issuer, port), log: (line) => lines.push(line) });
});

afterAll(async () => {
  await vagval?.close();
  for (const o of others) await o.close();
  await provider?.close();
  dir.remove();
});

/** Vägval's sign-in up to the provider's answer at the callback, which the test then sends (or tampers with). */
async function throughProvider(jar: BrowserJar, who: StaffMember, from = base, change: (authorize: URL) => URL = (u) => u): Promise<URL> {
  const start = await jar.request(`${from}/auth/sign-in?to=/register`);
  expect(start.status).toBe(302);
  const authorize = change(new URL(start.headers.get('location')!));
  const atCallback = (next: URL) => next.pathname === '/auth/callback';
  let { response, url } = await jar.follow(authorize.href, {}, atCallback);
  if (response.status === 200) {
    const { action, fields } = firstForm(await response.text(), url);
    fields.set('login', who);
    fields.set('password', 'vilket-som-helst');
    ({ response, url } = await jar.follow(action.href, { method: 'POST', body: fields.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } }, atCallback));
  }
  expect(url.pathname, await response.clone().text()).toBe('/auth/callback');
  return url;
}

async function signIn(who: StaffMember): Promise<BrowserJar> {
  const jar = new BrowserJar();
  const callback = await throughProvider(jar, who);
  const done = await jar.request(callback.href);
  expect(done.status, await done.clone().text()).toBe(303);
  expect(done.headers.get('location')).toBe('/register');
  return jar;
}

const api = (jar: BrowserJar, path: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}) => jar.request(`${base}${path}`, init);
const saveAs = (jar: BrowserJar) => api(jar, '/api/decisions', { method: 'POST', body: JSON.stringify(saveRequest()), headers: { 'content-type': 'application/json' } });

describe('signing in with the organisation\'s accounts', () => {
  it('signs a procurer in with a code, PKCE, state and nonce, and the register knows her, her role and her organisation', async () => {
    const jar = await signIn('anna.upphandlare');
    const identities = await (await api(jar, '/api/identities')).json();
    expect(identities).toMatchObject({ headerIdentity: false, users: [], signIn: { signedIn: { user: 'anna.upphandlare', roles: ['procurer'], organisations: ['ljungby'], via: 'oidc' } } });
    const saved = await saveAs(jar);
    expect(saved.status).toBe(201);
    expect((await saved.json()).savedBy).toEqual({ user: 'anna.upphandlare', role: 'procurer' });
    expect((await api(jar, '/api/access-log')).status).toBe(403);
    const other = saveRequest({ ...saveRequest().answers, organisation: 'motala' });
    expect((await api(jar, '/api/decisions', { method: 'POST', body: JSON.stringify(other), headers: { 'content-type': 'application/json' } })).status).toBe(403);
  });
});

describe('each role signed in has its own rights', () => {
  it('an auditor reads and verifies every organisation\'s records but saves none', async () => {
    const jar = await signIn('rolf.revisor');
    expect(await (await api(jar, '/api/me')).json()).toEqual({ user: 'rolf.revisor', role: 'auditor', organisations: [] });
    expect((await api(jar, '/api/decisions')).status).toBe(200);
    expect((await api(jar, '/api/decisions/1/verify')).status).toBe(200);
    expect((await saveAs(jar)).status).toBe(403);
    // The role header chooses among the signed-in user's own roles; it gives none he lacks.
    expect((await api(jar, '/api/decisions', { headers: { 'x-vagval-role': 'admin' } })).status).toBe(403);
  });

  it('the session cookie is HttpOnly, SameSite=Lax, not Secure only because this is plain HTTP on loopback, and lasts the configured hours', async () => {
    const jar = await signIn('rolf.revisor');
    const line = jar.setCookies.find((c) => c.startsWith('vagval-session='))!;
    expect(line).toMatch(/HttpOnly/);
    expect(line).toMatch(/SameSite=Lax/);
    expect(line).toMatch(/Max-Age=28800/);
    expect(line).not.toMatch(/Secure/);
    const behindTls = new OidcSignIn(oidcSettingsSchema.parse({ issuer: 'https://login.example.se/tenant/v2.0', clientId: 'x', redirectUri: 'https://vagval.example.se/auth/callback', mappings: [{ claim: 'groups', value: 'g', roles: ['auditor'] }] }), { log: () => {} });
    expect(behindTls.cookieName).toBe('__Host-vagval-session');
  });

  it('one in no group of Vägval\'s is signed in at the provider but refused in Swedish, with no session', async () => {
    const jar = new BrowserJar();
    const done = await jar.request((await throughProvider(jar, 'olle.obehorig')).href);
    expect(done.status).toBe(403);
    const page = await done.text();
    expect(page).toContain('Du har ingen behörighet i Vägval');
    expect(page).not.toMatch(/at \w+ \(|Error:/);
    expect(jar.get('vagval-session')).toBeUndefined();
    expect((await api(jar, '/api/me')).status).toBe(401);
    expect(lines.some((l) => l.includes('"olle.obehorig" matches no mapping'))).toBe(true);
  });
});

describe('a shared server that signs its users in believes nothing else about who is asking', () => {
  it('refuses identity headers, and a missing or unknown session gets 401 and no one\'s data', async () => {
    const headers = { 'x-vagval-user': 'anna.upphandlare', 'x-vagval-role': 'procurer' };
    const bare = new BrowserJar();
    expect((await api(bare, '/api/decisions', { headers })).status).toBe(401);
    const forged = new BrowserJar();
    forged.set('vagval-session', 'gissad-sessionsnyckel');
    const answer = await api(forged, '/api/decisions', { headers });
    expect(answer.status).toBe(401);
    expect((await answer.json()).message).toContain('sign in again');
    expect(await (await api(forged, '/api/identities')).json()).toEqual({ headerIdentity: false, users: [], signIn: { signedIn: null } });
    expect(await (await api(bare, '/api/health')).json()).toMatchObject({ identityMode: 'sign-in' });
  });

  it('an access file asking for sign-in and header identity both does not load', () => {
    const parsed = accessConfigSchema.safeParse({ ...accessFor(provider.issuer, 1), headerIdentity: true });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.message).toContain('must be false when oidc is set');
  });

  it('an API token still works for machines and scripts', async () => {
    const jar = new BrowserJar();
    expect((await api(jar, '/api/decisions', { headers: { authorization: `Bearer ${machineToken}` } })).status).toBe(200);
  });
});

describe('a session is kept beside the register, not in the process', () => {
  it('a restart signs no one out, and the file keeps only a hash of the cookie', async () => {
    const jar = await signIn('anna.upphandlare');
    const cookie = jar.get('vagval-session')!;
    await vagval.close();
    const port = Number(new URL(base).port);
    vagval = await startServer({ dataDir: join(dir.path, 'data'), port, access: accessFor(provider.issuer, port), log: (line) => lines.push(line) });
    expect(await (await api(jar, '/api/me')).json()).toEqual({ user: 'anna.upphandlare', role: 'procurer', organisations: ['ljungby'] });
    const file = readFileSync(join(dir.path, 'data', 'sign-in-sessions.sqlite')).toString('latin1');
    expect(file).not.toContain(cookie);
  });
});

describe('signing out ends the session at Vägval and at the provider', () => {
  it('the old cookie is worth nothing afterwards, and the next sign-in asks for the password again', async () => {
    const jar = await signIn('anna.upphandlare');
    const cookie = jar.get('vagval-session')!;
    const out = await api(jar, '/auth/sign-out', { method: 'POST' });
    expect(out.status).toBe(303);
    const endSession = new URL(out.headers.get('location')!);
    expect(endSession.origin).toBe(provider.issuer);
    expect(endSession.searchParams.get('id_token_hint')).toBeTruthy();
    const replayed = new BrowserJar();
    replayed.set('vagval-session', cookie);
    expect((await api(replayed, '/api/me')).status).toBe(401);
    // The provider asks to confirm, then sends the browser back to Vägval's signed-out page.
    const confirm = await jar.follow(endSession.href);
    const { action, fields } = firstForm(await confirm.response.text(), confirm.url);
    fields.set('logout', 'yes');
    const back = await jar.follow(action.href, { method: 'POST', body: fields.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(back.url.href).toBe(`${base}/auth/signed-out`);
    expect(await back.response.text()).toContain('Du är utloggad');
    const again = await jar.follow((await jar.request(`${base}/auth/sign-in`)).headers.get('location')!);
    expect(await again.response.text()).toContain('name="password"');
  });
});

describe('an answer that cannot be trusted signs no one in, and says so in Swedish', () => {
  const notCompleted = async (jar: BrowserJar, callback: URL, why: string) => {
    const done = await jar.request(callback.href);
    expect(lines.at(-1)).toContain(why);
    expect(done.status).toBe(400);
    const page = await done.text();
    expect(page).toContain('Inloggningen kunde inte slutföras');
    expect(jar.get('vagval-session')).toBeUndefined();
  };

  it('a wrong state', async () => {
    const jar = new BrowserJar();
    const callback = await throughProvider(jar, 'anna.upphandlare');
    callback.searchParams.set('state', 'en-annan-inloggnings-state');
    await notCompleted(jar, callback, 'unexpected "state"');
  });

  it('a wrong nonce in the ID token', async () => {
    const jar = new BrowserJar();
    const callback = await throughProvider(jar, 'anna.upphandlare', base, (u) => {
      u.searchParams.set('nonce', 'en-annan-nonce');
      return u;
    });
    await notCompleted(jar, callback, '"nonce" claim');
  });

  it('an expired code', async () => {
    provider.setCodeLifetime(1);
    try {
      const jar = new BrowserJar();
      const callback = await throughProvider(jar, 'anna.upphandlare');
      await new Promise((done) => setTimeout(done, 2100));
      await notCompleted(jar, callback, 'invalid_grant');
    } finally {
      provider.setCodeLifetime(60);
    }
  });

  it('a code given to another of the organisation\'s services (another audience)', async () => {
    const jar = new BrowserJar();
    const callback = await throughProvider(jar, 'anna.upphandlare', base, (u) => {
      u.searchParams.set('client_id', 'other-app');
      return u;
    });
    await notCompleted(jar, callback, 'invalid_grant');
  });

  it('a callback replayed, or one this browser never started', async () => {
    const jar = new BrowserJar();
    const callback = await throughProvider(jar, 'anna.upphandlare');
    expect((await jar.request(callback.href)).status).toBe(303);
    const replay = await jar.request(callback.href);
    expect(replay.status).toBe(400);
    expect(await replay.text()).toContain('hittar ingen påbörjad inloggning');
  });

  it('a provider whose discovery names another issuer than the access file', async () => {
    // A server that hands on the real provider's discovery document, which names the real issuer, not this address.
    const relay: Server = createServer((req, res) => {
      void fetch(`${provider.issuer}${req.url}`).then(async (r) => {
        res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'application/json' });
        res.end(await r.text());
      });
    });
    await new Promise<void>((done) => relay.listen(0, '127.0.0.1', () => done()));
    others.push({ close: () => new Promise<void>((done) => relay.close(() => done())) });
    const foreign = `http://127.0.0.1:${(relay.address() as AddressInfo).port}`;
    const { base: other } = await startVagval((port) => accessFor(foreign, port), 'foreign-issuer');
    const answer = await new BrowserJar().request(`${other}/auth/sign-in`);
    expect(answer.status).toBe(503);
    expect(await answer.text()).toContain('är inte överens om hur inloggningen ska gå till');
    expect(lines.some((l) => l.startsWith('sign-in: not-configured-right') && l.includes('issuer'))).toBe(true);
  });
});

describe('a provider that is down', () => {
  it('gets a Swedish page saying sign-in is not possible now, and the register and what it holds are untouched', async () => {
    const down = `http://127.0.0.1:${await freePort()}`;
    const { server, base: other } = await startVagval((port) => accessFor(down, port), 'provider-down');
    const token = { authorization: `Bearer ${machineToken}` };
    const before = await (await fetch(`${other}/api/decisions`, { headers: token })).json();
    const answer = await new BrowserJar().request(`${other}/auth/sign-in`);
    expect(answer.status).toBe(503);
    const page = await answer.text();
    expect(page).toContain('Inloggning går inte just nu');
    expect(page).toContain('Inget som redan är sparat i beslutsregistret har påverkats');
    expect(page).not.toMatch(/ECONNREFUSED|at \w+ \(/);
    expect(await (await fetch(`${other}/api/decisions`, { headers: token })).json()).toEqual(before);
    expect((await server.store.writeHealth()).ok).toBe(true);
  });
});
