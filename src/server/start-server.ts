import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { createAdaptorServer } from '@hono/node-server';
import type { Ruleset } from '../engine/ruleset';
import { nodeRuleset } from '../rules-data/node-ruleset';
import { loadAccessConfig, type AccessConfig } from './access';
import { createApp } from './create-app';
import type { DecisionStore } from './store/decision-store';
import { SqliteDecisionStore } from './store/sqlite-store';

export type ServerOptions = {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** Where the SQLite file lives (created if missing). */
  dataDir?: string;
  /** A postgres:// URL would select PostgreSQL, which is not built yet: such a URL is refused. */
  databaseUrl?: string | undefined;
  accessFile?: string | undefined;
  access?: AccessConfig;
  staticDir?: string | undefined;
  ruleset?: () => Ruleset;
  log?: (line: string) => void;
};

export type RunningServer = { url: string; store: DecisionStore; close: () => Promise<void> };

export function openStore(options: Pick<ServerOptions, 'dataDir' | 'databaseUrl'>): DecisionStore {
  if (options.databaseUrl && /^postgres(ql)?:\/\//.test(options.databaseUrl)) {
    throw new Error('VAGVAL_DATABASE_URL names a PostgreSQL server, but the PostgreSQL store is not built yet (docs/register.md); unset it to use the embedded database');
  }
  const dir = resolve(options.dataDir ?? 'data');
  mkdirSync(dir, { recursive: true });
  return new SqliteDecisionStore(join(dir, 'register.sqlite'));
}

/** Opens the store and listens; `close()` stops listening and closes the database. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const store = openStore(options);
  const app = createApp({
    store,
    ruleset: options.ruleset ?? nodeRuleset,
    access: options.access ?? loadAccessConfig(options.accessFile),
    staticDir: options.staticDir,
    log: options.log,
  });
  const server = createAdaptorServer({ fetch: app.fetch });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, host, () => done());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    store,
    close: async () => {
      await new Promise<void>((done) => server.close(() => done()));
      await store.close();
    },
  };
}
