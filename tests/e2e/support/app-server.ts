import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { startServer } from '../../../src/server/start-server';

const root = resolve(import.meta.dirname, '../../..');

export type RunningApp = { url: string; close: () => Promise<void> };

/**
 * Builds the app with `vite build` and serves dist/ with the real server (the app and its /api) on a free
 * 127.0.0.1 port, with a fresh data directory that is removed afterwards.
 */
export async function startApp(): Promise<RunningApp> {
  await build({ root, logLevel: 'warn' });
  // The data dir inside a temp folder of its own: the transparency files (signing key, checkpoints) live beside it.
  const dataDir = mkdtempSync(join(tmpdir(), 'vagval-e2e-'));
  const server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: join(dataDir, 'data'),
    staticDir: resolve(root, 'dist'),
    accessFile: resolve(root, 'config/access.json'),
    log: () => {},
  });
  return {
    url: `${server.url}/`,
    close: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
