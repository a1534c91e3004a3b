import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeRuleset } from '../../src/rules-data/node-ruleset';
import { backupRegister, BackupRefused, type BackupManifest } from '../../src/server/backup/backup';
import { restoreRegister } from '../../src/server/backup/restore';
import { defaultSigningKeyFile, startServer } from '../../src/server/start-server';
import { SqliteDecisionStore } from '../../src/server/store/sqlite-store';
import { tempDir } from './fixtures';
import { backupDuringSaves, forgeLeaf } from './backup-during-saves';

const root = tempDir('vagval-backup-');
afterAll(() => root.remove());

const dataDir = join(root.path, 'data');
const keyFile = defaultSigningKeyFile(dataDir);
const backupDir = join(root.path, 'backup');
const origin = 'vagval.local/register';
let acknowledgedBefore: Array<{ id: number; hash: string }> = [];
let manifest: BackupManifest;

const restore = (from: string, to: string, key = defaultSigningKeyFile(to)) => restoreRegister({ from, dataDir: to, keyFile: key, origin, ruleset: nodeRuleset });

describe('a backup taken while the register saves', () => {
  it('holds every save acknowledged before it began, with 64 saves in flight', async () => {
    const server = await startServer({ dataDir, port: 0, checkpointEvery: 8, log: () => {} });
    try {
      ({ acknowledgedBefore, manifest } = await backupDuringSaves(server, () => backupRegister({ databaseFile: join(dataDir, 'register.sqlite'), keyFile, to: backupDir, withKey: false })));
    } finally {
      await server.close();
    }
    expect(acknowledgedBefore.length).toBeGreaterThanOrEqual(16);
    expect(manifest.records).toBeGreaterThanOrEqual(10 + acknowledgedBefore.length);
    expect(manifest.checkpoints).toBeGreaterThan(0);
    expect(existsSync(join(backupDir, 'transparency', 'signing-key.pem'))).toBe(false);
  });

  it('restores into a new folder only after a full verification passes, and every acknowledged save is there as saved', async () => {
    const target = join(root.path, 'restored');
    // The key is kept apart from the backups; the operator puts it back first.
    const targetKey = defaultSigningKeyFile(target);
    await expect(restore(backupDir, target)).rejects.toThrow(/utan signeringsnyckel och det finns ingen/);
    expect(existsSync(join(target, 'register.sqlite'))).toBe(false);
    mkdirSync(join(targetKey, '..'), { recursive: true });
    copyFileSync(keyFile, targetKey);
    const outcome = await restore(backupDir, target);
    expect(outcome.report.ok).toBe(true);
    expect(outcome.report.failedCount).toBe(0);
    const store = new SqliteDecisionStore(join(target, 'register.sqlite'));
    try {
      expect(acknowledgedBefore.every((a) => /^[0-9a-f]{64}$/.test(a.hash))).toBe(true);
      for (const { id, hash } of acknowledgedBefore) expect((await store.get(id))?.hash, `record ${id}`).toBe(hash);
      expect(await store.headId()).toBe(manifest.records);
    } finally {
      await store.close();
    }
    // The restored register starts as a server does, and serves what was restored.
    const server = await startServer({ dataDir: target, port: 0, log: () => {} });
    try {
      const verify = await fetch(`${server.url}/api/verify`, { headers: { 'x-vagval-user': 'revisor', 'x-vagval-role': 'auditor' } });
      expect(((await verify.json()) as { ok: boolean }).ok).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('does not restore over a register that is there', async () => {
    await expect(restore(backupDir, dataDir, keyFile)).rejects.toThrow(/det finns redan ett register här/);
  });
});

describe('a backup that does not verify is refused, and nothing is put in place', () => {
  const copyOf = (name: string) => {
    const dir = join(root.path, name);
    rmSync(dir, { recursive: true, force: true });
    for (const file of ['manifest.json', 'register.sqlite', ...Object.keys(manifest.files).filter((f) => f.startsWith('transparency/'))]) {
      mkdirSync(join(dir, 'transparency'), { recursive: true });
      copyFileSync(join(backupDir, file), join(dir, file));
    }
    return dir;
  };
  const keyed = (name: string) => {
    const target = join(root.path, name);
    mkdirSync(join(defaultSigningKeyFile(target), '..'), { recursive: true });
    copyFileSync(keyFile, defaultSigningKeyFile(target));
    return target;
  };

  it('a copy damaged in storage, by the file that changed', async () => {
    const damaged = copyOf('damaged');
    const bytes = readFileSync(join(damaged, 'register.sqlite'));
    bytes[bytes.length - 100]! ^= 0xff;
    writeFileSync(join(damaged, 'register.sqlite'), bytes);
    const target = keyed('from-damaged');
    const refusal = await restore(damaged, target).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(BackupRefused);
    expect((refusal as Error).message).toContain('register.sqlite har ändrats sedan kopian togs');
    expect(existsSync(join(target, 'register.sqlite'))).toBe(false);
  });

  it('a copy whose leaf was rewritten and its manifest made to match', async () => {
    const forged = copyOf('forged');
    forgeLeaf(forged);
    const target = keyed('from-forged');
    const refusal = await restore(forged, target).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(BackupRefused);
    expect((refusal as Error).message).toMatch(/klarar inte kontrollen|kunde inte öppnas/);
    expect(existsSync(join(target, 'register.sqlite'))).toBe(false);
    expect(existsSync(join(defaultSigningKeyFile(target), '..', 'leaves.bin'))).toBe(false);
  });
});
