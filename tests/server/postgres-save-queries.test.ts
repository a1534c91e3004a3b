import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/start-server';
import { decisionRecordSchema } from '../../src/shared/decision-record';
import { ljungbyAnswers, post, procurer, saveRequest, tempDir } from './fixtures';
import { postgresBinDir, startPostgres } from './postgres-server';

const bin = postgresBinDir();
if (bin === null && process.env.VAGVAL_REQUIRE_POSTGRES) {
  throw new Error('VAGVAL_REQUIRE_POSTGRES is set but no PostgreSQL server programs were found under /usr/lib/postgresql (Debian package postgresql).');
}

/** Every statement any connection of the process sends while `work` runs. */
async function statementsDuring(work: () => Promise<void>): Promise<string[]> {
  const sent: string[] = [];
  const original = pg.Client.prototype.query;
  const spy = vi.spyOn(pg.Client.prototype, 'query').mockImplementation(function (this: pg.Client, ...args: unknown[]) {
    const first = args[0];
    sent.push(typeof first === 'string' ? first : String((first as { text?: string }).text));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as never);
  try {
    await work();
  } finally {
    spy.mockRestore();
  }
  return sent;
}

describe.skipIf(bin === null)('a save on PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof startPostgres>>;
  let servers: RunningServer[] = [];
  const dir = tempDir();

  beforeAll(async () => {
    database = await startPostgres(bin!);
    servers = [await startServer({ databaseUrl: database.url, dataDir: dir.path, log: () => {} }), await startServer({ databaseUrl: database.url, dataDir: dir.path, log: () => {} })];
    await post(`${servers[0]!.url}/api/decisions`, saveRequest(ljungbyAnswers));
  }, 120_000);
  afterAll(async () => {
    for (const server of servers) await server.close();
    database?.stop();
    dir.remove();
  });

  const save = async (server: RunningServer, headers?: Record<string, string>) => {
    const response = await post(`${server.url}/api/decisions`, saveRequest(ljungbyAnswers), headers);
    expect(response.status).toBe(201);
    return decisionRecordSchema.parse(await response.json());
  };

  it('takes one transaction of three statements, and never asks for the head it committed itself', async () => {
    const sent = await statementsDuring(async () => {
      for (let i = 0; i < 10; i++) await save(servers[0]!);
    });
    // The shared checkpoints are read at most once a second for receipts, whatever the number of saves.
    const perSave = sent.filter((s) => !s.includes('transparency_checkpoints'));
    expect(perSave.filter((s) => /MAX\(id\)/i.test(s))).toEqual([]);
    expect(perSave).toHaveLength(30);
  });

  it('claims an Idempotency-Key in the same statements, after one look for an earlier claim before and one under the lock', async () => {
    const sent = await statementsDuring(async () => {
      for (let i = 0; i < 10; i++) await save(servers[0]!, { ...procurer, 'idempotency-key': randomUUID() });
    });
    // Expired keys are purged at most once an hour.
    const perSave = sent.filter((s) => !s.includes('transparency_checkpoints') && !s.startsWith('DELETE FROM idempotency_keys'));
    expect(perSave.filter((s) => s.includes('FROM idempotency_keys'))).toHaveLength(20);
    expect(perSave).toHaveLength(50);
  });

  it("gives the receipt of another instance's record saved after this instance's last save", async () => {
    const theirs = await save(servers[1]!);
    const receipt = await fetch(`${servers[0]!.url}/api/decisions/${theirs.id}/receipt`, { headers: procurer });
    expect(receipt.status).toBe(200);
    expect(await receipt.json()).toMatchObject({ recordId: theirs.id });
  });
});
