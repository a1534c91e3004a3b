import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, preview } from 'vite';

const root = resolve(import.meta.dirname, '../../..');

export type RunningApp = { url: string; close: () => Promise<void> };

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

/**
 * Builds the app with `vite build` and serves dist/ on a free 127.0.0.1 port: through the real server
 * (src/server/main.ts `startServer`, which also serves /api) once it exists, else through `vite preview`.
 */
export async function startApp(): Promise<RunningApp> {
  await build({ root, logLevel: 'warn' });
  const port = await freePort();
  const host = '127.0.0.1';
  const serverModule = join(root, 'src/server/main.ts');
  if (existsSync(serverModule)) {
    const mod = (await import(/* @vite-ignore */ pathToFileURL(serverModule).href)) as {
      startServer?: (options?: Record<string, unknown>) => Promise<unknown> | unknown;
    };
    if (typeof mod.startServer === 'function') {
      const dataDir = mkdtempSync(join(tmpdir(), 'vagval-e2e-'));
      process.env.PORT = String(port);
      process.env.HOST = host;
      process.env.VAGVAL_DATA_DIR = dataDir;
      const running = (await mod.startServer({ port, host, dataDir })) as { close?: () => unknown } | undefined;
      return {
        url: `http://${host}:${port}/`,
        close: async () => {
          await running?.close?.();
        },
      };
    }
  }
  const server = await preview({ root, logLevel: 'warn', preview: { port, host, strictPort: true } });
  return {
    url: `http://${host}:${port}/`,
    close: () => server.close(),
  };
}
