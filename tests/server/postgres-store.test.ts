import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/start-server';
import { decisionRecordSchema, listResponseSchema, statsResponseSchema, verifyAllSchema } from '../../src/shared/decision-record';
import { receiptSchema, verificationReportSchema } from '../../src/shared/transparency';
import { auditor, ljungbyAnswers, post, procurer, saveRequest, tempDir } from './fixtures';
import { postgresBinDir, startPostgres } from './postgres-server';

// Runs where Debian's `postgresql` package is installed; the test starts and removes its own
// server on 127.0.0.1. CI installs the package and sets VAGVAL_REQUIRE_POSTGRES, so that there a
// missing server fails the run instead of skipping the test.
const bin = postgresBinDir();
if (bin === null && process.env.VAGVAL_REQUIRE_POSTGRES) {
  throw new Error('VAGVAL_REQUIRE_POSTGRES is set but no PostgreSQL server programs were found under /usr/lib/postgresql (Debian package postgresql).');
}

describe.skipIf(bin === null)('the register on PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof startPostgres>>;
  let servers: RunningServer[] = [];
  const dir = tempDir();

  beforeAll(async () => {
    database = await startPostgres(bin!);
    // Two instances on one database, as an organisation running several would.
    servers = [await startServer({ databaseUrl: database.url, dataDir: dir.path, log: () => {} }), await startServer({ databaseUrl: database.url, dataDir: dir.path, log: () => {} })];
  }, 120_000);
  afterAll(async () => {
    for (const server of servers) await server.close();
    database?.stop();
    dir.remove();
  });

  it('keeps one linear chain when two instances save at once, and lists and counts what they saved', { timeout: 30_000 }, async () => {
    const saves = Array.from({ length: 40 }, (_, i) =>
      post(`${servers[i % 2]!.url}/api/decisions`, saveRequest({ ...ljungbyAnswers, organisation: i % 4 === 0 ? 'motala' : 'ljungby', value: { totalSek: 1000 * (i + 1) } })),
    );
    const records = await Promise.all(saves.map(async (s) => decisionRecordSchema.parse(await (await s).json())));
    expect(new Set(records.map((r) => r.id)).size).toBe(40);
    const verify = verifyAllSchema.parse(await (await fetch(`${servers[0]!.url}/api/verify`, { headers: auditor })).json());
    expect(verify).toMatchObject({ ok: true, checked: 40 });

    const url = `${servers[1]!.url}/api/decisions?organisation=motala&minValue=5000&limit=5`;
    const page1 = listResponseSchema.parse(await (await fetch(url, { headers: auditor })).json());
    const page2 = listResponseSchema.parse(await (await fetch(`${url}&before=${page1.nextBefore}`, { headers: auditor })).json());
    const ids = [...page1.items, ...page2.items].map((r) => r.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect([...page1.items, ...page2.items].map((r) => r.answers.value?.totalSek).sort((a, b) => a! - b!)).toEqual([5000, 9000, 13000, 17000, 21000, 25000, 29000, 33000, 37000]);
    expect(page2.nextBefore).toBeNull();
    const stats = statsResponseSchema.parse(await (await fetch(`${servers[0]!.url}/api/stats?organisation=motala`, { headers: auditor })).json());
    expect(stats.rows).toEqual([{ organisation: 'motala', period: '2026', route: expect.any(String), supplierKind: 'social-enterprise', chosenVerdict: 'allowed', count: 10, valueSek: 190000 }]);
  });

  it('stores one record for one Idempotency-Key sent to both instances at once, and 422 for the key with another body', { timeout: 30_000 }, async () => {
    const key = randomUUID();
    const body = saveRequest({ ...ljungbyAnswers, organisation: 'lekeberg', value: { totalSek: 77_000 } });
    const statuses = await Promise.all(Array.from({ length: 10 }, (_, i) => post(`${servers[i % 2]!.url}/api/decisions`, body, { ...procurer, 'idempotency-key': key }).then((r) => r.status)));
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(9);
    const list = listResponseSchema.parse(await (await fetch(`${servers[0]!.url}/api/decisions?organisation=lekeberg`, { headers: auditor })).json());
    expect(list.items).toHaveLength(1);
    const other = await post(`${servers[1]!.url}/api/decisions`, { ...body, justification: 'En annan motivering.' }, { ...procurer, 'idempotency-key': key });
    expect(other.status).toBe(422);
    expect(await other.json()).toMatchObject({ problems: [{ field: 'Idempotency-Key' }] });
  });

  it('refuses UPDATE and DELETE, and verify reports exactly the record edited behind the triggers', async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await expect(client.query('UPDATE decisions SET total_sek = 1 WHERE id = 3')).rejects.toThrow(/append-only/);
      await expect(client.query('DELETE FROM decisions WHERE id = 3')).rejects.toThrow(/append-only/);
      await client.query('ALTER TABLE decisions DISABLE TRIGGER decisions_append_only');
      await client.query("UPDATE decisions SET content = replace(content, 'Lågt värde', 'Högt värde') WHERE id = 3");
      await client.query('ALTER TABLE decisions ENABLE TRIGGER decisions_append_only');
    } finally {
      await client.end();
    }
    const verify = verifyAllSchema.parse(await (await fetch(`${servers[1]!.url}/api/verify`, { headers: auditor })).json());
    expect(verify.failures.map((f) => [f.id, f.problems.map((p) => p.kind)])).toEqual([[3, ['hash-mismatch', 'leaf-mismatch']]]);
  });

  it('keeps one transparency log for both instances, whose receipts prove, and names a tail cut behind the triggers', async () => {
    // Each instance signs its own checkpoints of the one tree; the instance asked gives its own.
    await servers[0]!.transparency.checkpoint();
    const head = await servers[0]!.store.headId();
    const receipt = receiptSchema.parse(await (await fetch(`${servers[0]!.url}/api/decisions/${head}/receipt`, { headers: auditor })).json());
    expect(receipt).toMatchObject({ status: 'included', recordId: head, treeSize: head });
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query('ALTER TABLE decisions DISABLE TRIGGER decisions_append_only');
      await client.query('DELETE FROM idempotency_keys WHERE record_id > $1', [head - 2]);
      await client.query('DELETE FROM decisions WHERE id > $1', [head - 2]);
      await client.query('ALTER TABLE decisions ENABLE TRIGGER decisions_append_only');
    } finally {
      await client.end();
    }
    const verify = verificationReportSchema.parse(await (await fetch(`${servers[0]!.url}/api/verify`, { headers: auditor })).json());
    expect(verify.failures.map((f) => [f.id, f.problems.map((p) => p.kind)])).toEqual([
      [3, ['hash-mismatch', 'leaf-mismatch']],
      [head - 1, ['missing']],
      [head, ['missing']],
    ]);
  });
});
