import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { cpSync, readFileSync, rmSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/engine/canonical-hash';
import { nodeRuleset } from '../../src/rules-data/node-ruleset';
import { storedRecordHash } from '../../src/server/chain';
import { defaultSigningKeyFile, startServer, type RunningServer } from '../../src/server/start-server';
import { cosignerOf } from '../../src/server/transparency/cosignature-note';
import { parseVerifierKey } from '../../src/server/transparency/signing-key';
import { recordLeaf } from '../../src/server/transparency/transparency-log';
import { Witness, type WitnessAnswer } from '../../src/witness/add-checkpoint';
import { pullFrom } from '../../src/witness/pull';
import { WitnessState } from '../../src/witness/witness-state';
import type { RecordContent } from '../../src/shared/decision-record';
import { exceptionResponseSchema, recordAuditSchema, socialReportSchema, splitGroupResponseSchema } from '../../src/shared/audit-report';
import { listResponseSchema, statsResponseSchema } from '../../src/shared/decision-record';
import { decisionTrailSchema } from '../../src/shared/decision-trail';
import { transparencyInfoSchema, verificationReportSchema, type VerificationReport } from '../../src/shared/transparency';
import { auditor, ljungbyAnswers, post, procurer, saveRequest, tempDir } from './fixtures';

/*
 * The tampers beyond the records themselves, each stated with who finds it. The first twenty
 * (edit, rechain, truncate, renumber, swap, forged append without a leaf, dropped triggers and
 * table, replaced database, rewritten leaves, deleted evidence) are in tamper-evidence.test.ts,
 * all found by verify. Here:
 *   the start refuses   evidence beside the key deleted or cut short, the key deleted;
 *   verify              a forged append with its leaf, erased or edited side logs, a rolled-back database;
 *   the witness         what leaves the register whole and self-consistent but not the one the
 *                       auditor's witness saw: a rolled-back backup of everything, a fork of two
 *                       copies, a key replaced with everything else. These assert that verify
 *                       alone does NOT find them, and that the revisor's witness (the same code
 *                       `npm run witness -- pull` runs; witness-process.test.ts runs it as its own
 *                       process) refuses the register's checkpoint, saying why;
 *   the documented limit  a save made through the running server is a save (docs/register.md).
 * All are done as the owner of the database and the data folder would, with the server stopped
 * (the writer lock refuses a second writer while it runs), behind the triggers, without the key.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
let dir: ReturnType<typeof tempDir>;
let server: RunningServer | null;
const start = (dataDir = dir.path) => startServer({ dataDir, port: 0, ruleset: nodeRuleset, log: () => {}, checkpointEvery: 4 });
const dbFile = (dataDir = dir.path) => join(dataDir, 'register.sqlite');
const evidence = (file: string, dataDir = dir.path) => join(dirname(defaultSigningKeyFile(dataDir)), file);
const save = (i: number, url = server!.url) => post(`${url}/api/decisions`, saveRequest({ ...ljungbyAnswers, value: { totalSek: 10_000 * i } }, { justification: `Beslut ${i}: lågt värde.` }));

beforeEach(async () => {
  dir = tempDir();
  server = await start();
  for (let i = 1; i <= 10; i++) expect((await save(i)).status).toBe(201);
  // Something in each side log: a check of one record (record_events) and a refused request (access_log).
  expect((await fetch(`${server.url}/api/decisions/3/verify`, { headers: auditor })).status).toBe(200);
  expect((await fetch(`${server.url}/api/verify`, { headers: procurer })).status).toBe(403);
  await server.transparency.checkpoint();
  await stop();
});
afterEach(async () => {
  await server?.close();
  dir.remove();
});

async function stop(): Promise<void> {
  await server?.close();
  server = null;
}

async function verify(against?: string): Promise<VerificationReport> {
  if (against === undefined) {
    const response = await fetch(`${server!.url}/api/verify`, { headers: auditor });
    expect(response.status).toBe(200);
    return verificationReportSchema.parse(await response.json());
  }
  const started = await post(`${server!.url}/api/verify/runs`, { mode: 'full', against }, auditor);
  const { progress } = (await started.json()) as { progress: { runId: string } };
  for (;;) {
    const run = (await (await fetch(`${server!.url}/api/verify/runs/${progress.runId}`, { headers: auditor })).json()) as { report: unknown };
    if (run.report) return verificationReportSchema.parse(run.report);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function inDatabase(work: (db: Database.Database) => void, dataDir = dir.path): void {
  const db = new Database(dbFile(dataDir));
  db.exec('DROP TRIGGER IF EXISTS decisions_no_update; DROP TRIGGER IF EXISTS decisions_no_delete; DROP TRIGGER IF EXISTS record_events_no_delete; DROP TRIGGER IF EXISTS record_events_no_update; DROP TRIGGER IF EXISTS access_log_no_delete; DROP TRIGGER IF EXISTS checkpoint_marks_no_delete');
  work(db);
  db.close();
}

const startRefusal = () => start().then(
  (s) => {
    server = s;
    return 'it started';
  },
  (error: Error) => error.message,
);

type Row = { id: number; hash: string; content: string };
const rowOf = (db: Database.Database, id: number) => db.prepare('SELECT id, hash, content FROM decisions WHERE id = ?').get(id) as Row;

function forgeAppend(db: Database.Database): string {
  const last = rowOf(db, 10);
  const content = { ...(JSON.parse(last.content) as RecordContent), justification: 'Förfalskat beslut.' };
  const contentJson = canonicalJson(content);
  db.prepare(
    `INSERT INTO decisions (id, prev_hash, hash, content, organisation, decision_date, chosen_route, supplier_kind, total_sek, ruleset_hash, corrects)
     SELECT 11, ?, ?, ?, organisation, decision_date, chosen_route, supplier_kind, total_sek, ruleset_hash, corrects FROM decisions WHERE id = 10`,
  ).run(last.hash, storedRecordHash(11, last.hash, contentJson), contentJson);
  return contentJson;
}

/**
 * The revisor's witness, following this register under the public key it has today, with its own
 * key and state folder; `pull` is what `npm run witness -- pull <register>` does.
 */
async function revisorsWitness(): Promise<{ pull: (url?: string) => Promise<WitnessAnswer>; remove: () => void }> {
  const info = transparencyInfoSchema.parse(await (await fetch(`${server!.url}/api/transparency`)).json());
  const { privateKey } = generateKeyPairSync('ed25519');
  const folder = tempDir('vagval-witness-');
  const witness = new Witness({
    key: { ...cosignerOf('revisorn.example/vittne', createPublicKey(privateKey)), privateKey },
    logs: new Map([[info.origin, [parseVerifierKey(info.verifierKey)]]]),
    state: new WitnessState(folder.path),
  });
  return { pull: async (url = server!.url) => (await pullFrom(url, witness)).answer, remove: () => folder.remove() };
}

/** The server, opening the database, puts back the triggers the tamper dropped: the guard check then has nothing to say. */
const reopen = async () => {
  server = await start();
};

describe('the start refuses when the evidence beside the key is missing or short (the key kept)', () => {
  it('21. leaves.bin deleted', async () => {
    unlinkSync(evidence('leaves.bin'));
    const refusal = await startRefusal();
    expect(refusal).toMatch(/lövfilen .*leaves\.bin saknas/);
    expect(refusal).toMatch(/the leaves file .*leaves\.bin is missing/);
    expect(refusal).toMatch(/npm run register -- adopt-evidence --by NAMN --why TEXT/);
  });

  it('22. leaves.bin cut short', async () => {
    truncateSync(evidence('leaves.bin'), 6 * 32);
    expect(await startRefusal()).toMatch(/holds 6 leaves, but a signed checkpoint covers 10/);
  });

  it('23. the last checkpoints cut from checkpoints.jsonl: the database kept the signed size', async () => {
    const lines = readFileSync(evidence('checkpoints.jsonl'), 'utf8').trimEnd().split('\n');
    writeFileSync(evidence('checkpoints.jsonl'), `${lines.slice(0, -1).join('\n')}\n`);
    const refusal = await startRefusal();
    expect(refusal).toMatch(/kontrollpunktsloggen .*checkpoints\.jsonl slutar vid 8 poster, men databasen visar en kontrollpunkt för 10 poster/);
    expect(refusal).toMatch(/the checkpoint log .*checkpoints\.jsonl ends at 8 records, but the database records a checkpoint of 10 records/);
  });

  it('24. checkpoints.jsonl deleted: refused, then the operator adopts with the real command, which is recorded, and verify fails until a witness cosigns past it', async () => {
    unlinkSync(evidence('checkpoints.jsonl'));
    expect(await startRefusal()).toMatch(/checkpoints\.jsonl saknas, men databasen visar en kontrollpunkt för 10 poster/);
    const adopt = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/register.ts', 'adopt-evidence', '--by', 'Kim Drift', '--why', 'Filen raderades vid en diskflytt'], { cwd: root, env: { ...process.env, VAGVAL_DATA_DIR: dir.path }, encoding: 'utf8' });
    expect(adopt.stderr).toBe('');
    expect(adopt.status).toBe(0);
    expect(adopt.stdout).toMatch(/Beslut antagna utan vittne \/ decisions adopted without a witness: nr 1–10/);
    await reopen();
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.logProblems).toEqual([expect.objectContaining({ kind: 'adopted-unwitnessed', recordId: 1, detail: expect.stringMatching(/^10 beslut antagna utan vittne .*Kim Drift: "Filen raderades vid en diskflytt"/) })]);
    // The adoption is in the timeline of every record it took.
    const audit = recordAuditSchema.parse(await (await fetch(`${server!.url}/api/reports/records/4`, { headers: auditor })).json());
    expect(audit.timeline).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'evidence-adopted', by: 'Kim Drift', role: 'admin' })]));
    // A second adoption has nothing to adopt: the evidence is whole again, if not witnessed.
    await stop();
    const again = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/register.ts', 'adopt-evidence', '--by', 'Kim Drift', '--why', 'igen'], { cwd: root, env: { ...process.env, VAGVAL_DATA_DIR: dir.path }, encoding: 'utf8' });
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/nothing of the evidence is missing/);
  }, 30_000);

  it('25. both leaves.bin and checkpoints.jsonl deleted, the database rewritten, the key kept (the server used to vouch for it)', async () => {
    inDatabase((db) => {
      db.prepare("UPDATE decisions SET content = replace(content, 'Beslut 4:', 'Ändrat 4:') WHERE id = 4").run();
    });
    unlinkSync(evidence('leaves.bin'));
    unlinkSync(evidence('checkpoints.jsonl'));
    const refusal = await startRefusal();
    expect(refusal).toMatch(/leaves\.bin saknas/);
    expect(refusal).toMatch(/checkpoints\.jsonl saknas/);
  });

  it('26. the signing key deleted, the evidence kept', async () => {
    unlinkSync(defaultSigningKeyFile(dir.path));
    expect(await startRefusal()).toMatch(/signeringsnyckeln .*signing-key\.pem saknas, men databasen visar en kontrollpunkt för 10 poster/);
    // Refused, the start left no new key behind to make the next start look whole.
    expect(await startRefusal()).toMatch(/signing key .* is missing/);
  });

  it('27. the evidence rolled back to an older backup while the database went on', async () => {
    const backup = join(dirname(dir.path), 'evidence-backup');
    await reopen();
    await stop();
    cpSync(dirname(defaultSigningKeyFile(dir.path)), backup, { recursive: true });
    await reopen();
    for (let i = 11; i <= 14; i++) await save(i);
    await stop();
    rmSync(dirname(defaultSigningKeyFile(dir.path)), { recursive: true });
    cpSync(backup, dirname(defaultSigningKeyFile(dir.path)), { recursive: true });
    expect(await startRefusal()).toMatch(/checkpoints\.jsonl ends at 10 records, but the database records a checkpoint of 14 records/);
  });
});

