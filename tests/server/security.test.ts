import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/start-server';
import { listResponseSchema } from '../../src/shared/decision-record';
import { auditor, procurer, saveRequest, tempDir } from './fixtures';
import { rawRequest } from './raw-request';

let dir: ReturnType<typeof tempDir>;
let server: RunningServer;
let port: string;

const start = async (extra: { allowedHosts?: string } = {}) => {
  server = await startServer({ dataDir: dir.path, port: 0, log: () => {}, ...extra });
  port = new URL(server.url).port;
};
beforeEach(async () => {
  dir = tempDir('vagval-security-');
  await start();
});
afterEach(async () => {
  await server.close();
  dir.remove();
});

const body = JSON.stringify(saveRequest());
const saveWith = (headers: Record<string, string>) =>
  rawRequest(`${server.url}/api/decisions`, { method: 'POST', headers: { 'content-type': 'application/json', ...procurer, ...headers }, body });
const storedCount = async () => listResponseSchema.parse(await (await fetch(`${server.url}/api/decisions?limit=200`, { headers: auditor })).json()).items.length;

describe('DNS rebinding: only the names the server is known by are answered', () => {
  it('refuses another host name with 421 before any handler, for the API and the app alike', async () => {
    for (const path of ['/api/health', '/api/decisions', '/api/access-log', '/']) {
      const response = await rawRequest(`${server.url}${path}`, { headers: { host: `rebind.example:${port}`, 'x-vagval-user': 'admin', 'x-vagval-role': 'admin' } });
      expect(response.status, path).toBe(421);
      expect(response.text).not.toContain('"items"');
    }
    expect((await saveWith({ host: `rebind.example:${port}` })).status).toBe(421);
    expect(await storedCount()).toBe(0);
  });

  it('answers localhost, 127.0.0.1 and [::1] on any port', async () => {
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, 'LOCALHOST']) {
      expect((await rawRequest(`${server.url}/api/health`, { headers: { host } })).status, host).toBe(200);
    }
  });

  it('answers the names listed in VAGVAL_ALLOWED_HOSTS', async () => {
    await server.close();
    await start({ allowedHosts: 'vagval.kommun.se, register.example' });
    expect((await rawRequest(`${server.url}/api/health`, { headers: { host: 'vagval.kommun.se' } })).status).toBe(200);
    expect((await rawRequest(`${server.url}/api/health`, { headers: { host: 'register.example:443' } })).status).toBe(200);
    expect((await rawRequest(`${server.url}/api/health`, { headers: { host: 'kommun.se' } })).status).toBe(421);
  });
});

describe('no web page of another origin may change the register', () => {
  it('refuses a save sent from another origin, or from an opaque one, and stores nothing', async () => {
    expect((await saveWith({ origin: 'http://evil.example' })).status).toBe(403);
    expect((await saveWith({ origin: 'null' })).status).toBe(403);
    expect((await saveWith({ origin: `http://localhost.evil.example:${port}` })).status).toBe(403);
    expect(await storedCount()).toBe(0);
    expect((await saveWith({ origin: `http://localhost:${port}` })).status).toBe(201);
    expect((await saveWith({})).status).toBe(201);
  });

  it('refuses a workshop session opened from another origin, and lets the app itself open one', async () => {
    const open = (headers: Record<string, string>) =>
      rawRequest(`${server.url}/api/workshop/sessions`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ scenarioId: 'fruktkorgar-reserverad' }) });
    expect((await open({ origin: 'http://evil.example' })).status).toBe(403);
    expect((await open({ origin: 'null' })).status).toBe(403);
    expect((await open({ origin: `http://localhost:${port}` })).status).not.toBe(403);
  });

  it('refuses a body that is not application/json with 415, as a cross-site form would send it', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const response = await saveWith({ 'content-type': type });
      expect(response.status, type).toBe(415);
      expect(JSON.parse(response.text)).toMatchObject({ error: 'unsupported-media-type', problems: [{ field: 'Content-Type' }] });
    }
    const untyped = await rawRequest(`${server.url}/api/decisions`, { method: 'POST', headers: procurer, body });
    expect(untyped.status).toBe(415);
    expect((await saveWith({ 'content-type': 'application/json; charset=utf-8' })).status).toBe(201);
    expect(await storedCount()).toBe(1);
  });
});

describe('security headers', () => {
  it('sends a Content-Security-Policy without inline script, forbids framing and sniffing, and sends no referrer', async () => {
    const response = await rawRequest(`${server.url}/api/health`);
    const csp = String(response.headers['content-security-policy']);
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    // Scripts only from the app's own files; WebAssembly may compile (the PDF renderer's layout engine), JS may not be eval'd.
    expect(directives['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain("'unsafe-eval'");
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
  });

  it('has no inline script in the app page the policy would block', () => {
    const html = readFileSync(join(import.meta.dirname, '../../index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, content] of scripts) {
      expect(attributes).toMatch(/\bsrc=/);
      expect(content!.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });
});

describe('refused requests cannot fill the disk', () => {
  it('stores a bounded record per refusal and stops recording a client past its limit with 429', async () => {
    // Just under Node's 16 KiB header limit: each refusal carries about 14 KB of attacker text.
    const junk = 'x'.repeat(3_500);
    const statuses: number[] = [];
    for (let i = 0; i < 150; i++) {
      const response = await rawRequest(`${server.url}/api/decisions/${junk}?${junk}`, { headers: { 'x-vagval-user': `${junk}${i}`, 'x-vagval-role': junk } });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 60).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(60).every((s) => s === 429)).toBe(true);
    await server.close();
    const db = new Database(join(dir.path, 'register.sqlite'), { readonly: true });
    const rows = db.prepare('SELECT * FROM access_log').all() as Array<Record<string, unknown>>;
    db.close();
    expect(rows).toHaveLength(60);
    for (const row of rows) expect(JSON.stringify(row).length).toBeLessThan(1024);
    await start();
  });
});
