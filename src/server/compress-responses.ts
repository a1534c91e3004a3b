import type { MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';

/**
 * Answers smaller than this go out as they are. Gzipping a save's 1.2 KB answer through compress's
 * stream cost the server about 0.3 ms, as much as judging and storing the save, to spare some 600
 * bytes, about 12 ms on Chrome's slow-3G profile (measured with the bench's profile).
 * Lists, trails, reports and the app's files are well above it.
 */
export const compressThreshold = 4096;

/**
 * hono's compress for the API and the app page; already-compressed files pass through untouched.
 * `Vary: Accept-Encoding` is put on the finished answer's own headers before compress looks at it:
 * compress would add it through `c.header`, which makes @hono/node-server rebuild the finished answer
 * as a stream, about a sixth of an uncompressed save's CPU on the server.
 */
export function compressResponses(): MiddlewareHandler {
  const compressing = compress({ threshold: compressThreshold });
  return (c, next) =>
    compressing(c, async () => {
      await next();
      varyOnEncoding(c.res.headers);
    });
}

function varyOnEncoding(headers: Headers): void {
  const vary = headers.get('Vary');
  if (vary === null) headers.set('Vary', 'Accept-Encoding');
  else if (vary !== '*' && !/(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(vary)) headers.set('Vary', `${vary}, Accept-Encoding`);
}

/**
 * `c.json` answers with their Content-Length: compress reads the size from it to leave small answers
 * alone, and hono's own `c.json` does not set it.
 */
export function sizedJson(): MiddlewareHandler {
  return async (c, next) => {
    c.json = ((object: unknown, arg?: number | ResponseInit, headers?: Record<string, string | string[]>) => {
      const text = JSON.stringify(object);
      return c.body(text, arg as never, { 'Content-Type': 'application/json', ...headers, 'Content-Length': String(Buffer.byteLength(text)) });
    }) as unknown as typeof c.json;
    await next();
  };
}
