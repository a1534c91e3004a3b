import { randomUUID } from 'node:crypto';
import { genesisHash, type VerifyProblem, type VerifyRecordResult } from '../../shared/decision-record';
import { checkIds, type AgainstResult, type CheckId, type CheckResult, type LogProblem, type VerificationReport, type VerifyProgress } from '../../shared/transparency';
import type { RegisterService } from '../register-service';
import type { StoredRow } from '../store/decision-store';
import { adoptedWithoutWitness } from './adopt-evidence';
import { againstAnswer } from '../../shared/against-answer';
import { checkAgainst } from './check-against';
import { sideLogProblems } from './side-log-heads';
import type { Cosignatures } from './cosignatures';
import type { SignedCheckpoint } from './checkpoint-note';
import { hashBytes, verifyConsistency } from './merkle';
import { checkpointInfo, recordLeaf, type TransparencyLog } from './transparency-log';
import { VerifyWorker, type CheckedPage } from './verify-worker-client';
import { latestCosigned } from './witness-mark';
import type { CheckRow } from './verify-worker-protocol';

/** Whether one stored record is the leaf the log holds for it (one record's verify uses this). */
export function inclusionProblems(log: TransparencyLog, row: StoredRow): VerifyProblem[] {
  return leafProblems(log, row.id, recordLeaf(row.id, row.contentJson));
}

/** Whether the record numbered `id`, whose leaf hash is `leaf`, is the leaf the log holds for it. */
function leafProblems(log: TransparencyLog, id: number, leaf: Buffer): VerifyProblem[] {
  if (id > log.tree.size) return [{ kind: 'not-in-log', detail: 'the record is not in the transparency log: it was put into the database without being saved through the register' }];
  if (!leaf.equals(log.tree.leaf(id - 1))) return [{ kind: 'leaf-mismatch', detail: 'the record differs from the one the log holds for this number: it was changed, replaced or moved since it was saved' }];
  if (log.notWitnessed(id)) return [{ kind: 'not-witnessed', detail: 'the record was found in the database without having been saved through the register, and taken into the log as found' }];
  return [];
}

/** Which checklist line each per-record problem counts against. */
const checkOf: Record<VerifyProblem['kind'], CheckId> = {
  unreadable: 'content-hash',
  'hash-mismatch': 'content-hash',
  'chain-broken': 'chain-link',
  'missing-predecessor': 'chain-link',
  'index-mismatch': 'index-columns',
  'leaf-mismatch': 'inclusion',
  'not-in-log': 'inclusion',
  'not-witnessed': 'inclusion',
  missing: 'inclusion',
  'ruleset-missing': 'ruleset-hash',
  'ruleset-tampered': 'ruleset-hash',
  'verdicts-differ': 're-evaluation',
  'evaluation-failed': 're-evaluation',
};

const checkLabels: Record<CheckId, string> = {
  'content-hash': "every record's content matches its hash",
  'chain-link': "every record's previous-record hash matches the record before it, and none is missing",
  'index-columns': 'the columns lists and statistics read match each record',
  inclusion: 'every record is the leaf the transparency log holds for it, and every leaf has its record',
  'checkpoint-signature': 'every checkpoint verifies under the register\'s public key',
  consistency: 'each checkpoint is an append-only extension of the one before, and the tree matches every signed root',
  'ruleset-hash': 'every stored rule set matches its own hash',
  're-evaluation': 'every decision re-evaluated under its stored rule set gives the stored verdicts and recommendation',
  'append-only-guards': 'the database triggers that refuse UPDATE, DELETE and TRUNCATE are in place',
};

/** Rows read and sent to the worker at a time: a few milliseconds of the main thread's reading. */
const pageSize = 250;
/** The longest the checkpoint checks keep the event loop before letting other requests in (none waits > 50 ms). */
const sliceMs = 8;
const maxListedFailures = 1000;

type Run = { progress: VerifyProgress; report: VerificationReport | null; done: Promise<VerificationReport> };

/**
 * Verification runs off the request path: the main thread only reads pages of rows and compares
 * leaf hashes; hashing, parsing and re-evaluating each record happen on a worker thread
 * (verify-worker.ts), so no request waits behind a full verify; its progress and report are read
 * by id. A full run checks every record; an incremental one only what was added since the
 * checkpoint the last passing run reached, plus that the log still extends it.
 */
