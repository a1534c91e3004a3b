import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withIdentity, type Ruleset } from '../../src/engine/ruleset';
import { nodeRuleset } from '../../src/rules-data/node-ruleset';
import type { AccessConfig } from '../../src/server/access';
import { verdictsOf } from '../../src/engine/outcome';
import { rulesetData } from '../../src/server/register-service';
import { startServer, type RunningServer } from '../../src/server/start-server';
import {
  decisionRecordSchema,
  listResponseSchema,
  statsResponseSchema,
  verifyAllSchema,
  verifyRecordSchema,
  type DecisionRecord,
} from '../../src/shared/decision-record';
import { decisionTrailSchema, replaySchema } from '../../src/shared/decision-trail';
import { evaluate } from '../../src/engine/evaluate';
import { storedBeforeLayers } from '../fixtures/stored-ruleset';
import { auditor, chunkedPost, ljungbyAnswers, post, procurer, saveRequest, tempDir } from './fixtures';

let dir: ReturnType<typeof tempDir>;
let server: RunningServer;
let current: Ruleset;
const lines: string[] = [];

const start = (access?: AccessConfig) =>
  startServer({ dataDir: dir.path, port: 0, ruleset: () => current, log: (line) => lines.push(line), ...(access ? { access } : {}) });

beforeEach(async () => {
  dir = tempDir();
  current = nodeRuleset();
  lines.length = 0;
  server = await start();
});
afterEach(async () => {
  await server.close();
  dir.remove();
});

const get = (path: string, headers: Record<string, string> = auditor) => fetch(`${server.url}${path}`, { headers });
const save = async (body: unknown = saveRequest()): Promise<DecisionRecord> => {
  const response = await post(`${server.url}/api/decisions`, body);
  expect(response.status).toBe(201);
  return decisionRecordSchema.parse(await response.json());
};

