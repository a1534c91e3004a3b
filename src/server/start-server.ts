import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { createAdaptorServer } from '@hono/node-server';
import type { Ruleset } from '../engine/ruleset';
import { nodeRuleset } from '../rules-data/node-ruleset';
import { loadAccessConfig, type AccessConfig } from './access';
import { createApp } from './create-app';
import { allowedHosts } from './security/allowed-hosts';
import type { DecisionStore } from './store/decision-store';
import { PostgresDecisionStore } from './store/postgres-store';
import { SqliteDecisionStore } from './store/sqlite-store';

export type ServerOptions = {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** Where the SQLite file lives (created if missing). */
  dataDir?: string;
  /** A postgres:// URL selects PostgreSQL instead of the SQLite file. */
  databaseUrl?: string | undefined;
  accessFile?: string | undefined;
  access?: AccessConfig;
  staticDir?: string | undefined;
  ruleset?: () => Ruleset;
  log?: (line: string) => void;
  /** Host names besides localhost, 127.0.0.1, [::1] and the bound address, comma-separated (VAGVAL_ALLOWED_HOSTS). */
  allowedHosts?: string | undefined;
  refusalLimit?: number;
};

export type RunningServer = { url: string; store: DecisionStore; close: () => Promise<void> };

export async function openStore(options: Pick<ServerOptions, 'dataDir' | 'databaseUrl'>): Promise<DecisionStore> {
  if (options.databaseUrl) {
    if (!/^postgres(ql)?:\/\//.test(options.databaseUrl)) throw new Error('VAGVAL_DATABASE_URL must be a postgres:// URL (leave it unset for the embedded database)');
    return PostgresDecisionStore.open(options.databaseUrl);
  }
  const dir = resolve(options.dataDir ?? 'data');
  mkdirSync(dir, { recursive: true });
  return new SqliteDecisionStore(join(dir, 'register.sqlite'));
}

/** Opens the store and listens; `close()` stops listening and closes the database. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const store = await openStore(options);
  const host = options.host ?? '127.0.0.1';
  const app = createApp({
    store,
    allowedHosts: allowedHosts(host, options.allowedHosts),
    ...(options.refusalLimit ? { refusalLimit: options.refusalLimit } : {}),
    ruleset: options.ruleset ?? nodeRuleset,
    access: options.access ?? loadAccessConfig(options.accessFile),
    staticDir: options.staticDir,
    log: options.log,
  });
  const server = createAdaptorServer({ fetch: app.fetch });
  try {
    await new Promise<void>((done, fail) => {
      server.once('error', fail);
      server.listen(options.port ?? 0, host, () => done());
    });
  } catch (error) {
    // The port is taken or the address wrong: leave the database closed, as it was found.
    await store.close();
    throw error;
  }
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