export class VerificationRuns {
  private readonly runs = new Map<string, Run>();
  private readonly worker: VerifyWorker;

  constructor(
    private readonly service: RegisterService,
    private readonly log: TransparencyLog,
    private readonly now: () => Date = () => new Date(),
    /** The witnesses' latest cosignatures, which today's tree must extend (cosignatures.ts). */
    private readonly cosignatures?: Cosignatures,
  ) {
    this.worker = new VerifyWorker((hash) => service.store.getRulesetJson(hash));
  }

  /** Stops the worker thread (the server's close). */
  close(): Promise<void> {
    return this.worker.close();
  }

  start(mode: 'full' | 'incremental', against?: string): Run {
    const runId = randomUUID();
    const progress: VerifyProgress = { runId, mode, status: 'running', checked: 0, total: 0, startedAt: this.now().toISOString(), error: null };
    const run: Run = { progress, report: null, done: Promise.resolve(null as unknown as VerificationReport) };
    run.done = this.execute(progress, against).then(
      (report) => {
        run.report = report;
        progress.status = 'done';
        return report;
      },
      (error: Error) => {
        progress.status = 'failed';
        progress.error = error.message;
        throw error;
      },
    );
    run.done.catch(() => {});
    this.runs.set(runId, run);
    // Keep the latest few runs' reports for download.
    for (const id of [...this.runs.keys()].slice(0, Math.max(0, this.runs.size - 20))) this.runs.delete(id);
    return run;
  }

  get(runId: string): Run | undefined {
    return this.runs.get(runId);
  }

