import Database from 'better-sqlite3';
import { copyFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/engine/canonical-hash';
import { nodeRuleset } from '../../src/rules-data/node-ruleset';
import { storedRecordHash } from '../../src/server/chain';
import { defaultSigningKeyFile, openStore, startServer, type RunningServer } from '../../src/server/start-server';
import { adoptEvidence } from '../../src/server/transparency/adopt-evidence';
import { recordLeaf } from '../../src/server/transparency/transparency-log';
import { genesisHash, type RecordContent } from '../../src/shared/decision-record';
import { verificationReportSchema, type VerificationReport } from '../../src/shared/transparency';
import { auditor, ljungbyAnswers, post, saveRequest, tempDir } from './fixtures';

// Twenty ways of tampering with the register, each done the way
// someone with the database file would do it: with the server stopped, behind the triggers.
// Every one must be found by verify, with the record it concerns named.

let dir: ReturnType<typeof tempDir>;
let server: RunningServer | null;
const start = () => startServer({ dataDir: dir.path, port: 0, ruleset: nodeRuleset, log: () => {}, checkpointEvery: 4 });
const dbFile = () => join(dir.path, 'register.sqlite');
const evidenceDir = () => dirname(defaultSigningKeyFile(dir.path));

beforeEach(async () => {
  dir = tempDir();
  server = await start();
  for (let i = 1; i <= 10; i++) {
    const response = await post(`${server.url}/api/decisions`, saveRequest({ ...ljungbyAnswers, value: { totalSek: 10_000 * i } }, { justification: `Beslut ${i}: lågt värde, direktupphandling enligt riktlinjen.` }));
    expect(response.status).toBe(201);
  }
  // Checkpoints every 4 saves, and one now: at 4, 8 and 10 records.
  await server.transparency.checkpoint();
});
afterEach(async () => {
  await server?.close();
  dir.remove();
});

async function verify(query = ''): Promise<VerificationReport> {
  const response = await fetch(`${server!.url}/api/verify${query}`, { headers: auditor });
  expect(response.status).toBe(200);
  return verificationReportSchema.parse(await response.json());
}

/** Stops the server, lets `tamper` work on the database with the triggers dropped, and starts it again. */
async function tamperWhileStopped(tamper: (db: Database.Database) => void): Promise<void> {
  await server!.close();
  server = null;
  const db = new Database(dbFile());
  db.exec('DROP TRIGGER IF EXISTS decisions_no_update; DROP TRIGGER IF EXISTS decisions_no_delete; DROP TRIGGER IF EXISTS rulesets_no_update');
  tamper(db);
  db.close();
  server = await start();
}

type Row = { id: number; prev_hash: string; hash: string; content: string };
const rowOf = (db: Database.Database, id: number) => db.prepare('SELECT id, prev_hash, hash, content FROM decisions WHERE id = ?').get(id) as Row;
const contentOf = (db: Database.Database, id: number) => JSON.parse(rowOf(db, id).content) as RecordContent;
const setContent = (db: Database.Database, id: number, content: RecordContent) => db.prepare('UPDATE decisions SET content = ? WHERE id = ?').run(canonicalJson(content), id);

/** Recomputes every record's hash and previous-record hash from `from` on, as a careful forger would. */
function rechain(db: Database.Database, from = 1) {
  let prev = from === 1 ? genesisHash : rowOf(db, from - 1).hash;
  const rows = db.prepare('SELECT id, content FROM decisions WHERE id >= ? ORDER BY id').all(from) as Array<{ id: number; content: string }>;
  // Hashes are UNIQUE: clear them first, then write the new chain.
  for (const row of rows) db.prepare('UPDATE decisions SET hash = ? WHERE id = ?').run(`tmp-${row.id}`, row.id);
  for (const row of rows) {
    const hash = storedRecordHash(row.id, prev, row.content);
    db.prepare('UPDATE decisions SET prev_hash = ?, hash = ? WHERE id = ?').run(prev, hash, row.id);
    prev = hash;
  }
}

const failedIds = (r: VerificationReport) => r.failures.map((f) => f.id);
const kindsOf = (r: VerificationReport, id: number) => r.failures.find((f) => f.id === id)?.problems.map((p) => p.kind) ?? [];
const check = (r: VerificationReport, id: string) => r.checks.find((c) => c.id === id)!;

describe('the register before any tampering', () => {
  it('verifies, with every line of the checklist passed and the latest checkpoint reached', async () => {
    const report = await verify();
    expect(report).toMatchObject({ ok: true, checked: 10, treeSize: 10, failedCount: 0, logProblems: [] });
    expect(report.reached).toMatchObject({ treeSize: 10 });
    expect(report.checks.map((c) => [c.id, c.status])).toEqual([
      ['content-hash', 'passed'],
      ['chain-link', 'passed'],
      ['index-columns', 'passed'],
      ['inclusion', 'passed'],
      ['checkpoint-signature', 'passed'],
      ['consistency', 'passed'],
      ['ruleset-hash', 'passed'],
      ['re-evaluation', 'passed'],
      ['append-only-guards', 'passed'],
    ]);
  });
});

describe('each of the tampering cases is detected and the record named', () => {
  it('1. a verdict edited in the stored content', async () => {
    await tamperWhileStopped((db) => {
      const c = contentOf(db, 4);
      setContent(db, 4, { ...c, verdicts: { ...c.verdicts, iop: 'recommended' } });
    });
    const report = await verify();
    expect(failedIds(report)).toEqual([4]);
    expect(kindsOf(report, 4)).toEqual(expect.arrayContaining(['hash-mismatch', 'leaf-mismatch', 'verdicts-differ']));
    expect(check(report, 're-evaluation')).toMatchObject({ status: 'failed', failed: 1 });
  });

  it('2. an amount edited in the content and its column', async () => {
    await tamperWhileStopped((db) => {
      const c = contentOf(db, 5);
      setContent(db, 5, { ...c, answers: { ...c.answers, value: { totalSek: 1 } } });
      db.prepare('UPDATE decisions SET total_sek = 1 WHERE id = 5').run();
    });
    const report = await verify();
    expect(failedIds(report)).toEqual([5]);
    expect(kindsOf(report, 5)).toEqual(expect.arrayContaining(['hash-mismatch', 'leaf-mismatch']));
  });

  it('3. a justification rewritten', async () => {
    await tamperWhileStopped((db) => setContent(db, 2, { ...contentOf(db, 2), justification: 'Något helt annat.' }));
    expect(failedIds(await verify())).toEqual([2]);
  });

  it('4. savedBy changed to someone else', async () => {
    await tamperWhileStopped((db) => setContent(db, 7, { ...contentOf(db, 7), savedBy: { user: 'admin', role: 'admin' } }));
    const report = await verify();
    expect(failedIds(report)).toEqual([7]);
    expect(check(report, 'content-hash')).toMatchObject({ status: 'failed', failed: 1, checked: 10 });
  });

  it('5. the time a decision was recorded moved', async () => {
    await tamperWhileStopped((db) => setContent(db, 9, { ...contentOf(db, 9), recordedAt: '2020-01-01T00:00:00.000Z' }));
    expect(failedIds(await verify())).toEqual([9]);
  });

  it('6. only an indexed column changed, so that lists and statistics lie', async () => {
    await tamperWhileStopped((db) => db.prepare("UPDATE decisions SET chosen_route = 'iop' WHERE id = 3").run());
    const report = await verify();
    expect(failedIds(report)).toEqual([3]);
    expect(kindsOf(report, 3)).toEqual(['index-mismatch']);
  });

  it("7. a record edited and its own hash recomputed", async () => {
    await tamperWhileStopped((db) => {
      setContent(db, 4, { ...contentOf(db, 4), justification: 'Ändrad.' });
      const row = rowOf(db, 4);
      db.prepare('UPDATE decisions SET hash = ? WHERE id = 4').run(storedRecordHash(4, row.prev_hash, row.content));
    });
    const report = await verify();
    expect(kindsOf(report, 4)).toEqual(['leaf-mismatch']);
    expect(kindsOf(report, 5)).toEqual(['chain-broken']);
  });

  it('8. a record edited and the whole chain recomputed after it (old verify said OK)', async () => {
    await tamperWhileStopped((db) => {
      setContent(db, 4, { ...contentOf(db, 4), chosenRoute: 'iop' });
      db.prepare("UPDATE decisions SET chosen_route = 'iop' WHERE id = 4").run();
      rechain(db, 4);
    });
    const report = await verify();
    expect(failedIds(report)).toEqual([4]);
    expect(kindsOf(report, 4)).toEqual(['leaf-mismatch']);
  });

  it('9. the stored rule set altered', async () => {
    await tamperWhileStopped((db) => db.prepare("UPDATE rulesets SET data = replace(data, '700000', '400000')").run());
    const report = await verify();
    expect(failedIds(report)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(kindsOf(report, 1)).toEqual(['ruleset-tampered']);
    expect(check(report, 'ruleset-hash').status).toBe('failed');
  });

  it('10. a record deleted from the middle', async () => {
    await tamperWhileStopped((db) => db.prepare('DELETE FROM decisions WHERE id = 6').run());
    const report = await verify();
    expect(kindsOf(report, 6)).toEqual(['missing']);
    expect(kindsOf(report, 7)).toEqual(['missing-predecessor']);
  });

  it('11. a record deleted and the rest renumbered and rechained (old verify said OK)', async () => {
    await tamperWhileStopped((db) => {
      db.prepare('DELETE FROM decisions WHERE id = 6').run();
      for (let id = 7; id <= 10; id++) db.prepare('UPDATE decisions SET id = ? WHERE id = ?').run(id - 1, id);
      rechain(db, 6);
    });
    const report = await verify();
    expect(failedIds(report)).toEqual([6, 7, 8, 9, 10]);
    expect(kindsOf(report, 6)).toEqual(['leaf-mismatch']);
    expect(kindsOf(report, 10)).toEqual(['missing']);
  });

  it('12. two records swapped and the chain recomputed (old verify said OK)', async () => {
    await tamperWhileStopped((db) => {
      const third = rowOf(db, 3).content;
      const sixth = rowOf(db, 6).content;
      db.prepare('UPDATE decisions SET content = ? WHERE id = 3').run(sixth);
      db.prepare('UPDATE decisions SET content = ? WHERE id = 6').run(third);
      db.prepare('UPDATE decisions SET total_sek = CASE id WHEN 3 THEN 60000 ELSE 30000 END WHERE id IN (3, 6)').run();
      rechain(db, 3);
    });
    const report = await verify();
    expect(failedIds(report)).toEqual([3, 6]);
    expect(kindsOf(report, 3)).toEqual(['leaf-mismatch']);
  });

  it('13. the tail cut off (old verify said OK), and a save afterwards is refused, not written over the evidence', async () => {
    await tamperWhileStopped((db) => db.prepare('DELETE FROM decisions WHERE id > 7').run());
    const report = await verify();
    expect(failedIds(report)).toEqual([8, 9, 10]);
    expect(kindsOf(report, 8)).toEqual(['missing']);
    const response = await post(`${server!.url}/api/decisions`, saveRequest());
    expect(response.status).toBe(500);
    expect(((await response.json()) as { message: string }).message).toMatch(/nothing was saved/);
    expect(failedIds(await verify())).toEqual([8, 9, 10]);
  });

  it('14. the tail cut off and replaced by other records with a correct chain', async () => {
    await tamperWhileStopped((db) => {
      for (let id = 8; id <= 10; id++) setContent(db, id, { ...contentOf(db, id), justification: `Ersatt ${id}.` });
      rechain(db, 8);
    });
    const report = await verify();
    expect(failedIds(report)).toEqual([8, 9, 10]);
    expect(kindsOf(report, 9)).toEqual(['leaf-mismatch']);
  });

  it('15. a forged record appended with a correct chain hash (old verify said OK)', async () => {
    await tamperWhileStopped((db) => {
      const last = rowOf(db, 10);
      const content = { ...contentOf(db, 10), justification: 'Förfalskat beslut.' };
      const contentJson = canonicalJson(content);
      db.prepare(
        `INSERT INTO decisions (id, prev_hash, hash, content, organisation, decision_date, chosen_route, supplier_kind, total_sek, ruleset_hash, corrects)
         SELECT 11, ?, ?, ?, organisation, decision_date, chosen_route, supplier_kind, total_sek, ruleset_hash, corrects FROM decisions WHERE id = 10`,
      ).run(last.hash, storedRecordHash(11, last.hash, contentJson), contentJson);
    });
    const report = await verify();
    expect(failedIds(report)).toEqual([11]);
    expect(kindsOf(report, 11)).toEqual(['not-witnessed']);
  });

  it('16. the append-only triggers dropped while the server runs', async () => {
    const db = new Database(dbFile());
    db.exec('DROP TRIGGER decisions_no_update; DROP TRIGGER decisions_no_delete');
    db.close();
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.logProblems).toEqual([expect.objectContaining({ kind: 'guards-missing', detail: expect.stringContaining('decisions_no_update, decisions_no_delete') })]);
    expect(check(report, 'append-only-guards').status).toBe('failed');
  });

  it('17. the decisions table dropped (old verify said OK: an empty register)', async () => {
    await tamperWhileStopped((db) => {
      db.pragma('foreign_keys = OFF');
      db.exec('DROP TABLE decisions');
    });
    const report = await verify();
    expect(failedIds(report)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(kindsOf(report, 1)).toEqual(['missing']);
  });

  it('18. the whole database replaced by another register, chained from scratch', async () => {
    const other = tempDir();
    try {
      const elsewhere = await startServer({ dataDir: other.path, port: 0, log: () => {} });
      for (let i = 1; i <= 10; i++) await post(`${elsewhere.url}/api/decisions`, saveRequest({ ...ljungbyAnswers, value: { totalSek: 10_000 * i } }, { justification: `Annat beslut ${i}.` }));
      await elsewhere.close();
      await server!.close();
      server = null;
      copyFileSync(join(other.path, 'register.sqlite'), dbFile());
      server = await start();
    } finally {
      other.remove();
    }
    const report = await verify();
    expect(failedIds(report)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(kindsOf(report, 1)).toEqual(['leaf-mismatch']);
  });

  it('19. a record and the leaves file beside the key both rewritten: the signed checkpoints disagree', async () => {
    const checkpointBefore = await (await fetch(`${server!.url}/api/transparency/checkpoint`)).text();
    await tamperWhileStopped((db) => {
      setContent(db, 3, { ...contentOf(db, 3), justification: 'Ändrad i hemlighet.' });
      rechain(db, 3);
      const leaves = readFileSync(join(evidenceDir(), 'leaves.bin'));
      recordLeaf(3, rowOf(db, 3).content).copy(leaves, 2 * 32);
      writeFileSync(join(evidenceDir(), 'leaves.bin'), leaves);
    });
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(failedIds(report)).toEqual([]);
    // Checkpoints were signed at 4, 8 and 10 records: the first that no longer matches bounds the change.
    expect(report.logProblems[0]).toMatchObject({ kind: 'checkpoint-mismatch', recordId: 1, detail: expect.stringContaining('records 1–4') });
    const against = await runAgainst(checkpointBefore);
    expect(against.against).toMatchObject({ kind: 'checkpoint', extension: false });
  });

  it("20. the database rewritten and the evidence beside the key deleted: the start is refused, and after the operator's adoption the auditor's receipt names the decision", async () => {
    const receipt = await (await fetch(`${server!.url}/api/decisions/3/receipt`, { headers: auditor })).text();
    expect(JSON.parse(receipt)).toMatchObject({ status: 'included', recordId: 3 });
    await expect(
      tamperWhileStopped((db) => {
        setContent(db, 3, { ...contentOf(db, 3), justification: 'Ändrad i hemlighet.' });
        rechain(db, 3);
        for (const file of ['leaves.bin', 'checkpoints.jsonl']) writeFileSync(join(evidenceDir(), file), '');
      }),
    ).rejects.toThrow(/kontrollpunktsloggen .*checkpoints.jsonl slutar vid 0 poster, men databasen visar en kontrollpunkt för 10 poster/);
    const store = await openStore({ dataDir: dir.path });
    await adoptEvidence(store, { keyFile: defaultSigningKeyFile(dir.path), keyName: 'vagval.local/register', by: 'Drift', why: 'Filerna tömdes', ruleset: nodeRuleset() });
    await store.close();
    server = await start();
    const report = await runAgainst(receipt);
    expect(report.against).toMatchObject({ kind: 'receipt', extension: false, recordId: 3 });
    expect(report.against!.reasons.map((r) => r.en).join(' ')).toMatch(/decision 3 in the register today is not the decision the receipt was given for/);
    expect(report.against!.reasons.map((r) => r.sv).join(' ')).toMatch(/beslut 3 i registret i dag är inte det beslut som kvittot gavs för/);
    expect(report.logProblems).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'adopted-unwitnessed', detail: expect.stringMatching(/^10 beslut antagna utan vittne/) })]));
  });
});

async function runAgainst(against: string): Promise<VerificationReport> {
  const started = await post(`${server!.url}/api/verify/runs`, { mode: 'full', against }, auditor);
  expect(started.status).toBe(202);
  const { progress } = (await started.json()) as { progress: { runId: string } };
  for (;;) {
    const run = (await (await fetch(`${server!.url}/api/verify/runs/${progress.runId}`, { headers: auditor })).json()) as { report: unknown };
    if (run.report) return verificationReportSchema.parse(run.report);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the signing key and the evidence beside it', () => {
  it('keeps the key outside the data dir, readable by its owner only, and serves its public key', async () => {
    const keyFile = defaultSigningKeyFile(dir.path);
    expect(keyFile.startsWith(`${dir.path}/`)).toBe(false);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const info = (await (await fetch(`${server!.url}/api/transparency`)).json()) as { verifierKey: string; treeSize: number; latest: { treeSize: number } };
    expect(info.verifierKey).toBe(server!.transparency.key.vkey);
    expect([info.treeSize, info.latest.treeSize]).toEqual([10, 10]);
    expect(await (await fetch(`${server!.url}/api/transparency/public-key`)).text()).toContain('BEGIN PUBLIC KEY');
  });
});
