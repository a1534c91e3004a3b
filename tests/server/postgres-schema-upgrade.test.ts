import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresDecisionStore } from '../../src/server/store/postgres-store';
import { postgresBinDir, startPostgres } from './postgres-server';

const bin = postgresBinDir();
if (bin === null && process.env.VAGVAL_REQUIRE_POSTGRES) {
  throw new Error('VAGVAL_REQUIRE_POSTGRES is set but no PostgreSQL server programs were found under /usr/lib/postgresql (Debian package postgresql).');
}

describe.skipIf(bin === null)('a PostgreSQL register made by an earlier version', () => {
  let database: Awaited<ReturnType<typeof startPostgres>>;
  const query = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      return (await client.query<T>(sql, params)).rows;
    } finally {
      await client.end();
    }
  };
  beforeAll(async () => {
    database = await startPostgres(bin!);
  }, 120_000);
  afterAll(() => database?.stop());

  it('keeps its checkpoints and may then sign one size again with newer side-log heads, and gets the trigger that gives the side logs’ rows their ids in commit order', { timeout: 30_000 }, async () => {
    // The table as it was made when one size had one row.
    await query('CREATE TABLE transparency_checkpoints (size BIGINT PRIMARY KEY, root_hash TEXT NOT NULL, note TEXT NOT NULL, signed_at TEXT NOT NULL)');
    await query("INSERT INTO transparency_checkpoints VALUES (3, 'root', 'note a', '2026-01-01T00:00:00Z')");
    const store = await PostgresDecisionStore.open(database.url);
    try {
      await store.sharedCheckpoints.withLock(async (tx) => {
        expect(await tx.insert({ size: 3, rootHash: 'root', note: 'note b', time: '2026-01-01T01:00:00Z' })).toBe(true);
        // …but never a second root for one size.
        expect(await tx.insert({ size: 3, rootHash: 'other root', note: 'note c', time: '2026-01-01T02:00:00Z' })).toBe(false);
      });
      expect((await store.sharedCheckpoints.since(3)).map((c) => c.note)).toEqual(['note a', 'note b']);
      const triggers = await query<{ tgname: string }>("SELECT tgname FROM pg_trigger WHERE tgname LIKE '%_in_order' ORDER BY tgname");
      expect(triggers.map((t) => t.tgname)).toEqual(['access_log_in_order', 'record_events_in_order']);
    } finally {
      await store.close();
    }
  });
});
