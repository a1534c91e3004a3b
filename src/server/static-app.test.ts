import { gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { compressResponses } from './static-app';

const big = { items: Array.from({ length: 200 }, (_, i) => ({ id: i, text: 'Direktupphandling enligt 19 a kap. LOU' })) };

function appWith(handler: Parameters<Hono['get']>[1]) {
  const app = new Hono();
  app.use('*', compressResponses());
  app.get('/x', handler);
  return app;
}

describe('compressResponses', () => {
  it('sends the handler’s own answer to a client that accepts no compression, only adding Vary: Accept-Encoding', async () => {
    // A rebuilt answer would make @hono/node-server send it as a stream: the cost issue 12 measured on every save.
    let made: Response | undefined;
    const res = await appWith((c) => (made = c.json(big))).request('/x');
    expect(res).toBe(made);
    expect(res.headers.get('Vary')).toBe('Accept-Encoding');
    expect(res.headers.get('Content-Encoding')).toBeNull();
    expect(await res.json()).toEqual(big);
  });

  it('gzips for a client that accepts it, saying so in Vary', async () => {
    const res = await appWith((c) => c.json(big)).request('/x', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.headers.get('Content-Encoding')).toBe('gzip');
    expect(res.headers.get('Vary')).toBe('Accept-Encoding');
    expect(JSON.parse(gunzipSync(Buffer.from(await res.arrayBuffer())).toString())).toEqual(big);
  });

  it('adds Accept-Encoding to a Vary the handler set, once, and leaves Vary: * alone', async () => {
    const origin = await appWith((c) => {
      c.header('Vary', 'Origin');
      return c.json(big);
    }).request('/x');
    expect(origin.headers.get('Vary')).toBe('Origin, Accept-Encoding');
    const already = await appWith((c) => {
      c.header('Vary', 'accept-encoding');
      return c.json(big);
    }).request('/x');
    expect(already.headers.get('Vary')).toBe('accept-encoding');
    const star = await appWith((c) => {
      c.header('Vary', '*');
      return c.json(big);
    }).request('/x');
    expect(star.headers.get('Vary')).toBe('*');
  });
});
