import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { BackupManifest } from '../../src/server/backup/backup';
import type { RunningServer } from '../../src/server/start-server';
import { ljungbyAnswers, post, saveRequest } from './fixtures';

export type Acknowledged = Array<{ id: number; hash: string }>;

/**
 * Ten saves, then 64 more sent at once and the backup taken while part of them are answered and the rest still
 * on their way: the saves acknowledged before the backup began are what a restore must hold.
 */
export async function backupDuringSaves(server: RunningServer, takeBackup: () => Promise<BackupManifest>): Promise<{ acknowledgedBefore: Acknowledged; manifest: BackupManifest }> {
  for (let i = 1; i <= 10; i++) expect((await post(`${server.url}/api/decisions`, saveRequest({ ...ljungbyAnswers, value: { totalSek: 1000 * i } }))).status).toBe(201);
  const acknowledged: Acknowledged = [];
  const inFlight = Array.from({ length: 64 }, (_, i) =>
    post(`${server.url}/api/decisions`, saveRequest({ ...ljungbyAnswers, value: { totalSek: 50_000 + i } })).then(async (r) => {
      expect(r.status).toBe(201);
      const record = (await r.json()) as { id: number; hash: string };
      acknowledged.push({ id: record.id, hash: record.hash });
    }),
  );
  while (acknowledged.length < 16) await new Promise((done) => setTimeout(done, 2));
  const acknowledgedBefore = [...acknowledged];
  const manifest = await takeBackup();
  await Promise.all(inFlight);
  expect(acknowledged.length).toBe(64);
  return { acknowledgedBefore, manifest };
}

/** A backup whose fourth leaf was rewritten and its manifest made to match: only a full verification can find it. */
export function forgeLeaf(dir: string): void {
  const leaves = join(dir, 'transparency', 'leaves.bin');
  const bytes = readFileSync(leaves);
  bytes[3 * 32]! ^= 0x01;
  writeFileSync(leaves, bytes);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as BackupManifest;
  manifest.files['transparency/leaves.bin'] = createHash('sha256').update(bytes).digest('hex');
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
}
