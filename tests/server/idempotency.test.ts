import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeRuleset } from '../../src/rules-data/node-ruleset';
import { defaultAccessConfig } from '../../src/server/access';
import { createApp } from '../../src/server/create-app';
import { openTransparency, startServer, type RunningServer } from '../../src/server/start-server';
import { SqliteDecisionStore } from '../../src/server/store/sqlite-store';
import { decisionRecordSchema, listResponseSchema } from '../../src/shared/decision-record';
import { auditor, ljungbyAnswers, post, procurer, saveRequest, tempDir } from './fixtures';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir('vagval-idempotency-');
});
afterEach(() => dir.remove());

describe('saves with an Idempotency-Key', () => {
  let server: RunningServer;
  const start = async () => (server = await startServer({ dataDir: dir.path, port: 0, log: () => {} }));
  beforeEach(start);
  afterEach(async () => server.close());
  const saveOnce = (key: string, body: unknown = saveRequest()) => post(`${server.url}/api/decisions`, body, { ...procurer, 'idempotency-key': key });
  const stored = async () => listResponseSchema.parse(await (await fetch(`${server.url}/api/decisions?limit=200`, { headers: auditor })).json()).items;

  it('answers a retry with the same key and body with 200 and the first record, and stores it once', async () => {
    const key = randomUUID();
    const first = await saveOnce(key);
    expect(first.status).toBe(201);
    const record = decisionRecordSchema.parse(await first.json());
    const retry = await saveOnce(key.toUpperCase());
    expect(retry.status).toBe(200);
    expect(decisionRecordSchema.parse(await retry.json())).toEqual(record);
    // Kept on disk with the record: a restart does not forget it.
    await server.close();
    await start();
    expect((await saveOnce(key)).status).toBe(200);
    expect((await stored()).map((r) => r.id)).toEqual([record.id]);
  });

  it('stores one record when many retries with the same key arrive at once', async () => {
    const key = randomUUID();
    const statuses = await Promise.all(Array.from({ length: 25 }, () => saveOnce(key).then((r) => r.status)));
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(24);
    expect(await stored()).toHaveLength(1);
  });

  it('refuses the same key with another body with 422 naming the header, and stores nothing new', async () => {
    const key = randomUUID();
    expect((await saveOnce(key)).status).toBe(201);
    const other = await saveOnce(key, saveRequest({ ...ljungbyAnswers, value: { totalSek: 123_000 } }));
    expect(other.status).toBe(422);
    expect(await other.json()).toMatchObject({ error: 'idempotency-key-reused', problems: [{ field: 'Idempotency-Key' }] });
    expect(await stored()).toHaveLength(1);
  });

  it('refuses a key that is not a UUID with 400 naming the header', async () => {
    const response = await saveOnce('12345');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ problems: [{ field: 'Idempotency-Key' }] });
    expect(await stored()).toHaveLength(0);
  });

  it('saves two records for two keys with the same body', async () => {
    expect((await saveOnce(randomUUID())).status).toBe(201);
    expect((await saveOnce(randomUUID())).status).toBe(201);
    expect(await stored()).toHaveLength(2);
  });
});

describe('a save whose outcome is not known', () => {
  it('says the outcome is unknown, never that nothing was saved, and a retry with the key finds the record', async () => {
    let failNext = true;
    const store = new SqliteDecisionStore(join(dir.path, 'register.sqlite'), {
      // The commit went to the WAL, then its fsync failed: the record may or may not survive a power loss.
      syncFile: async () => {
        if (failNext) {
          failNext = false;
          throw new Error('EIO: i/o error, fdatasync');
        }
      },
    });
    const transparency = await openTransparency(store, { dataDir: dir.path, log: () => {} });
    const app = createApp({ store, transparency, ruleset: nodeRuleset, access: defaultAccessConfig, log: () => {} });
    const key = randomUUID();
    const send = () =>
      app.request('http://localhost/api/decisions', { method: 'POST', headers: { 'content-type': 'application/json', ...procurer, 'idempotency-key': key }, body: JSON.stringify(saveRequest()) });
    try {
      const first = await send();
      expect(first.status).toBe(503);
      const error = (await first.json()) as { error: string; message: string };
      expect(error.error).toBe('outcome-unknown');
      expect(error.message).toMatch(/Idempotency-Key/);
      expect(error.message).not.toMatch(/nothing was saved|not saved/i);
      const health = await app.request('http://localhost/api/health');
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ ok: false, writable: false, problem: expect.stringContaining('EIO') });

      const retry = await send();
      expect(retry.status).toBe(200);
      expect(decisionRecordSchema.parse(await retry.json()).id).toBe(1);
      expect((await store.list({}, 10)).items).toHaveLength(1);
      // The first save that syncs again clears the report.
      await app.request('http://localhost/api/decisions', { method: 'POST', headers: { 'content-type': 'application/json', ...procurer }, body: JSON.stringify(saveRequest()) });
      expect((await app.request('http://localhost/api/health')).status).toBe(200);
    } finally {
      await transparency.close();
      await store.close();
    }
  });
});