describe('verify finds', () => {
  it('28. a forged record appended with a correct chain and its leaf written into leaves.bin (no key: the leaf has no valid tag)', async () => {
    inDatabase((db) => {
      const contentJson = forgeAppend(db);
      const leaves = readFileSync(evidence('leaves.bin'));
      writeFileSync(evidence('leaves.bin'), Buffer.concat([leaves.subarray(0, 10 * 32), recordLeaf(11, contentJson)]));
    });
    await reopen();
    const report = await verify();
    expect(report.failures.map((f) => [f.id, f.problems.map((p) => p.kind)])).toEqual([[11, ['not-witnessed']]]);
  });

  it('29. the record events erased (checks, runs, replays)', async () => {
    inDatabase((db) => db.exec('DELETE FROM record_events'));
    await reopen();
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.logProblems).toEqual([expect.objectContaining({ kind: 'side-log-broken', detail: expect.stringMatching(/händelseloggen .*signerade 1 rader, tabellen har bara 0: rader har raderats/) })]);
  });

  it('30. a record event edited: its result turned round', async () => {
    inDatabase((db) => db.exec('UPDATE record_events SET ok = 1 - ok'));
    await reopen();
    const report = await verify();
    expect(report.logProblems).toEqual([expect.objectContaining({ kind: 'side-log-broken', detail: expect.stringMatching(/the record events .*the first 1 rows do not match the checkpoint/) })]);
  });

  it("29b. a verification run's event kept after the last save, erased: the side logs are signed even when no decision was added", async () => {
    await reopen();
    expect((await verify()).ok).toBe(true);
    await stop();
    inDatabase((db) => db.exec("DELETE FROM record_events WHERE detail LIKE '{\"kind\":\"verification-run\"%'"));
    await reopen();
    const report = await verify();
    expect(report.logProblems).toEqual([expect.objectContaining({ kind: 'side-log-broken', detail: expect.stringMatching(/signerade 2 rader, tabellen har bara 1/) })]);
  });

  it('31. the access log erased', async () => {
    inDatabase((db) => db.exec('DELETE FROM access_log'));
    await reopen();
    const report = await verify();
    expect(report.logProblems).toEqual([expect.objectContaining({ kind: 'side-log-broken', detail: expect.stringMatching(/åtkomstloggen: .*rader har raderats/) })]);
  });

  it('32. the record events table dropped', async () => {
    inDatabase((db) => db.exec('DROP TABLE record_events'));
    await reopen();
    const report = await verify();
    expect(report.logProblems.map((p) => p.kind)).toContain('side-log-broken');
  });

  it('33. the database rolled back to an older backup, the evidence kept', async () => {
    const backup = join(dirname(dir.path), 'register-backup.sqlite');
    cpSync(dbFile(), backup);
    await reopen();
    for (let i = 11; i <= 14; i++) await save(i);
    await stop();
    cpSync(backup, dbFile());
    rmSync(`${dbFile()}-wal`, { force: true });
    await reopen();
    const report = await verify();
    expect(report.failures.map((f) => f.id)).toEqual([11, 12, 13, 14]);
    expect(report.failures[0]!.problems[0]!.kind).toBe('missing');
  });

  it('34. the checkpoint log cut and its marks in the database erased, and a record after the cut rewritten with its leaf', async () => {
    const lines = readFileSync(evidence('checkpoints.jsonl'), 'utf8').trimEnd().split('\n');
    writeFileSync(evidence('checkpoints.jsonl'), `${lines.slice(0, -1).join('\n')}\n`);
    inDatabase((db) => {
      db.exec('DELETE FROM checkpoint_marks');
      db.prepare("UPDATE decisions SET content = replace(content, 'Beslut 9:', 'Ändrat 9:') WHERE id = 9").run();
      const leaves = readFileSync(evidence('leaves.bin'));
      recordLeaf(9, rowOf(db, 9).content).copy(leaves, 8 * 32);
      writeFileSync(evidence('leaves.bin'), leaves);
    });
    await reopen();
    const report = await verify();
    expect(report.failures.map((f) => f.id)).toEqual(expect.arrayContaining([9]));
    expect(report.ok).toBe(false);
  });
});

