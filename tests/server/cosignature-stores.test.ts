import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DecisionStore } from '../../src/server/store/decision-store';
import { PostgresDecisionStore } from '../../src/server/store/postgres-store';
import { SqliteDecisionStore } from '../../src/server/store/sqlite-store';
import { tempDir } from './fixtures';
import { postgresBinDir, startPostgres } from './postgres-server';

// Both stores keep the cosignatures a register is given, once per witness and size, and give
// back each witness's largest (the register re-verifies them: transparency/cosignatures.ts).
const bin = postgresBinDir();
if (bin === null && process.env.VAGVAL_REQUIRE_POSTGRES) throw new Error('VAGVAL_REQUIRE_POSTGRES is set but no PostgreSQL server programs were found under /usr/lib/postgresql.');

const row = (witnessKey: string, size: number) => ({ witnessKey, size, rootHash: `root${size}`, cosignedAt: '2026-03-01T10:00:00.000Z', note: `note ${size}`, cosignature: `— w ${size}\n` });

async function keepsAndAnswers(store: DecisionStore) {
  await store.cosignatures.add(row('w1', 4));
  await store.cosignatures.add(row('w1', 9));
  await store.cosignatures.add(row('w1', 9));
  await store.cosignatures.add(row('w2', 3));
  const latest = (await store.cosignatures.latest()).sort((a, b) => a.witnessKey.localeCompare(b.witnessKey));
  expect(latest).toEqual([row('w1', 9), row('w2', 3)]);
}

describe('cosignatures in the embedded database', () => {
  it('are kept once per witness and size, and the largest of each witness is given back', async () => {
    const dir = tempDir();
    const store = new SqliteDecisionStore(join(dir.path, 'register.sqlite'));
    try {
      await keepsAndAnswers(store);
    } finally {
      await store.close();
      dir.remove();
    }
  });
});

describe.skipIf(bin === null)('cosignatures in PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof startPostgres>>;
  beforeAll(async () => {
    database = await startPostgres(bin!);
  }, 60_000);
  afterAll(() => database?.stop());

  it('are kept once per witness and size, and the largest of each witness is given back', async () => {
    const store = await PostgresDecisionStore.open(database.url);
    try {
      await keepsAndAnswers(store);
    } finally {
      await store.close();
    }
  });
});
