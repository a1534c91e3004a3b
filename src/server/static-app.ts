import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

/** The paths the app answers on: the root and the first part of each of its pages' addresses. */
const appPaths = /^\/(index\.html|guide|register|workshop|join)?\/?$/;

/** Vite names every built file under assets/ by its content hash: a changed file is a new name. */
const immutable = 'public, max-age=31536000, immutable';

/**
 * The built app (dist/): hashed assets cached for a year and never revalidated, index.html
 * revalidated on every load (no-cache) so a new build is picked up at once. Files go out
 * pre-compressed (.br, .gz written at build by scripts/precompress-plugin.ts); everything else,
 * the API's JSON included, is gzipped on the fly by hono's compress when the client accepts it.
 */
export function builtApp(staticDir: string): Hono | null {
  if (!existsSync(join(staticDir, 'index.html'))) return null;
  const app = new Hono();
  const index = readFileSync(join(staticDir, 'index.html'), 'utf8');
  app.use('*', async (c, next) => {
    c.header('Cache-Control', c.req.path.startsWith('/assets/') ? immutable : 'no-cache');
    await next();
  });
  app.use('*', serveStatic({ root: staticDir, precompressed: true }));
  // A hashed file that is not there is an old link: 404, not the app under a year-long cache.
  app.get('/assets/*', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.text('not found', 404);
  });
  // Browsers ask for /favicon.ico by habit: the icon is an SVG (index.html links it), never the app's HTML.
  app.get('/favicon.ico', (c) => c.redirect('/favicon.svg', 301));
  // The app routes by hash. Its own paths get the app; any other address gets it with 404, and the app shows its
  // "Sidan finns inte" page there, so a mistyped link is not taken for the guide.
  app.get('*', (c) => c.html(index, appPaths.test(c.req.path) ? 200 : 404));
  return app;
}
