import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lanHosts, startServer, type RunningServer } from '../../src/server/start-server';
import { saveRequest, tempDir } from './fixtures';
import { rawRequest } from './raw-request';
import { spawnServer, stopServer } from './spawn-server';

const admin = { 'x-vagval-user': 'admin', 'x-vagval-role': 'admin' };
const json = { 'content-type': 'application/json' };
const saveBody = JSON.stringify(saveRequest());

/** An address of this machine as a phone in the room would name it; a documentation address where the machine has none. */
const lanHost = lanHosts('0.0.0.0')[0] ?? '192.0.2.77';

let dirs: ReturnType<typeof tempDir>[] = [];
let running: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(running.map((s) => s.close()));
  running = [];
  for (const d of dirs) d.remove();
  dirs = [];
});

async function start(options: Parameters<typeof startServer>[0]) {
  const dir = tempDir('vagval-lan-');
  dirs.push(dir);
  const lines: string[] = [];
  const server = await startServer({ dataDir: dir.path, port: 0, log: (line) => lines.push(line), allowedHosts: lanHost, ...options });
  running.push(server);
  return { server, lines, dir, port: new URL(server.url).port, base: `http://127.0.0.1:${new URL(server.url).port}` };
}

describe('started as the workshop guide says (npm run workshop), the register is closed to the room', () => {
  it('refuses identity headers sent with the LAN address as Host, and says so at start in Swedish and English', async () => {
    const dir = tempDir('vagval-lan-main-');
    dirs.push(dir);
    const { child, url, output } = await spawnServer(dir.path, [], 20_000, { args: ['--lan'], env: { HOST: undefined, VAGVAL_ALLOWED_HOSTS: lanHost } });
    try {
      expect(output).toContain('Obs: Vägval lyssnar på 0.0.0.0');
      expect(output).toContain('identity headers (headerIdentity in the access file) are not accepted');
      const port = new URL(url).port;
      const host = `${lanHost}:${port}`;
      const save = await rawRequest(`${url}/api/decisions`, { method: 'POST', headers: { host, ...json, ...admin }, body: saveBody });
      expect(save.status).toBe(401);
      expect(JSON.parse(save.text).message).toContain('identity headers are not accepted');
      for (const path of ['/api/decisions', '/api/access-log', '/api/decisions/1', '/api/stats', '/api/me']) {
        expect((await rawRequest(`${url}${path}`, { headers: { host, ...admin } })).status, path).toBe(401);
      }
      const identities = JSON.parse((await rawRequest(`${url}/api/identities`, { headers: { host } })).text);
      expect(identities).toEqual({ headerIdentity: false, users: [] });
    } finally {
      await stopServer(child);
    }
  });
});

describe('identity headers are believed only where only this computer can send them', () => {
  it('on a network bind, refuses them even from this computer, and stores nothing', async () => {
    const { base, port, lines } = await start({ host: '0.0.0.0' });
    expect(lines.join('\n')).toContain('beslutsregistret svarar bara den som har en API-nyckel');
    for (const host of [`${lanHost}:${port}`, `localhost:${port}`, `127.0.0.1:${port}`]) {
      expect((await rawRequest(`${base}/api/decisions`, { method: 'POST', headers: { host, ...json, ...admin }, body: saveBody })).status, host).toBe(401);
    }
    const health = JSON.parse((await rawRequest(`${base}/api/health`, { headers: { host: `localhost:${port}` } })).text);
    expect(health.identityMode).toBe('token');
  });

  it('on a network bind, still lets an API token in', async () => {
    const token = 'lan-test-token-0123456789';
    const dir = tempDir('vagval-lan-access-');
    dirs.push(dir);
    const accessFile = join(dir.path, 'access.json');
    const tokenSha256 = createHash('sha256').update(token).digest('hex');
    writeFileSync(accessFile, JSON.stringify({ headerIdentity: true, users: [{ name: 'admin', roles: ['admin'], tokenSha256 }] }));
    const { base, port } = await start({ host: '0.0.0.0', accessFile });
    const saved = await rawRequest(`${base}/api/decisions`, { method: 'POST', headers: { host: `${lanHost}:${port}`, ...json, authorization: `Bearer ${token}` }, body: saveBody });
    expect(saved.status).toBe(201);
  });

  it('on a loopback bind, believes them for localhost but not for a name a proxy in front would forward', async () => {
    const { base, port } = await start({ host: '127.0.0.1', allowedHosts: 'vagval.kommun.se' });
    expect((await rawRequest(`${base}/api/decisions`, { method: 'POST', headers: { host: `vagval.kommun.se`, ...json, ...admin }, body: saveBody })).status).toBe(401);
    expect((await rawRequest(`${base}/api/decisions`, { method: 'POST', headers: { host: `localhost:${port}`, ...json, ...admin }, body: saveBody })).status).toBe(201);
    const forProxy = JSON.parse((await rawRequest(`${base}/api/identities`, { headers: { host: 'vagval.kommun.se' } })).text);
    expect(forProxy.headerIdentity).toBe(false);
  });

  it('behind a named trusted proxy, believes them from its address only', async () => {
    const dir = tempDir('vagval-lan-proxy-');
    dirs.push(dir);
    const trusted = join(dir.path, 'trusted.json');
    const other = join(dir.path, 'other.json');
    const users = [{ name: 'admin', roles: ['admin'] }];
    writeFileSync(trusted, JSON.stringify({ headerIdentity: true, trustedProxies: ['127.0.0.1'], users }));
    writeFileSync(other, JSON.stringify({ headerIdentity: true, trustedProxies: ['10.1.2.3'], users }));
    const viaProxy = await start({ host: '0.0.0.0', accessFile: trusted });
    expect(viaProxy.lines.join('\n')).not.toContain('Obs:');
    expect((await rawRequest(`${viaProxy.base}/api/decisions`, { method: 'POST', headers: { host: `${lanHost}:${viaProxy.port}`, ...json, ...admin }, body: saveBody })).status).toBe(201);
    const notViaProxy = await start({ host: '0.0.0.0', accessFile: other });
    const refused = await rawRequest(`${notViaProxy.base}/api/decisions`, { method: 'POST', headers: { host: `${lanHost}:${notViaProxy.port}`, ...json, ...admin }, body: saveBody });
    expect(refused.status).toBe(401);
    expect(JSON.parse(refused.text).message).toContain('trusted proxy');
  });

  it('refuses an access file whose trusted proxy is not an address, naming the field', async () => {
    const dir = tempDir('vagval-lan-bad-');
    dirs.push(dir);
    const file = join(dir.path, 'access.json');
    writeFileSync(file, JSON.stringify({ headerIdentity: true, trustedProxies: ['proxy.kommun.se'], users: [{ name: 'admin', roles: ['admin'] }] }));
    await expect(start({ accessFile: file })).rejects.toThrow(/trustedProxies\.0: must be an IP address/);
  });
});