describe('saving a decision', () => {
  it('stores the record and keeps it across a restart of the server', async () => {
    const saved = await save();
    expect(saved).toMatchObject({ id: 1, chosenRoute: 'direct-award', savedBy: { user: 'upphandlare', role: 'procurer' }, rulesetVersion: current.version });
    await server.close();
    server = await start();
    const list = listResponseSchema.parse(await (await get('/api/decisions')).json());
    expect(list.items.map((r) => r.hash)).toEqual([saved.hash]);
    const trail = decisionTrailSchema.parse(await (await get('/api/decisions/1')).json());
    expect(trail.outcome?.routes.find((r) => r.route === 'direct-award')?.verdict).toBe('recommended');
  });

  it('chains each record to the previous one', async () => {
    const first = await save();
    const second = await save();
    expect(first.prevHash).toBe('0'.repeat(64));
    expect(second.prevHash).toBe(first.hash);
  });

  it('refuses verdicts that the engine does not give, naming the route', async () => {
    const body = saveRequest();
    const response = await post(`${server.url}/api/decisions`, { ...body, verdicts: { ...body.verdicts, iop: 'allowed' } });
    expect(response.status).toBe(422);
    const error = (await response.json()) as { error: string; problems: Array<{ field: string }> };
    expect(error.error).toBe('verdicts-differ');
    expect(error.problems[0]!.field).toBe('verdicts.iop');
  });

  it('refuses a decision evaluated under another rule set', async () => {
    const response = await post(`${server.url}/api/decisions`, { ...saveRequest(), rulesetHash: 'a'.repeat(64) });
    expect(response.status).toBe(409);
  });

  it('answers a malformed request with 400 naming each bad field', async () => {
    const body = saveRequest(ljungbyAnswers, { justification: '  ' });
    const response = await post(`${server.url}/api/decisions`, { ...body, answers: { ...body.answers, decisionDate: '22/11/2026' }, colour: 'blue' });
    expect(response.status).toBe(400);
    const error = (await response.json()) as { problems: Array<{ field: string; message: string }> };
    expect(error.problems.map((p) => p.field).sort()).toEqual(['answers.decisionDate', 'colour', 'justification']);
  });

  it('refuses a decision date after the rule set covers with 400 naming answers.decisionDate and the range, filing nothing', async () => {
    const body = saveRequest();
    const response = await post(`${server.url}/api/decisions`, { ...body, answers: { ...body.answers, decisionDate: '9999-12-31' } });
    expect(response.status).toBe(400);
    const error = (await response.json()) as { problems: Array<{ field: string; message: string }> };
    expect(error.problems[0]).toMatchObject({ field: 'answers.decisionDate', message: expect.stringContaining('covers decisions from 2018-01-01 to 2030-12-31') });
    expect((await (await get('/api/decisions')).json()).items).toEqual([]);
  });

  it('files a seed organisation named by its SCB code under its own id, so the register finds it under one name', async () => {
    const saved = await save(saveRequest({ ...ljungbyAnswers, organisation: 'kommun-0781' }));
    expect(saved.answers.organisation).toBe('ljungby');
    const listed = listResponseSchema.parse(await (await get('/api/decisions?organisation=ljungby')).json());
    expect(listed.items.map((r) => r.id)).toEqual([saved.id]);
  });

  it('refuses a body above the size limit without reading it', async () => {
    const response = await post(`${server.url}/api/decisions`, saveRequest(ljungbyAnswers, { justification: 'x'.repeat(70_000) }));
    expect(response.status).toBe(413);
  });

  it('refuses a chunked body above the size limit, whose length is known only by reading it', async () => {
    const body = JSON.stringify(saveRequest(ljungbyAnswers, { justification: 'x'.repeat(70_000) }));
    const response = await chunkedPost(`${server.url}/api/decisions`, body);
    expect(response).toMatchObject({ status: 413, body: { error: 'too-large' } });
    expect((await (await get('/api/decisions')).json()).items).toEqual([]);
  });

  it('saves a chunked body within the size limit', async () => {
    const response = await chunkedPost(`${server.url}/api/decisions`, JSON.stringify(saveRequest()));
    expect(response.status).toBe(201);
    expect(decisionRecordSchema.parse(response.body).id).toBe(1);
  });

  it('keeps a correction as a new record that points to the old, and counts only the correction', async () => {
    const old = await save();
    const correction = await save(saveRequest({ ...ljungbyAnswers, value: { totalSek: 300000 } }, { corrects: old.id, justification: 'Rättat värde efter ny kalkyl.' }));
    expect(correction.corrects).toBe(old.id);
    const trail = decisionTrailSchema.parse(await (await get(`/api/decisions/${old.id}`)).json());
    expect(trail.record.supersededBy).toBe(correction.id);
    const stats = statsResponseSchema.parse(await (await get('/api/stats')).json());
    expect(stats.rows).toEqual([{ organisation: 'ljungby', period: '2026', route: 'direct-award', supplierKind: 'social-enterprise', chosenVerdict: 'allowed', count: 1, valueSek: 300000 }]);
  });
});

/** Motala's "IOP" that pays 150 kr per visitor: payment for a service, so the engine judges IOP not allowed. */
const motalaPerVisitor = {
  organisation: 'motala',
  decisionDate: '2026-11-22',
  purchase: { kind: 'services', annex2Service: true, reservableServiceCode: false },
  value: { totalSek: 300000 },
  supplier: { kind: 'ideaburen', mainPurposeIntegration: false },
  contract: { years: 2 },
  partnership: { paymentForService: true, ownInitiative: true, ownContribution: false, commonGoal: true, commercialMarket: false },
} as const;