  private async execute(progress: VerifyProgress, againstText: string | undefined): Promise<VerificationReport> {
    const started = performance.now();
    const { log, service } = this;
    // Sign what is there first, so that the run can reach the register's head. A refusal (the tree
    // no longer extends the latest checkpoint) is for the run to find and name, not to stop it.
    const unsigned = await log.checkpoint().then(
      () => null,
      (error: Error) => error.message,
    );
    const tree = log.tree;
    const size = tree.size;
    const dbHead = await service.store.headId();
    const lastVerified = progress.mode === 'incremental' ? log.lastVerified() : null;
    // An incremental run starts after the checkpoint the last passing run reached, if the log still holds it.
    const start = lastVerified && lastVerified.treeSize <= size && lastVerified.treeSize <= dbHead ? lastVerified.treeSize : 0;
    const notes = [...log.notes];
    if (unsigned) notes.push(`no checkpoint was signed before the run: ${unsigned}`);
    if (progress.mode === 'incremental' && start === 0) notes.push('no earlier passing run to start from: every record was checked');
    progress.total = Math.max(size, dbHead) - start;

    const counts = new Map<CheckId, { checked: number; failed: number }>(checkIds.map((id) => [id, { checked: 0, failed: 0 }]));
    const count = (id: CheckId, n: number, failed: number) => {
      const c = counts.get(id)!;
      c.checked += n;
      c.failed += failed;
    };
    const failures: VerifyRecordResult[] = [];
    let failedCount = 0;
    const fail = (result: VerifyRecordResult) => {
      failedCount++;
      if (failures.length < maxListedFailures) failures.push(result);
    };
    const missing = (from: number, to: number, why: string) => {
      for (let id = from; id <= to; id++) fail({ id, ok: false, problems: [{ kind: 'missing', detail: why }] });
      count('inclusion', Math.max(0, to - from + 1), Math.max(0, to - from + 1));
    };

    let prevHash: string | null = genesisHash;
    let lastId = start;
    if (start > 0) {
      const anchor = await service.store.row(start);
      prevHash = anchor?.hash ?? null;
      if (!anchor || !recordLeaf(anchor.id, anchor.contentJson).equals(tree.leaf(start - 1))) {
        fail({ id: start, ok: false, problems: [{ kind: anchor ? 'leaf-mismatch' : 'missing', detail: `the record the last verification ended at is ${anchor ? 'no longer the one the log holds' : 'gone'}` }] });
        count('inclusion', 1, 1);
      }
    }
    // The main thread's part of each page (reading it, comparing leaves): its longest is reported.
    let longestSlice = 0;
    const timed = async <T>(work: () => Promise<T> | T): Promise<T> => {
      const t0 = performance.now();
      const result = await work();
      longestSlice = Math.max(longestSlice, performance.now() - t0);
      return result;
    };
    const settle = (rows: StoredRow[], page: CheckedPage) => {
      const failed = new Map(page.results.map((r) => [r.id, r]));
      rows.forEach((row, i) => {
        const problems = [...(failed.get(row.id)?.problems ?? []), ...leafProblems(log, row.id, page.leaves.subarray(i * hashBytes, (i + 1) * hashBytes))];
        const kinds = new Set(problems.map((p) => checkOf[p.kind]));
        for (const id of ['content-hash', 'chain-link', 'index-columns', 'inclusion', 'ruleset-hash', 're-evaluation'] as const) count(id, 1, kinds.has(id) ? 1 : 0);
        if (problems.length > 0) fail({ id: row.id, ok: false, problems });
      });
      progress.checked += rows.length;
    };
    this.worker.reset();
    // One page in the worker while the next is read: the worker never waits for the database.
    let inFlight: { rows: StoredRow[]; page: Promise<CheckedPage> } | null = null;
    try {
      for (;;) {
        const rows = await timed(() => service.store.rows(lastId, pageSize));
        if (rows.length === 0) break;
        const sent: CheckRow[] = [];
        for (const row of rows) {
          if (row.id > lastId + 1 && lastId + 1 <= size) missing(lastId + 1, Math.min(row.id - 1, size), 'the log holds this record, the database does not: it was deleted');
          sent.push({ ...row, expectedPrev: row.id === lastId + 1 ? prevHash : null });
          prevHash = row.hash;
          lastId = row.id;
        }
        const next = { rows, page: this.worker.check(sent) };
        if (inFlight) {
          const done: { rows: StoredRow[]; page: Promise<CheckedPage> } = inFlight;
          const page = await done.page;
          await timed(() => settle(done.rows, page));
        }
        inFlight = next;
      }
      if (inFlight) {
        const done: { rows: StoredRow[]; page: Promise<CheckedPage> } = inFlight;
        const page = await done.page;
        await timed(() => settle(done.rows, page));
      }
    } finally {
      // A page still in the worker when reading failed: its answer is not waited for.
      inFlight?.page.catch(() => {});
    }
    if (lastId < size) missing(lastId + 1, size, `the log holds ${size} records, the database ends at ${lastId}: the tail was cut`);

    const logProblems: LogProblem[] = [];
    const reached = await this.checkCheckpoints(start, logProblems, count);
    for (const line of log.badLogLines) logProblems.push({ kind: 'checkpoint-signature', detail: line, recordId: null });
    count('checkpoint-signature', log.badLogLines.length, log.badLogLines.length);
    for (const fork of log.forks) logProblems.push({ kind: 'checkpoint-mismatch', detail: fork, recordId: null });
    count('consistency', log.forks.length, log.forks.length);

    if (this.cosignatures?.configured && progress.mode === 'full') {
      const witnessed = await this.cosignatures.verifyFindings();
      logProblems.push(...witnessed.problems);
      notes.push(...witnessed.notes);
      count('consistency', witnessed.checked, witnessed.problems.length);
    }

    const missingGuards = await service.store.missingGuards();
    count('append-only-guards', missingGuards.length + 1, missingGuards.length > 0 ? 1 : 0);
    if (missingGuards.length > 0) logProblems.push({ kind: 'guards-missing', detail: `the append-only triggers ${missingGuards.join(', ')} have been removed or disabled`, recordId: null });

    const sideProblems = await sideLogProblems(service.store, log.checkpoints);
    logProblems.push(...sideProblems);
    count('consistency', 1, sideProblems.length > 0 ? 1 : 0);

    // Records an operator took on the database's word after evidence went missing: only a witness can vouch for them.
    const unwitnessed = adoptedWithoutWitness(log.adopted, (await latestCosigned(service.store))?.size ?? 0);
    if (unwitnessed.count > 0) {
      const ranges = unwitnessed.ranges.map((r) => `nr ${r.from}–${r.to}, ${r.at}, ${r.by}: "${r.why}"`).join('; ');
      logProblems.push({ kind: 'adopted-unwitnessed', detail: `${unwitnessed.count} beslut antagna utan vittne / ${unwitnessed.count} decisions adopted without a witness (${ranges})`, recordId: unwitnessed.ranges[0]!.from });
      count('consistency', 1, 1);
    }

    let asked: Omit<AgainstResult, 'answer'> | null = null;
    if (againstText !== undefined) {
      asked = await checkAgainst(againstText, log, service.store);
      count(asked.kind === 'receipt' ? 'inclusion' : 'consistency', 1, asked.extension ? 0 : 1);
      if (!asked.extension) logProblems.push({ kind: 'not-extension', detail: asked.reasons.map((reason) => reason.en).join('; '), recordId: asked.recordId });
    }

    const checks: CheckResult[] = checkIds.map((id) => {
      const c = counts.get(id)!;
      return { id, status: c.checked === 0 ? 'not-run' : c.failed > 0 ? 'failed' : 'passed', checked: c.checked, failed: c.failed, detail: checkLabels[id] };
    });
    failures.sort((a, b) => a.id - b.id);
    // The answer to the pasted checkpoint or receipt includes every other check of this run.
    const against: AgainstResult | null = asked ? { ...asked, answer: againstAnswer(asked, { failures, failedCount, logProblems }) } : null;
    const ok = failedCount === 0 && logProblems.length === 0;
    const finished = this.now();
    const latest = reached ? checkpointInfo(reached) : null;
    if (ok && reached) log.rememberVerified(reached);
    return {
      runId: progress.runId,
      mode: progress.mode,
      startedAt: progress.startedAt,
      finishedAt: finished.toISOString(),
      durationMs: Math.round(performance.now() - started),
      longestSliceMs: Math.round(longestSlice * 10) / 10,
      ok,
      checked: progress.checked,
      treeSize: size,
      headHash: prevHash ?? genesisHash,
      fromCheckpoint: start > 0 ? lastVerified : null,
      reached: latest,
      checks,
      failures,
      failedCount,
      logProblems,
      against,
      notes,
    };
  }

