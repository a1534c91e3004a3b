import { gunzipSync } from 'node:zlib';
import { Hono, type Context } from 'hono';
import { describe, expect, it } from 'vitest';
import { compressResponses, compressThreshold, sizedJson } from './compress-responses';

const big = { items: Array.from({ length: 200 }, (_, i) => ({ id: i, text: 'Direktupphandling enligt 19 a kap. LOU' })) };

function appWith(handler: (c: Context) => Response) {
  const app = new Hono();
  app.use('*', compressResponses());
  app.use('*', sizedJson());
  app.get('/x', handler);
  return app;
}

describe('compressResponses and sizedJson', () => {
  it('sends the handler’s own answer to a client that accepts no compression, only adding Vary: Accept-Encoding', async () => {
    // A rebuilt answer would make @hono/node-server send it as a stream: a cost measured on every save.
    let made: Response | undefined;
    const res = await appWith((c) => (made = c.json(big))).request('/x');
    expect(res).toBe(made);
    expect(res.headers.get('Vary')).toBe('Accept-Encoding');
    expect(res.headers.get('Content-Encoding')).toBeNull();
    expect(Number(res.headers.get('Content-Length'))).toBe(Buffer.byteLength(JSON.stringify(big)));
    expect(await res.json()).toEqual(big);
  });

  it('sends an answer under the threshold as it is, with its length, though the client accepts gzip', async () => {
    const small = { id: 1, receipt: 'x'.repeat(1200) };
    let made: Response | undefined;
    const res = await appWith((c) => (made = c.json(small, 201))).request('/x', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(res).toBe(made);
    expect(res.status).toBe(201);
    expect(res.headers.get('Content-Encoding')).toBeNull();
    expect(Number(res.headers.get('Content-Length'))).toBeLessThan(compressThreshold);
    expect(res.headers.get('Content-Type')).toBe('application/json');
    expect(await res.json()).toEqual(small);
  });

  it('gzips for a client that accepts it, saying so in Vary', async () => {
    const res = await appWith((c) => c.json(big)).request('/x', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.headers.get('Content-Encoding')).toBe('gzip');
    expect(res.headers.get('Content-Length')).toBeNull();
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
