import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { compressThreshold } from '../../src/server/compress-responses';
import { startServer, type RunningServer } from '../../src/server/start-server';
import { auditor, post, procurer, saveRequest, tempDir } from './fixtures';
import { rawRequest } from './raw-request';

let dir: ReturnType<typeof tempDir>;
let server: RunningServer;
const code = `export const app = ${JSON.stringify('x'.repeat(5000))};`;

beforeEach(async () => {
  dir = tempDir('vagval-static-');
  const dist = join(dir.path, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><script type="module" src="/assets/app-1a2b3c.js"></script>');
  writeFileSync(join(dist, 'assets/app-1a2b3c.js'), code);
  writeFileSync(join(dist, 'assets/app-1a2b3c.js.br'), brotliCompressSync(code));
  server = await startServer({ dataDir: join(dir.path, 'data'), port: 0, staticDir: dist, log: () => {} });
});
afterEach(async () => {
  await server.close();
  dir.remove();
});

it('sends hashed assets pre-compressed with a year-long immutable cache, and the page itself revalidated', async () => {
  const asset = await rawRequest(`${server.url}/assets/app-1a2b3c.js`, { headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
  expect(asset.status).toBe(200);
  expect(asset.headers['content-encoding']).toBe('br');
  expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(asset.headers.vary).toContain('Accept-Encoding');
  expect(Number(asset.headers['content-length'])).toBeLessThan(code.length / 10);

  for (const path of ['/', '/register']) {
    const page = await rawRequest(`${server.url}${path}`);
    expect(page.status, path).toBe(200);
    expect(page.headers['cache-control'], path).toBe('no-cache');
    expect(page.headers['content-security-policy'], path).toContain("script-src 'self'");
  }
  // An address the app does not answer on is 404 (the app says "Sidan finns inte" there), and the icon is an icon.
  const unknown = await rawRequest(`${server.url}/gammal/lank`);
  expect(unknown.status).toBe(404);
  expect(unknown.text).toContain('<script');
  const icon = await rawRequest(`${server.url}/favicon.ico`);
  expect(icon.status).toBe(301);
  expect(icon.headers.location).toBe('/favicon.svg');
  // An old link to a hashed file that is gone is a 404, not the app cached for a year.
  const gone = await rawRequest(`${server.url}/assets/app-0000.js`);
  expect(gone.status).toBe(404);
  expect(gone.headers['cache-control']).not.toContain('immutable');
});

it('gzips the API answers for a client that accepts it, but for those under the threshold', async () => {
  const saved = await post(`${server.url}/api/decisions`, saveRequest(), { ...procurer, 'accept-encoding': 'gzip' });
  expect(saved.headers.get('content-encoding')).toBeNull();
  expect(Number(saved.headers.get('content-length'))).toBeLessThan(compressThreshold);
  for (let i = 0; i < 9; i++) expect((await post(`${server.url}/api/decisions`, saveRequest())).status).toBe(201);
  const { request } = await import('node:http');
  const body = await new Promise<{ encoding: string | undefined; data: Buffer }>((resolve, reject) => {
    request(`${server.url}/api/decisions`, { headers: { ...auditor, 'accept-encoding': 'gzip' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ encoding: res.headers['content-encoding'], data: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
  expect(body.encoding).toBe('gzip');
  expect(JSON.parse(gunzipSync(body.data).toString()).items).toHaveLength(10);
});