  /**
   * Every checkpoint (in an incremental run, those from where it starts) must verify, match the
   * tree's root at its size, and be consistent with the one before; returns the latest that does.
   */
  private async checkCheckpoints(start: number, problems: LogProblem[], count: (id: CheckId, n: number, failed: number) => void): Promise<SignedCheckpoint | null> {
    const { tree } = this.log;
    const sorted = [...this.log.checkpoints].sort((a, b) => a.size - b.size).filter((c) => c.size >= start);
    count('checkpoint-signature', sorted.length, 0);
    let previous: SignedCheckpoint | null = null;
    let reached: SignedCheckpoint | null = null;
    let sliceStarted = performance.now();
    for (const c of sorted) {
      // A year of hourly checkpoints is thousands of roots and proofs: give the event loop its turns.
      if (performance.now() - sliceStarted > sliceMs) {
        await new Promise((resolve) => setImmediate(resolve));
        sliceStarted = performance.now();
      }
      if (c.size > tree.size) {
        problems.push({ kind: 'log-truncated', detail: `the checkpoint of ${c.time} signs ${c.size} records, the log now holds ${tree.size}`, recordId: tree.size + 1 });
        count('consistency', 1, 1);
        continue;
      }
      if (!tree.root(c.size).equals(c.rootHash)) {
        const from = previous ? previous.size + 1 : 1;
        problems.push({ kind: 'checkpoint-mismatch', detail: `the records do not hash to the root signed on ${c.time} for ${c.size} records: one of records ${from}–${c.size} was changed (the leaves file was rewritten)`, recordId: from });
        count('consistency', 1, 1);
        continue;
      }
      if (previous && previous.size > 0 && previous.size < c.size) {
        const proof = tree.consistencyProof(previous.size, c.size);
        const consistent = verifyConsistency(previous.size, c.size, previous.rootHash, c.rootHash, proof);
        count('consistency', 1, consistent ? 0 : 1);
        if (!consistent) problems.push({ kind: 'checkpoint-mismatch', detail: `the checkpoint of ${c.time} does not extend the one of ${previous.time}`, recordId: previous.size + 1 });
      } else count('consistency', 1, 0);
      previous = c;
      reached = c;
    }
    return reached;
  }
}
