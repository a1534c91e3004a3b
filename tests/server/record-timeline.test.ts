import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/engine/canonical-hash';
import { nodeRuleset } from '../../src/rules-data/node-ruleset';
import { startServer, type RunningServer } from '../../src/server/start-server';
import { recordAuditSchema, type TimelineEvent } from '../../src/shared/audit-report';
import { decisionRecordSchema, type RecordContent } from '../../src/shared/decision-record';
import { verificationReportSchema, verifyRunSchema } from '../../src/shared/transparency';
import { auditor, ljungbyAnswers, post, procurer, saveRequest, tempDir } from './fixtures';

// "Verified" and "replayed" in a record's timeline are events the register keeps
// (who, when, what it found, with which rule set), in a table of their own beside the decisions.

let dir: ReturnType<typeof tempDir>;
let server: RunningServer | null;
const start = () => startServer({ dataDir: dir.path, port: 0, ruleset: nodeRuleset, log: () => {} });
const admin = { 'x-vagval-user': 'admin', 'x-vagval-role': 'admin' };

beforeEach(async () => {
  dir = tempDir('vagval-timeline-');
  server = await start();
  for (let i = 1; i <= 3; i++) expect((await post(`${server.url}/api/decisions`, saveRequest({ ...ljungbyAnswers, value: { totalSek: 10_000 * i } }))).status).toBe(201);
});
afterEach(async () => {
  await server?.close();
  dir.remove();
});

const get = (path: string, headers: Record<string, string> = auditor) => fetch(`${server!.url}/api${path}`, { headers });
const timelineOf = async (id: number): Promise<TimelineEvent[]> => recordAuditSchema.parse(await (await get(`/reports/records/${id}`)).json()).timeline;
const later = (timeline: TimelineEvent[]) => timeline.filter((e) => !['decided', 'saved', 'corrects', 'corrected-by'].includes(e.kind));