describe("the witness's: verify alone does not find these, since the register is whole and self-consistent, and the revisor's witness refuses them", () => {
  it('35. everything (database, evidence, key) rolled back to an older backup', async () => {
    const backup = tempDir('vagval-backup-');
    for (const name of ['data', 'data-transparency']) cpSync(join(dirname(dir.path), name), join(dirname(backup.path), name), { recursive: true });
    await reopen();
    const witness = await revisorsWitness();
    for (let i = 11; i <= 14; i++) await save(i);
    await server!.transparency.checkpoint();
    expect(await witness.pull()).toMatchObject({ status: 200, size: 14 });
    await stop();
    for (const name of ['data', 'data-transparency']) {
      rmSync(join(dirname(dir.path), name), { recursive: true });
      cpSync(join(dirname(backup.path), name), join(dirname(dir.path), name), { recursive: true });
    }
    backup.remove();
    await reopen();
    const report = await verify();
    expect(report).toMatchObject({ ok: true, treeSize: 10 });
    const refused = await witness.pull();
    witness.remove();
    expect(refused).toMatchObject({ status: 400, reason: { sv: 'vittnet har redan bevittnat 14 beslut; en kontrollpunkt med 10 är att gå tillbaka' } });
  });

  it('36. a fork: two copies of the whole register, each saving its own records', async () => {
    const copy = tempDir('vagval-fork-');
    try {
      cpSync(dirname(dir.path), dirname(copy.path), { recursive: true });
      await reopen();
      const other = await start(copy.path);
      const witness = await revisorsWitness();
      try {
        await save(11);
        await save(99, other.url);
        await server!.transparency.checkpoint();
        await other.transparency.checkpoint();
        const mine = await verify();
        const theirs = verificationReportSchema.parse(await (await fetch(`${other.url}/api/verify`, { headers: auditor })).json());
        expect([mine.ok, theirs.ok]).toEqual([true, true]);
        expect(mine.reached!.treeSize).toBe(theirs.reached!.treeSize);
        // Two signed roots for 11 records: only someone who sees both (the witness) can tell.
        expect(mine.reached!.rootHash).not.toBe(theirs.reached!.rootHash);
        expect(await witness.pull()).toMatchObject({ status: 200, size: 11 });
        expect(await witness.pull(other.url)).toMatchObject({ status: 409, reason: { sv: 'registret har signerat två olika träd med 11 beslut: loggen har förgrenats' } });
      } finally {
        witness.remove();
        await other.close();
      }
    } finally {
      copy.remove();
    }
  });

  it('37. the key, the evidence and the checkpoint marks all replaced, the database rewritten: only a checkpoint held outside (the witness, the auditor) finds it', async () => {
    await reopen();
    const auditorsCheckpoint = await (await fetch(`${server!.url}/api/transparency/checkpoint`)).text();
    const witness = await revisorsWitness();
    expect(await witness.pull()).toMatchObject({ status: 200, size: 10 });
    await stop();
    inDatabase((db) => {
      db.exec('DELETE FROM checkpoint_marks');
      db.prepare("UPDATE decisions SET content = replace(content, 'Beslut 4:', 'Ändrat 4:') WHERE id = 4").run();
      // Rechained so that the content hashes and links hold.
      let prev = rowOf(db, 3).hash;
      for (let id = 4; id <= 10; id++) {
        const row = rowOf(db, id);
        db.prepare('UPDATE decisions SET hash = ? WHERE id = ?').run(`tmp-${id}`, id);
        const hash = storedRecordHash(id, prev, row.content);
        db.prepare('UPDATE decisions SET prev_hash = ?, hash = ? WHERE id = ?').run(prev, hash, id);
        prev = hash;
      }
    });
    rmSync(dirname(defaultSigningKeyFile(dir.path)), { recursive: true });
    await reopen();
    expect((await verify()).ok).toBe(true);
    const against = await verify(auditorsCheckpoint);
    expect(against.against).toMatchObject({ extension: false, answer: { yes: false } });
    // The witness knows the register's key as it was: a checkpoint under another key is refused.
    const refused = await witness.pull();
    witness.remove();
    expect(refused).toMatchObject({ status: 403, reason: { sv: expect.any(String) } });
  });
});