describe('saving a route the engine judged not allowed', () => {
  it('refuses it without a deviation reason with 422 naming deviationReason, whatever verdicts the client sends', async () => {
    const body = saveRequest(motalaPerVisitor, { chosenRoute: 'iop', acknowledgedVerdict: 'not-allowed' });
    expect(body.verdicts.iop).toBe('not-allowed');
    const response = await post(`${server.url}/api/decisions`, body);
    expect(response.status).toBe(422);
    const error = (await response.json()) as { error: string; problems: Array<{ field: string }> };
    expect(error).toMatchObject({ error: 'deviation-reason-required', problems: [{ field: 'deviationReason' }] });
    const blank = await post(`${server.url}/api/decisions`, { ...body, deviationReason: '   ' });
    expect(blank.status).toBe(422);
    // A client that claims IOP is allowed is refused on the verdicts before anything is filed.
    const lying = await post(`${server.url}/api/decisions`, { ...body, verdicts: { ...body.verdicts, iop: 'allowed' } });
    expect(lying.status).toBe(422);
    expect((await (await get('/api/decisions')).json()).items).toEqual([]);
  });

  it('refuses it without the acknowledgement of the verdict, naming acknowledgedVerdict', async () => {
    const body = saveRequest(motalaPerVisitor, { chosenRoute: 'iop', deviationReason: 'Föreningen driver verksamheten på eget initiativ.' });
    const response = await post(`${server.url}/api/decisions`, body);
    expect(response.status).toBe(422);
    expect(((await response.json()) as { problems: Array<{ field: string }> }).problems[0]!.field).toBe('acknowledgedVerdict');
    const wrong = await post(`${server.url}/api/decisions`, { ...body, acknowledgedVerdict: 'needs-info' });
    expect(wrong.status).toBe(422);
  });

  it('files it as an acknowledged deviation with its reason, and the record still verifies', async () => {
    const saved = await save(saveRequest(motalaPerVisitor, { chosenRoute: 'iop', acknowledgedVerdict: 'not-allowed', deviationReason: 'Politiskt beslut; juristen har granskat.' }));
    expect(saved).toMatchObject({ chosenRoute: 'iop', acknowledgedVerdict: 'not-allowed', deviationReason: 'Politiskt beslut; juristen har granskat.' });
    const verified = verifyRecordSchema.parse(await (await get(`/api/decisions/${saved.id}/verify`)).json());
    expect(verified).toEqual({ id: saved.id, ok: true, problems: [] });
  });

  it('needs no acknowledgement for the recommended route, and stores none', async () => {
    const saved = await save(saveRequest(motalaPerVisitor));
    expect(saved.chosenRoute).toBe('direct-award');
    expect(saved).not.toHaveProperty('acknowledgedVerdict');
  });

  it('keeps the answers to questions no longer asked beside the judged answers', async () => {
    const saved = await save(saveRequest(ljungbyAnswers, { unaskedAnswers: { partnership: { paymentForService: false } } }));
    expect(saved.unaskedAnswers).toEqual({ partnership: { paymentForService: false } });
    const verified = verifyRecordSchema.parse(await (await get(`/api/decisions/${saved.id}/verify`)).json());
    expect(verified.ok).toBe(true);
  });
});

describe('listing decisions', () => {
  it('filters by organisation, route, supplier kind, date and value, and pages newest first', async () => {
    await save();
    await save(saveRequest({ ...ljungbyAnswers, organisation: 'motala' }));
    await save(saveRequest({ ...ljungbyAnswers, value: { totalSek: 100000 }, decisionDate: '2026-03-01' }));
    await save(saveRequest({ ...ljungbyAnswers, supplier: { kind: 'ideaburen' } }));
    const ids = async (query: string) => listResponseSchema.parse(await (await get(`/api/decisions?${query}`)).json()).items.map((r) => r.id);
    expect(await ids('organisation=motala')).toEqual([2]);
    expect(await ids('organisation=ljungby&supplierKind=social-enterprise')).toEqual([3, 1]);
    expect(await ids('from=2026-11-01&to=2026-11-30&maxValue=500000')).toEqual([4, 2, 1]);
    expect(await ids('minValue=200000&organisation=ljungby')).toEqual([4, 1]);
    const page1 = listResponseSchema.parse(await (await get('/api/decisions?limit=3')).json());
    expect(page1.items.map((r) => r.id)).toEqual([4, 3, 2]);
    const page2 = listResponseSchema.parse(await (await get(`/api/decisions?limit=3&before=${page1.nextBefore}`)).json());
    expect(page2.items.map((r) => r.id)).toEqual([1]);
    expect(page2.nextBefore).toBeNull();
  });

  it('names a bad filter in its 400 answer', async () => {
    const response = await get('/api/decisions?route=by-post&minValue=lots');
    expect(response.status).toBe(400);
    const error = (await response.json()) as { problems: Array<{ field: string }> };
    expect(error.problems.map((p) => p.field).sort()).toEqual(['minValue', 'route']);
  });
});

