import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeRuleset } from '../../src/rules-data/node-ruleset';
import { backupRegister, BackupRefused, type BackupManifest } from '../../src/server/backup/backup';
import { restoreRegister } from '../../src/server/backup/restore';
import { defaultSigningKeyFile, startServer } from '../../src/server/start-server';
import { PostgresDecisionStore } from '../../src/server/store/postgres-store';
import { auditor, tempDir } from './fixtures';
import { backupDuringSaves, forgeLeaf } from './backup-during-saves';
import { postgresBinDir, startPostgres } from './postgres-server';

// The backup of a register kept in PostgreSQL: pg_dump of one snapshot while the server saves, the
// evidence cut to that snapshot, and a restore into an empty database that verifies before it stays.
// CI sets VAGVAL_REQUIRE_POSTGRES, so that there a missing server fails instead of skipping.
const bin = postgresBinDir();
if (bin === null && process.env.VAGVAL_REQUIRE_POSTGRES) {
  throw new Error('VAGVAL_REQUIRE_POSTGRES is set but no PostgreSQL server programs were found under /usr/lib/postgresql (Debian package postgresql).');
}

describe.skipIf(bin === null)('a backup of a register in PostgreSQL', () => {
  let cluster: Awaited<ReturnType<typeof startPostgres>>;
  const root = tempDir('vagval-pg-backup-');
  const dataDir = join(root.path, 'data');
  const keyFile = defaultSigningKeyFile(dataDir);
  const backupDir = join(root.path, 'backup');
  const origin = 'vagval.local/register';
  let acknowledgedBefore: Array<{ id: number; hash: string }> = [];
  let manifest: BackupManifest;
  const databaseUrl = (name: string) => cluster.url.replace(/\/postgres$/, `/${name}`);
  const createDatabase = async (name: string) => {
    const client = new pg.Client({ connectionString: cluster.url });
    await client.connect();
    try {
      await client.query(`CREATE DATABASE ${name}`);
    } finally {
      await client.end();
    }
  };
  const tables = async (url: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).rows.length;
    } finally {
      await client.end();
    }
  };
  const restore = (from: string, to: string, url: string) => restoreRegister({ from, dataDir: to, keyFile: defaultSigningKeyFile(to), origin, ruleset: nodeRuleset, databaseUrl: url });
  const keyed = (name: string) => {
    const target = join(root.path, name);
    mkdirSync(join(defaultSigningKeyFile(target), '..'), { recursive: true });
    copyFileSync(keyFile, defaultSigningKeyFile(target));
    return target;
  };

  beforeAll(async () => {
    cluster = await startPostgres(bin!);
    await createDatabase('register');
  });
  afterAll(() => {
    cluster?.stop();
    root.remove();
  });

  it('holds every save acknowledged before it began, with 64 saves in flight', async () => {
    const server = await startServer({ databaseUrl: databaseUrl('register'), dataDir, port: 0, checkpointEvery: 8, log: () => {} });
    try {
      ({ acknowledgedBefore, manifest } = await backupDuringSaves(server, () => backupRegister({ databaseUrl: databaseUrl('register'), keyFile, to: backupDir, withKey: false })));
    } finally {
      await server.close();
    }
    expect(manifest.database).toBe('postgres');
    expect(Object.keys(manifest.files)).toContain('register.pgdump');
    expect(manifest.records).toBeGreaterThanOrEqual(10 + acknowledgedBefore.length);
    expect(manifest.checkpoints).toBeGreaterThan(0);
    expect(existsSync(join(backupDir, 'transparency', 'signing-key.pem'))).toBe(false);
  });

  it('restores into an empty database only after a full verification passes, and every acknowledged save is there as saved', async () => {
    await createDatabase('restored');
    const target = keyed('restored');
    const outcome = await restore(backupDir, target, databaseUrl('restored'));
    expect(outcome.report.ok).toBe(true);
    expect(outcome.report.failedCount).toBe(0);
    const store = await PostgresDecisionStore.open(databaseUrl('restored'));
    try {
      for (const { id, hash } of acknowledgedBefore) expect((await store.get(id))?.hash, `record ${id}`).toBe(hash);
      expect(await store.headId()).toBe(manifest.records);
    } finally {
      await store.close();
    }
    // The restored register starts as a server does, and verifies.
    const server = await startServer({ databaseUrl: databaseUrl('restored'), dataDir: target, port: 0, log: () => {} });
    try {
      const verify = await fetch(`${server.url}/api/verify`, { headers: auditor });
      expect(((await verify.json()) as { ok: boolean }).ok).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('does not restore over a database that holds a register, nor a PostgreSQL copy without a database named', async () => {
    await expect(restore(backupDir, keyed('over'), databaseUrl('register'))).rejects.toThrow(/det finns redan ett register här, och en återställning skriver inte över det: flytta undan .*decisions/);
    await expect(restoreRegister({ from: backupDir, dataDir: keyed('no-url'), keyFile: defaultSigningKeyFile(join(root.path, 'no-url')), origin, ruleset: nodeRuleset })).rejects.toThrow(/ange databasen att återställa till med VAGVAL_DATABASE_URL/);
  });

  it('refuses a copy whose archive was changed to match its manifest, and leaves the database empty', async () => {
    const forged = join(root.path, 'forged');
    mkdirSync(join(forged, 'transparency'), { recursive: true });
    for (const file of ['manifest.json', ...Object.keys(manifest.files)]) copyFileSync(join(backupDir, file), join(forged, file));
    // A leaf rewritten and the manifest made to match: the archive restores, the verification does not pass.
    forgeLeaf(forged);
    await createDatabase('from_forged');
    const target = keyed('from-forged');
    const refusal = await restore(forged, target, databaseUrl('from_forged')).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(BackupRefused);
    expect((refusal as Error).message).toMatch(/klarar inte kontrollen|kunde inte öppnas/);
    expect(await tables(databaseUrl('from_forged'))).toBe(0);
    expect(existsSync(join(defaultSigningKeyFile(target), '..', 'leaves.bin'))).toBe(false);
  });
});