async function runToEnd(mode: 'full' | 'incremental') {
  const started = await post(`${server!.url}/api/verify/runs`, { mode }, auditor);
  expect(started.status).toBe(202);
  const { progress } = verifyRunSchema.parse(await started.json());
  for (;;) {
    const run = verifyRunSchema.parse(await (await get(`/verify/runs/${progress.runId}`)).json());
    if (run.report) {
      // The run's event is kept once its report is out: give the store its turn.
      await new Promise((resolve) => setTimeout(resolve, 50));
      return run.report;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("a record's timeline", () => {
  it('keeps a check of the record with who, when, the result and the rule set, and leaves the record as it was', async () => {
    const before = decisionRecordSchema.parse((await (await get('/decisions/2')).json()).record);
    expect((await get('/decisions/2/verify')).status).toBe(200);
    const events = later(await timelineOf(2));
    expect(events).toEqual([
      expect.objectContaining({ kind: 'verified', by: 'revisor', role: 'auditor', result: 'passed', rulesetVersion: nodeRuleset().version, detail: { kind: 'verified', problems: [] } }),
    ]);
    expect(Date.parse(events[0]!.at)).toBeGreaterThan(Date.parse(before.recordedAt) - 1);
    // The other records' timelines do not show it; the record's hash and the chain are untouched.
    expect(later(await timelineOf(1))).toEqual([]);
    const after = decisionRecordSchema.parse((await (await get('/decisions/2')).json()).record);
    expect(after.hash).toBe(before.hash);
    const report = verificationReportSchema.parse(await (await get('/verify')).json());
    expect(report).toMatchObject({ ok: true, checked: 3, logProblems: [] });
  });

  it('keeps a replay with the rule set it was replayed with, by a procurer too', async () => {
    expect((await get('/decisions/1/replay', procurer)).status).toBe(200);
    expect(later(await timelineOf(1))).toEqual([
      expect.objectContaining({
        kind: 'replayed',
        by: 'upphandlare',
        role: 'procurer',
        result: 'unchanged',
        rulesetVersion: nodeRuleset().version,
        detail: expect.objectContaining({ kind: 'replayed', storedVersion: nodeRuleset().version, changed: false, chosenRoute: 'direct-award' }),
      }),
    ]);
  });

  it('puts a verification run into the timeline of every record it checked, and not of those saved after it', async () => {
    const full = await runToEnd('full');
    expect(full.ok).toBe(true);
    expect((await post(`${server!.url}/api/decisions`, saveRequest({ ...ljungbyAnswers, value: { totalSek: 90_000 } }))).status).toBe(201);
    for (const id of [1, 3]) {
      expect(later(await timelineOf(id))).toEqual([
        expect.objectContaining({ kind: 'verification-run', by: 'revisor', result: 'passed', detail: expect.objectContaining({ kind: 'verification-run', runId: full.runId, mode: 'full', checked: 3, failedCount: 0 }) }),
      ]);
    }
    expect(later(await timelineOf(4))).toEqual([]);
    // An incremental run covers only what it checked: record 4.
    const incremental = await runToEnd('incremental');
    expect(incremental).toMatchObject({ ok: true, checked: 1 });
    expect(later(await timelineOf(4)).map((e) => [e.kind, e.detail?.kind === 'verification-run' ? e.detail.mode : null])).toEqual([['verification-run', 'incremental']]);
    expect(later(await timelineOf(3))).toHaveLength(1);
    // GET /api/verify (the whole run in one answer) is kept the same way, with its caller.
    expect((await get('/verify', admin)).status).toBe(200);
    expect(later(await timelineOf(4)).map((e) => [e.kind, e.by])).toEqual([
      ['verification-run', 'revisor'],
      ['verification-run', 'admin'],
    ]);
  });

  it('puts an impact analysis that ran to its end into the timeline of every record it judged, with what it found for each', { timeout: 60_000 }, async () => {
    const hash = nodeRuleset().hash;
    const text = await (await get(`/reports/impact?from=${hash}&to=${hash}`)).text();
    expect(text.trim().split('\n').at(-1)).toMatch(/"type":"done","checked":3,"changed":0,"lastId":3/);
    for (const id of [1, 2, 3]) {
      expect(later(await timelineOf(id))).toEqual([
        expect.objectContaining({
          kind: 'impact-analysis',
          by: 'revisor',
          result: 'unchanged',
          detail: expect.objectContaining({ kind: 'impact-analysis', from: { version: nodeRuleset().version, hash }, to: expect.objectContaining({ working: false }), checked: 3, changed: 0, organisation: null }),
        }),
      ]);
    }
    // One organisation's analysis does not enter the others' records.
    await get(`/reports/impact?from=${hash}&to=${hash}&organisation=motala`).then((r) => r.text());
    expect(later(await timelineOf(1)).map((e) => e.kind)).toEqual(['impact-analysis']);
  });

  it('says which record a run found changed, and that the others passed', async () => {
    await server!.close();
    server = null;
    const db = new Database(`${dir.path}/register.sqlite`);
    db.exec('DROP TRIGGER decisions_no_update');
    const row = db.prepare('SELECT content FROM decisions WHERE id = 2').get() as { content: string };
    const content = JSON.parse(row.content) as RecordContent;
    db.prepare('UPDATE decisions SET content = ? WHERE id = 2').run(canonicalJson({ ...content, justification: 'Ändrad i efterhand.' }));
    db.close();
    server = await start();
    const report = verificationReportSchema.parse(await (await get('/verify')).json());
    expect(report.ok).toBe(false);
    const [two] = later(await timelineOf(2));
    expect(two).toMatchObject({ kind: 'verification-run', result: 'failed', detail: { failedIds: [2], failedCount: 1 } });
    expect(later(await timelineOf(1))[0]).toMatchObject({ kind: 'verification-run', result: 'passed' });
    expect((await get('/decisions/2/verify')).status).toBe(200);
    expect(later(await timelineOf(2))[1]).toMatchObject({ kind: 'verified', result: 'failed', detail: { problems: expect.arrayContaining(['hash-mismatch']) } });
  });

  it('is append-only: the events table refuses UPDATE and DELETE, and a verification names a guard that is gone', async () => {
    expect((await get('/decisions/1/verify')).status).toBe(200);
    const db = new Database(`${dir.path}/register.sqlite`);
    expect(() => db.prepare("UPDATE record_events SET user = 'någon annan'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM record_events').run()).toThrow(/append-only/);
    db.exec('DROP TRIGGER record_events_no_delete');
    db.close();
    const report = verificationReportSchema.parse(await (await get('/verify')).json());
    expect(report.logProblems).toEqual([expect.objectContaining({ kind: 'guards-missing', detail: expect.stringContaining('record_events_no_delete') })]);
    expect(later(await timelineOf(1)).map((e) => [e.kind, e.result])).toEqual([
      ['verified', 'passed'],
      ['verification-run', 'passed'],
    ]);
  });
});