describe('verifying the register', () => {
  it('reports exactly the record whose stored row was edited in the database', async () => {
    for (let i = 0; i < 5; i++) await save();
    expect(verifyAllSchema.parse(await (await get('/api/verify')).json())).toMatchObject({ checked: 5, ok: true });

    const db = new Database(join(dir.path, 'register.sqlite'));
    expect(() => db.prepare('UPDATE decisions SET total_sek = 1 WHERE id = 3').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM decisions WHERE id = 3').run()).toThrow(/append-only/);
    // Someone with file access drops the guard and rewrites the justification of record 3.
    db.exec('DROP TRIGGER decisions_no_update');
    db.prepare("UPDATE decisions SET content = replace(content, 'Lågt värde', 'Högt värde') WHERE id = 3").run();
    db.close();

    const all = verifyAllSchema.parse(await (await get('/api/verify')).json());
    expect(all.ok).toBe(false);
    expect(all.failures.map((f) => f.id)).toEqual([3]);
    expect(all.failures[0]!.problems.map((p) => p.kind)).toEqual(['hash-mismatch', 'leaf-mismatch']);
    const one = verifyRecordSchema.parse(await (await get('/api/decisions/3/verify')).json());
    expect(one.ok).toBe(false);
    expect(verifyRecordSchema.parse(await (await get('/api/decisions/4/verify')).json()).ok).toBe(true);
  });

  it('reports a record whose indexed column was changed so that lists and statistics would lie', async () => {
    await save();
    await save();
    const db = new Database(join(dir.path, 'register.sqlite'));
    db.exec('DROP TRIGGER decisions_no_update');
    db.prepare("UPDATE decisions SET chosen_route = 'iop' WHERE id = 1").run();
    db.close();
    const all = verifyAllSchema.parse(await (await get('/api/verify')).json());
    expect(all.failures).toEqual([{ id: 1, ok: false, problems: [expect.objectContaining({ kind: 'index-mismatch' })] }]);
  });

  it('reports a record whose stored rule set was altered', async () => {
    await save();
    const db = new Database(join(dir.path, 'register.sqlite'));
    db.exec('DROP TRIGGER rulesets_no_update');
    db.prepare("UPDATE rulesets SET data = replace(data, '700000', '400000')").run();
    db.close();
    await server.close();
    server = await start();
    const all = verifyAllSchema.parse(await (await get('/api/verify')).json());
    expect(all.failures.map((f) => f.problems.map((p) => p.kind))).toEqual([['ruleset-tampered']]);
  });
});

describe('replaying a decision under the current rule set', () => {
  it('names the changed limit and the verdicts it changes', async () => {
    const saved = await save();
    const data = structuredClone(rulesetData(current));
    data.manifest = { ...data.manifest, version: `${data.manifest.version}-test` };
    const limit = data.parameters['direct-award-limit']!;
    limit.values = [...limit.values, { ...limit.values.at(-1)!, from: '2026-01-01', value: 400000 }];
    current = withIdentity(data);

    const replay = replaySchema.parse(await (await get(`/api/decisions/${saved.id}/replay`)).json());
    expect(replay.sameRuleset).toBe(false);
    expect(replay.parameters).toEqual([expect.objectContaining({ id: 'direct-award-limit', before: { value: 700000, from: '2022-02-01' }, after: { value: 400000, from: '2026-01-01' } })]);
    const direct = replay.routes.find((r) => r.route === 'direct-award')!;
    expect(direct).toMatchObject({ before: 'recommended', changed: true });
    expect(direct.after).not.toBe('recommended');
    expect(direct.reasons.length).toBeGreaterThan(0);
    expect(replay.anyDifference).toBe(true);
    // The stored record still verifies under the rule set it was made with.
    expect(verifyRecordSchema.parse(await (await get(`/api/decisions/${saved.id}/verify`)).json()).ok).toBe(true);
  });

  it("replays a change in the buyer's own layer like a rule change: the versions and the note it adds", async () => {
    const saved = await save();
    const data = structuredClone(rulesetData(current));
    data.manifest = { ...data.manifest, version: `${data.manifest.version}-layer` };
    const layer = data.layers!.ljungby!;
    layer.version = '2026-01-01';
    layer.notes = [...layer.notes, { ...layer.notes[0]!, id: 'overlay.ljungby.three-quotes', route: 'direct-award', validFrom: '2026-01-01', text: { sv: 'Ta in tre offerter.', en: 'Take three quotes.' } }];
    current = withIdentity(data);

    const replay = replaySchema.parse(await (await get(`/api/decisions/${saved.id}/replay`)).json());
    expect(replay.routes.every((r) => !r.changed)).toBe(true);
    expect(replay.notes).toEqual([expect.objectContaining({ route: 'direct-award', id: 'overlay.ljungby.three-quotes', change: 'added', layer: expect.objectContaining({ sv: expect.stringMatching(/^Ljungby kommun: /) }) })]);
    expect(replay.layers.after.map((l) => `${l.id}@${l.version}`)).toEqual(['ljungby@2026-01-01']);
    expect(replay.layers.before.map((l) => `${l.id}@${l.version}`)).toEqual(['ljungby@2023-03-01']);
    expect(replay.anyDifference).toBe(true);
  });

  it('replays a decision saved when the five seed policies were overlays with the same notes and layer versions under their layers', async () => {
    const layersNow = current;
    current = storedBeforeLayers(layersNow);
    const saved: DecisionRecord[] = [];
    for (const organisation of ['ljungby', 'motala', 'lekeberg', 'region-orebro', 'region-ostergotland'] as const) {
      const answers = { ...ljungbyAnswers, organisation };
      const outcome = evaluate(current, answers);
      saved.push(await save({ ...saveRequest(answers), rulesetHash: current.hash, verdicts: verdictsOf(outcome), recommendedRoute: outcome.recommendation.route }));
    }
    current = layersNow;
    for (const record of saved) {
      const replay = replaySchema.parse(await (await get(`/api/decisions/${record.id}/replay`)).json());
      expect(replay.sameRuleset).toBe(false);
      expect(replay.notes).toEqual([]);
      expect(replay.routes.every((r) => !r.changed && r.reasons.length === 0)).toBe(true);
      expect(replay.layers.before.map((l) => `${l.id}@${l.version}`)).toEqual(replay.layers.after.map((l) => `${l.id}@${l.version}`));
      expect(replay.layers.after).toHaveLength(1);
      expect(replay.anyDifference).toBe(false);
    }
  });

  it('reports no difference when the rule set is unchanged', async () => {
    const saved = await save();
    const replay = replaySchema.parse(await (await get(`/api/decisions/${saved.id}/replay`)).json());
    expect(replay).toMatchObject({ sameRuleset: true, anyDifference: false, parameters: [], notes: [] });
  });
});

describe('statistics', () => {
  it('counts and sums purchases by organisation, quarter, route and supplier kind', async () => {
    await save();
    await save(saveRequest({ ...ljungbyAnswers, decisionDate: '2026-02-10', value: { totalSek: 100000 } }));
    await save(saveRequest({ ...ljungbyAnswers, decisionDate: '2026-11-02', value: { totalSek: 50000 } }));
    const stats = statsResponseSchema.parse(await (await get('/api/stats?period=quarter&organisation=ljungby')).json());
    expect(stats.rows.map((r) => [r.period, r.count, r.valueSek])).toEqual([
      ['2026-Q1', 1, 100000],
      ['2026-Q4', 2, 500000],
    ]);
  });
});

describe('access', () => {
  const access: AccessConfig = {
    headerIdentity: false,
    users: [
      { name: 'anna', roles: ['procurer'], organisations: ['motala'], tokenSha256: 'a665a45920422f9d417e4867efdc4fb8a04a1f3fff1fa07e998e86f7f7a27ae3' /* "123" */ },
      { name: 'rev', roles: ['auditor'], organisations: [], tokenSha256: '8d969eef6ecad3c29a3a629280e686cf0c3f5d5a86aff3ca12020c923adc6c92' /* "123456" */ },
    ],
  };
  const anna = { authorization: 'Bearer 123' };
  const rev = { authorization: 'Bearer 123456' };

  it('lets a procurer whose access names her kommun by its SCB code save and find its records, which are filed under its own id', async () => {
    await server.close();
    server = await start({ ...access, users: [{ ...access.users[0]!, organisations: ['kommun-0583'] }, access.users[1]!] });
    const saved = await post(`${server.url}/api/decisions`, saveRequest({ ...ljungbyAnswers, organisation: 'kommun-0583' }), anna);
    expect(saved.status).toBe(201);
    expect(((await saved.json()) as DecisionRecord).answers.organisation).toBe('motala');
    for (const organisation of ['kommun-0583', 'motala']) {
      const listed = listResponseSchema.parse(await (await get(`/api/decisions?organisation=${organisation}`, anna)).json());
      expect(listed.items).toHaveLength(1);
    }
    expect((await post(`${server.url}/api/decisions`, saveRequest(), anna)).status).toBe(403);
  });

  it('refuses and logs a request without an identity, a wrong role or another organisation', async () => {
    await server.close();
    server = await start(access);
    expect((await get('/api/decisions', procurer)).status).toBe(401);
    expect((await post(`${server.url}/api/decisions`, saveRequest(), rev)).status).toBe(403);
    expect((await post(`${server.url}/api/decisions`, saveRequest(), anna)).status).toBe(403);
    expect((await post(`${server.url}/api/decisions`, saveRequest({ ...ljungbyAnswers, organisation: 'motala' }), anna)).status).toBe(201);
    expect((await get('/api/verify', anna)).status).toBe(403);
    expect((await get('/api/verify', rev)).status).toBe(200);

    await server.close();
    const db = new Database(join(dir.path, 'register.sqlite'), { readonly: true });
    const log = db.prepare('SELECT user, status, path FROM access_log ORDER BY id').all();
    db.close();
    expect(log).toEqual([
      { user: null, status: 401, path: '/api/decisions' },
      { user: 'rev', status: 403, path: '/api/decisions' },
      { user: 'anna', status: 403, path: '/api/decisions' },
      { user: 'anna', status: 403, path: '/api/verify' },
    ]);
    expect(lines.filter((l) => l.startsWith('access refused'))).toHaveLength(4);
    server = await start(access);
  });

  it('tells the caller who it is taken for and shows the access log to an admin only', async () => {
    expect(await (await get('/api/me', procurer)).json()).toMatchObject({ user: 'upphandlare', role: 'procurer' });
    expect((await get('/api/me', { 'x-vagval-user': 'revisor', 'x-vagval-role': 'admin' })).status).toBe(403);
    expect((await get('/api/access-log', auditor)).status).toBe(403);
    const log = (await (await get('/api/access-log', { 'x-vagval-user': 'admin', 'x-vagval-role': 'admin' })).json()) as { entries: Array<{ user: string; path: string }> };
    expect(log.entries.map((e) => [e.user, e.path])).toEqual([
      ['revisor', '/api/access-log'],
      ['revisor', '/api/me'],
    ]);
  });

  it('shows a procurer only the records of its own organisations', async () => {
    await save();
    await save(saveRequest({ ...ljungbyAnswers, organisation: 'motala' }));
    await server.close();
    server = await start(access);
    const list = listResponseSchema.parse(await (await get('/api/decisions', anna)).json());
    expect(list.items.map((r) => r.answers.organisation)).toEqual(['motala']);
    expect((await get('/api/decisions/1', rev)).status).toBe(200);
  });

  it('answers a record of another organisation exactly as one that does not exist, naming no organisation', async () => {
    await save();
    await server.close();
    server = await start(access);
    const notYours = await get('/api/decisions/1', anna);
    const missing = await get('/api/decisions/99', anna);
    expect([notYours.status, missing.status]).toEqual([404, 404]);
    const [a, b] = [(await notYours.json()) as { error: string; message: string }, (await missing.json()) as { error: string; message: string }];
    expect(a.error).toBe(b.error);
    expect(a.message.replace('1', 'N')).toBe(b.message.replace('99', 'N'));
    for (const path of ['/api/decisions/1/replay', '/api/decisions/1']) expect(JSON.stringify(await (await get(path, anna)).json())).not.toMatch(/ljungby/i);
    // Correcting it is refused the same way as correcting a record that is not there.
    const correction = await post(`${server.url}/api/decisions`, saveRequest({ ...ljungbyAnswers, organisation: 'motala' }, { corrects: 1 }), anna);
    expect(correction.status).toBe(422);
    expect(JSON.stringify(await correction.json())).not.toMatch(/ljungby/i);
  });
});
