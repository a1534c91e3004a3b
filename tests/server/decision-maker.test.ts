import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/start-server';
import { apiErrorSchema, decisionRecordSchema, listResponseSchema, verifyAllSchema } from '../../src/shared/decision-record';
import { decisionTrailSchema, replaySchema } from '../../src/shared/decision-trail';
import { auditor, post, saveRequest, tempDir } from './fixtures';
import { postgresBinDir, startPostgres } from './postgres-server';

// Who decided and the diarienummer are part of the record in both stores: kept across a restart, covered by the
// record's hash, and absent (not null) from a record saved without them, which still loads, verifies and replays.
const bin = postgresBinDir();
if (bin === null && process.env.VAGVAL_REQUIRE_POSTGRES) throw new Error('VAGVAL_REQUIRE_POSTGRES is set but no PostgreSQL server programs were found.');

const stores: Array<{ name: string; skip: boolean; databaseUrl: () => Promise<{ url: string | undefined; stop: () => void }> }> = [
  { name: 'SQLite', skip: false, databaseUrl: async () => ({ url: undefined, stop: () => {} }) },
  { name: 'PostgreSQL', skip: bin === null, databaseUrl: () => startPostgres(bin!) },
];

for (const store of stores) {
  describe.skipIf(store.skip)(`the decision maker and the diarienummer in the register on ${store.name}`, () => {
    const dir = tempDir();
    let database: { url: string | undefined; stop: () => void };
    let server: RunningServer;
    const start = () => startServer({ dataDir: dir.path, port: 0, log: () => {}, ...(database.url ? { databaseUrl: database.url } : {}) });
    const get = async (path: string) => (await fetch(`${server.url}${path}`, { headers: auditor })).json();

    beforeAll(async () => {
      database = await store.databaseUrl();
      server = await start();
    }, 120_000);
    afterAll(async () => {
      await server?.close();
      database?.stop();
      dir.remove();
    });

    it('keeps who decided and the diarienummer with the record, trimmed, across a restart, under the record hash', { timeout: 30_000 }, async () => {
      const response = await post(`${server.url}/api/decisions`, saveRequest(undefined, { decidedBy: { name: ' Anna Svensson ', title: 'upphandlingschef' }, diarienummer: ' KS 2026/123 ' }));
      expect(response.status).toBe(201);
      const saved = decisionRecordSchema.parse(await response.json());
      expect(saved).toMatchObject({ decidedBy: { name: 'Anna Svensson', title: 'upphandlingschef' }, diarienummer: 'KS 2026/123' });
      await server.close();
      server = await start();
      const trail = decisionTrailSchema.parse(await get(`/api/decisions/${saved.id}`));
      expect(trail.record.decidedBy).toEqual({ name: 'Anna Svensson', title: 'upphandlingschef' });
      expect(trail.record.diarienummer).toBe('KS 2026/123');
      const list = listResponseSchema.parse(await get('/api/decisions'));
      expect(list.items.find((r) => r.id === saved.id)?.diarienummer).toBe('KS 2026/123');
      expect(verifyAllSchema.parse(await get('/api/verify')).ok).toBe(true);
    });

    it('saves, loads and replays a decision without them as before: the fields are left out, not null', { timeout: 30_000 }, async () => {
      const response = await post(`${server.url}/api/decisions`, saveRequest());
      const saved = decisionRecordSchema.parse(await response.json());
      expect('decidedBy' in saved).toBe(false);
      expect('diarienummer' in saved).toBe(false);
      const trail = decisionTrailSchema.parse(await get(`/api/decisions/${saved.id}`));
      expect(trail.record.decidedBy).toBeUndefined();
      expect(trail.outcome).not.toBeNull();
      expect(replaySchema.parse(await get(`/api/decisions/${saved.id}/replay`)).sameRuleset).toBe(true);
    });

    it('refuses a diarienummer too long or on two lines, and a decision maker without a title, naming the field', { timeout: 30_000 }, async () => {
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ diarienummer: 'K'.repeat(41) }, 'diarienummer'],
        [{ diarienummer: 'KS 2026/123\nKS 2026/124' }, 'diarienummer'],
        [{ decidedBy: { name: 'Anna Svensson', title: '' } }, 'decidedBy.title'],
      ];
      for (const [extra, field] of cases) {
        const response = await post(`${server.url}/api/decisions`, { ...saveRequest(), ...extra });
        expect(response.status).toBe(400);
        expect(apiErrorSchema.parse(await response.json()).problems?.map((p) => p.field)).toEqual([field]);
      }
    });
  });
}