describe('the documented limit', () => {
  it('38. a save made through the running server is a save: whoever controls the process can add records that verify', async () => {
    await reopen();
    expect((await save(11)).status).toBe(201);
    expect((await verify()).ok).toBe(true);
  });
});

describe('one answer per question', () => {
  it('39. an edited record under a log that only grew: the answer to last year\'s checkpoint is Nej, naming the decision', async () => {
    await reopen();
    const lastYear = await (await fetch(`${server!.url}/api/transparency/checkpoint`)).text();
    await stop();
    inDatabase((db) => db.prepare("UPDATE decisions SET content = replace(content, 'Beslut 4:', 'Ändrat 4:') WHERE id = 4").run());
    await reopen();
    const report = await verify(lastYear);
    expect(report.against).toMatchObject({ extension: true, answer: { yes: false, text: { sv: 'Nej: loggen har bara växt, men beslut nr 4 i databasen stämmer inte med loggen.' } } });
  });
});

describe('a record that failed the latest verification', () => {
  it('40. is marked on its page, in the list of decisions, in the exception reports and their CSV, and in the statistics and their CSV, until a run passes it', async () => {
    inDatabase((db) => {
      db.prepare("UPDATE decisions SET content = replace(content, '\"chosenRoute\":\"direct-award\"', '\"chosenRoute\":\"iop\"'), chosen_route = 'iop' WHERE id = 4").run();
    });
    await reopen();
    const before = decisionTrailSchema.parse(await (await fetch(`${server!.url}/api/decisions/4`, { headers: auditor })).json());
    expect(before.failedVerification).toBeNull();
    const report = await verify();
    expect(report.failures.map((f) => f.id)).toEqual([4]);
    const trail = decisionTrailSchema.parse(await (await fetch(`${server!.url}/api/decisions/4`, { headers: auditor })).json());
    expect(trail.failedVerification).toEqual({ runId: report.runId, at: expect.any(String) });
    expect(decisionTrailSchema.parse(await (await fetch(`${server!.url}/api/decisions/5`, { headers: auditor })).json()).failedVerification).toBeNull();
    const list = listResponseSchema.parse(await (await fetch(`${server!.url}/api/decisions`, { headers: auditor })).json());
    expect(list.failedVerification).toMatchObject({ runId: report.runId, ids: [4] });
    const pageWithout = listResponseSchema.parse(await (await fetch(`${server!.url}/api/decisions?before=4`, { headers: auditor })).json());
    expect(pageWithout.failedVerification).toBeUndefined();
    const exceptions = exceptionResponseSchema.parse(await (await fetch(`${server!.url}/api/reports/exceptions?kind=deviation`, { headers: auditor })).json());
    expect(exceptions.items.map((r) => [r.id, r.chosenRoute, r.failedVerification])).toEqual([[4, 'iop', true]]);
    const exceptionsCsv = await (await fetch(`${server!.url}/api/reports/exceptions.csv?kind=deviation`, { headers: auditor })).text();
    expect(exceptionsCsv).toMatch(/Underkänt i senaste kontrollen/);
    expect(exceptionsCsv.trimEnd().split('\n').at(-1)).toMatch(/;Ja$/);
    const stats = statsResponseSchema.parse(await (await fetch(`${server!.url}/api/stats?period=year`, { headers: auditor })).json());
    expect(stats.failedVerification).toMatchObject({ runId: report.runId, ids: [4] });
    expect(await (await fetch(`${server!.url}/api/stats.csv?period=year`, { headers: auditor })).text()).toMatch(/Obs: Beslut nr 4 underkändes i den senaste kontrollen/);
    // The marks outlive a restart: they come from the run's kept event.
    await stop();
    await reopen();
    expect(decisionTrailSchema.parse(await (await fetch(`${server!.url}/api/decisions/4`, { headers: auditor })).json()).failedVerification).toMatchObject({ runId: report.runId });
    // Put back as it was saved, the next run passes it and the mark is gone.
    await stop();
    inDatabase((db) => {
      db.prepare("UPDATE decisions SET content = replace(content, '\"chosenRoute\":\"iop\"', '\"chosenRoute\":\"direct-award\"'), chosen_route = 'direct-award' WHERE id = 4").run();
    });
    await reopen();
    expect((await verify()).ok).toBe(true);
    expect(decisionTrailSchema.parse(await (await fetch(`${server!.url}/api/decisions/4`, { headers: auditor })).json()).failedVerification).toBeNull();
    expect(listResponseSchema.parse(await (await fetch(`${server!.url}/api/decisions`, { headers: auditor })).json()).failedVerification).toBeUndefined();
  });

  it('41. is marked in the split-purchase groups and their CSV, whose sum counts its stored value, and in the political reports and their CSV', async () => {
    await reopen();
    const workshop = { kind: 'any' as const, name: 'Cykelverkstaden i Fjugesta AB', orgNumber: '556012-5790' };
    for (const [date, totalSek] of [['2025-02-03', 240_000], ['2025-05-12', 260_000], ['2025-08-20', 230_000], ['2025-11-04', 190_000]] as const) {
      const answers = { organisation: 'lekeberg' as const, decisionDate: date, purchase: { kind: 'services' as const, description: 'Service av cyklar', cpvCode: '50100000-6' }, value: { totalSek }, supplier: workshop };
      expect((await post(`${server!.url}/api/decisions`, saveRequest(answers, { justification: 'Service av cyklar.' }))).status).toBe(201);
    }
    await stop();
    // The second award's value lowered in the database: the group's sum no longer shows how far over the limit it was.
    inDatabase((db) => db.prepare("UPDATE decisions SET content = replace(content, '\"totalSek\":260000', '\"totalSek\":60000'), total_sek = 60000 WHERE id = 12").run());
    await reopen();
    expect((await verify()).failures.map((f) => f.id)).toEqual([12]);
    const groups = splitGroupResponseSchema.parse(await (await fetch(`${server!.url}/api/reports/split-groups`, { headers: auditor })).json());
    expect(groups.items[0]!.sumSek).toBe(720_000);
    expect(groups.items[0]!.decisions.map((d) => [d.id, d.valueSek, d.failedVerification])).toEqual([[11, 240_000, false], [12, 60_000, true], [13, 230_000, false], [14, 190_000, false]]);
    const groupsCsv = (await (await fetch(`${server!.url}/api/reports/split-groups.csv`, { headers: auditor })).text()).trimEnd().split(/\r?\n/);
    expect(groupsCsv[0]).toMatch(/;Underkänt i senaste kontrollen$/);
    expect(groupsCsv.filter((l) => l.endsWith(';Ja'))).toEqual([expect.stringMatching(/;12;2025-05-12;/)]);
    const social = socialReportSchema.parse(await (await fetch(`${server!.url}/api/reports/social`, { headers: auditor })).json());
    expect(social.failedVerification).toMatchObject({ ids: [12] });
    expect(await (await fetch(`${server!.url}/api/reports/social.csv`, { headers: auditor })).text()).toMatch(/Obs: Beslut nr 12 underkändes i den senaste kontrollen \(.* svensk tid\)\. De räknas här med sina lagrade värden/);
  });
});
