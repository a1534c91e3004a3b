import type { SessionRoutesOptions } from './workshop-sessions/session-routes';
import { WorkshopSessionStore } from './workshop-sessions/session-store';
import { sqlitePersistence } from './workshop-sessions/session-persistence';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { PostgresSignInState, SqliteSignInState } from './sign-in/sign-in-state';
import { createAdaptorServer } from '@hono/node-server';
import type { Ruleset } from '../engine/ruleset';
import { nodeRuleset } from '../rules-data/node-ruleset';
import { loadAccessConfig, type AccessConfig } from './access';
import { createApp } from './create-app';
import { allowedHosts } from './security/allowed-hosts';
import { headerTrust, refusedHeadersNotice } from './security/identity-trust';
import type { DecisionStore } from './store/decision-store';
import { PostgresDecisionStore } from './store/postgres-store';
import { SqliteDecisionStore } from './store/sqlite-store';
import { TransparencyLog } from './transparency/transparency-log';
import type { Cosignatures, WitnessSetting } from './transparency/cosignatures';

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
  /** The checkpoint signing key; by default `<data dir>-transparency/signing-key.pem`, beside the data dir. */
  signingKeyFile?: string | undefined;
  /** The checkpoints' origin line, naming this register's log. */
  logOrigin?: string | undefined;
  /** A signed checkpoint at least every this many saves (default 1,000)… */
  checkpointEvery?: number | undefined;
  /** …and every this many milliseconds if anything was saved (default an hour). */
  checkpointIntervalMs?: number | undefined;
  /** Host names besides localhost, 127.0.0.1, [::1] and the bound address, comma-separated (VAGVAL_ALLOWED_HOSTS). */
  allowedHosts?: string | undefined;
  refusalLimit?: number;
  /** The witnesses each new checkpoint is offered to (VAGVAL_WITNESSES_FILE, transparency/cosignatures.ts). */
  witnesses?: readonly WitnessSetting[] | undefined;
  /** The workshop sessions' limits (streams, refusals per minute), for tests that reach them. */
  workshop?: Omit<SessionRoutesOptions, 'lanOrigins' | 'store'>;
};

export type RunningServer = { url: string; store: DecisionStore; transparency: TransparencyLog; cosignatures: Cosignatures; close: () => Promise<void> };

/** Beside the data dir, not in it: a copy of the data dir then carries no key to sign with. */
export function defaultSigningKeyFile(dataDir: string): string {
  const dir = resolve(dataDir);
  return join(dirname(dir), `${basename(dir)}-transparency`, 'signing-key.pem');
}

export async function openTransparency(store: DecisionStore, options: ServerOptions): Promise<TransparencyLog> {
  return TransparencyLog.open(store, {
    keyFile: options.signingKeyFile ?? defaultSigningKeyFile(options.dataDir ?? 'data'),
    origin: options.logOrigin ?? 'vagval.local/register',
    checkpointEvery: options.checkpointEvery ?? 1000,
    checkpointIntervalMs: options.checkpointIntervalMs ?? 60 * 60 * 1000,
    log: options.log ?? ((line) => console.log(line)),
  });
}

/** The addresses a phone on the local network can use: every external IPv4 address when bound to all of them. */
export function lanHosts(host: string): string[] {
  if (host === '0.0.0.0' || host === '::') {
    return Object.values(networkInterfaces())
      .flat()
      .filter((a) => a !== undefined && a.family === 'IPv4' && !a.internal)
      .map((a) => a!.address);
  }
  const loopback = host === 'localhost' || host.startsWith('127.') || host === '::1';
  return loopback ? [] : [host.includes(':') ? `[${host}]` : host];
}


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
  const ruleset = options.ruleset ?? nodeRuleset;
  // Read rules/ before the first request, not during it: parsing the YAML takes a few hundred ms, which the first
  // save or verification run would otherwise hold every other request behind. Before the store
  // opens, so that rules/ that do not load stop the start with their message and leave the database untouched.
  ruleset();
  // The access file too: one that does not load stops the start before the data is opened.
  const access = options.access ?? loadAccessConfig(options.accessFile);
  const store = await openStore(options);
  let transparency: TransparencyLog;
  try {
    transparency = await openTransparency(store, options);
  } catch (error) {
    await store.close();
    throw error;
  }
  const host = options.host ?? '127.0.0.1';
  const phoneHosts = lanHosts(host);
  const trust = headerTrust(access.headerIdentity, host, access.trustedProxies);
  const notice = refusedHeadersNotice(trust);
  if (notice) (options.log ?? ((line) => console.log(line)))(notice);
  let boundPort = 0;
  // The room's sessions live beside the register's data, so that a restart mid-session loses nothing.
  const sessions = new WorkshopSessionStore({ persistence: sqlitePersistence(join(resolve(options.dataDir ?? 'data'), 'workshop-sessions.sqlite')) });
  const app = createApp({
    store,
    transparency,
    // Bound to every interface (HOST=0.0.0.0), the machine's own LAN addresses are what the workshop's phones use.
    allowedHosts: allowedHosts(host, [options.allowedHosts, ...phoneHosts].filter(Boolean).join(',')),
    ...(options.refusalLimit ? { refusalLimit: options.refusalLimit } : {}),
    ruleset,
    access,
    headerTrust: trust,
    staticDir: options.staticDir,
    log: options.log,
    workshop: {
      ...options.workshop,
      store: sessions,
      ownAddresses: phoneHosts,
      lanOrigins: () => phoneHosts.map((h) => `http://${h}:${boundPort}`),
    },
    ...(options.witnesses ? { witnesses: options.witnesses } : {}),
    // Sessions beside the register: a restart signs no one out, and instances on one PostgreSQL share them.
    signInState: () => (options.databaseUrl ? PostgresSignInState.open(options.databaseUrl, options.log ?? ((line) => console.log(line))) : new SqliteSignInState(join(resolve(options.dataDir ?? 'data'), 'sign-in-sessions.sqlite'))),
  });
  const server = createAdaptorServer({ fetch: app.fetch });
  try {
    await new Promise<void>((done, fail) => {
      server.once('error', fail);
      server.listen(options.port ?? 0, host, () => done());
    });
  } catch (error) {
    // The port is taken or the address wrong: leave the database closed, as it was found.
    app.closeWorkshopSessions();
    app.cosignatures.close();
    await app.closeSignIn();
    await transparency.close();
    await store.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  boundPort = port;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    store,
    transparency,
    cosignatures: app.cosignatures,
    close: async () => {
      // Open event streams would hold server.close() forever: end the sessions (and their streams) first.
      app.closeWorkshopSessions();
      const closed = new Promise<void>((done) => server.close(() => done()));
      // A browser's kept-alive connection would otherwise hold the close until it times out.
      (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
      await closed;
      await app.closeVerifyWorker();
      await transparency.close();
      // After the shutdown checkpoint, which the witnesses are offered; one they do not answer in time goes at the next start.
      await app.cosignatures.settled(3000);
      app.cosignatures.close();
      await app.closeSignIn();
      await store.close();
    },
  };
}
