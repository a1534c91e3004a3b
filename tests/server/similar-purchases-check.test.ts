import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Answers } from '../../src/engine/answers-schema';
import { nodeRuleset } from '../../src/rules-data/node-ruleset';
import { defaultAccessConfig } from '../../src/server/access';
import { createApp } from '../../src/server/create-app';
import { openTransparency } from '../../src/server/start-server';
import { SqliteDecisionStore } from '../../src/server/store/sqlite-store';
import type { TransparencyLog } from '../../src/server/transparency/transparency-log';
import { similarResponseSchema } from '../../src/shared/audit-report';
import { decisionRecordSchema, type SaveDecisionRequest } from '../../src/shared/decision-record';
import type { SimilarCheck } from '../../src/shared/similar-check';
import { procurer, saveRequest, tempDir } from './fixtures';

let dir: ReturnType<typeof tempDir>;
let store: SqliteDecisionStore;
let transparency: TransparencyLog;
let app: ReturnType<typeof createApp>;
beforeEach(async () => {
  dir = tempDir('vagval-similar-');
  store = new SqliteDecisionStore(`${dir.path}/register.sqlite`);
  transparency = await openTransparency(store, { dataDir: dir.path, log: () => {} });
  app = createApp({ store, transparency, ruleset: nodeRuleset, access: defaultAccessConfig, log: () => {} });
});
afterEach(async () => {
  await transparency.close();
  await store.close();
  dir.remove();
});

const save = (request: SaveDecisionRequest) => app.request('/api/decisions', { method: 'POST', headers: { 'content-type': 'application/json', ...procurer }, body: JSON.stringify(request) });
const spring: Answers = {
  organisation: 'motala',
  decisionDate: '2026-05-04',
  purchase: { kind: 'services', description: 'Städning av fritidsgården, våren' },
  value: { annualSek: 200_000, similarPurchasesSek: 50_000, totalSek: 250_000 },
  contract: { years: 1 },
  supplier: { kind: 'any', name: 'Städkooperativet Glimten', orgNumber: '556012-5790' },
};
const autumn = (similarPurchasesSek: number): Answers => ({
  ...spring,
  decisionDate: '2026-11-22',
  purchase: { kind: 'services', description: 'Städning av fritidsgården, hösten' },
  value: { annualSek: 300_000, ...(similarPurchasesSek ? { similarPurchasesSek } : {}), totalSek: 300_000 + similarPurchasesSek },
});
const check = (id: number, choice: NonNullable<Extract<SimilarCheck, { status: 'checked' }>['found'][number]['choice']> | undefined, organisation = 'motala'): SimilarCheck => ({
  status: 'checked',
  lookup: { organisation, decisionDate: '2026-11-22', orgNumber: '556012-5790' },
  checkedAt: '2026-11-22T10:00:00.000Z',
  window: { from: '2025-11-22', to: '2027-11-22' },
  found: [{ id, decisionDate: '2026-05-04', description: 'Städning av fritidsgården, våren', supplier: 'Städkooperativet Glimten', valueSek: 200_000, route: 'direct-award', match: ['orgNumber'], ...(choice ? { choice } : {}) }],
});

describe('the similar purchases the guide adds, in the register', () => {
  it("answers each similar purchase's own value, without the similar purchases it counted in itself", async () => {
    const first = decisionRecordSchema.parse(await (await save(saveRequest(spring, { chosenRoute: 'direct-award' }))).json());
    const response = await app.request('/api/reports/similar?organisation=motala&decisionDate=2026-11-22&orgNumber=5560125790', { headers: procurer });
    const similar = similarResponseSchema.parse(await response.json());
    expect(similar.items.map((i) => [i.row.id, i.row.totalSek, i.ownValueSek])).toEqual([[first.id, 250_000, 200_000]]);
  });

  it('keeps in the record what was added and why the rest was not', async () => {
    const first = decisionRecordSchema.parse(await (await save(saveRequest(spring, { chosenRoute: 'direct-award' }))).json());
    const response = await save(saveRequest(autumn(200_000), { chosenRoute: 'direct-award', similarPurchases: check(first.id, { add: true }) }));
    expect(response.status, await response.clone().text()).toBe(201);
    const record = decisionRecordSchema.parse(await response.json());
    const stored = decisionRecordSchema.parse((await (await app.request(`/api/decisions/${record.id}`, { headers: procurer })).json() as { record: unknown }).record);
    expect(stored.similarPurchases).toEqual(check(first.id, { add: true }));
    expect(stored.answers.value?.totalSek).toBe(500_000);
  });

  it('refuses a record with a found purchase neither added nor left out with a reason, naming it', async () => {
    const response = await save(saveRequest(autumn(0), { chosenRoute: 'direct-award', similarPurchases: check(1, undefined) }));
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ error: 'similar-purchase-undecided', problems: [{ field: 'similarPurchases.found.0.choice' }] });
  });

  it('refuses additions the value does not contain, and a check made for another organisation', async () => {
    const added = await save(saveRequest(autumn(0), { chosenRoute: 'direct-award', similarPurchases: check(1, { add: true }) }));
    expect(added.status).toBe(422);
    expect(await added.json()).toMatchObject({ error: 'similar-purchases-not-counted', problems: [{ field: 'answers.value.similarPurchasesSek' }] });
    const other = await save(saveRequest(autumn(0), { chosenRoute: 'direct-award', similarPurchases: check(1, { add: false, reason: 'not-same-need' }, 'ljungby') }));
    expect(other.status).toBe(422);
    expect(await other.json()).toMatchObject({ error: 'similar-purchases-mismatch' });
  });

  it('keeps that the register could not be checked, with the reason', async () => {
    const unchecked: SimilarCheck = { status: 'unchecked', lookup: null, checkedAt: '2026-11-22T10:00:00.000Z', reason: 'offline', detail: 'the server could not be reached' };
    const response = await save(saveRequest(autumn(0), { chosenRoute: 'direct-award', similarPurchases: unchecked }));
    expect(response.status).toBe(201);
    expect(decisionRecordSchema.parse(await response.json()).similarPurchases).toEqual(unchecked);
  });
});
