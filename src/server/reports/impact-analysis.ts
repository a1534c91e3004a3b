import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Ruleset } from '../../engine/ruleset';
import type { ImpactLine } from '../../shared/audit-report';
import type { DecisionStore } from '../store/decision-store';
import { rulesetData } from '../register-service';
import type { ImpactBatch, ImpactBatchResult } from './impact-worker';
import { nameOf } from './ruleset-diff';

const batchSize = 1000;
const inFlightPerWorker = 2;

/** The worker is TypeScript; its boot module loads it through tsx, under `npm start`, Vitest and the bench alike. */
function startWorker(from: string, to: string): Worker {
  return new Worker(new URL('./impact-worker-boot.mjs', import.meta.url), { workerData: { from, to } });
}

export type ImpactOptions = { fromWorking?: boolean; toWorking?: boolean; organisation?: string | undefined; workers?: number | undefined; signal?: AbortSignal | undefined };

/**
 * Every stored decision judged again under two rule sets, on worker threads (one per core, at most
 * four), read from the store in id order in batches. Yields a start line, progress after each
 * batch, every record whose verdicts or recommendation differ, and a summary.
 */
export async function* impactAnalysis(store: DecisionStore, from: Ruleset, to: Ruleset, options: ImpactOptions = {}): AsyncGenerator<ImpactLine> {
  const started = performance.now();
  const newest = await store.list({}, 1);
  const total = newest.items[0]?.id ?? 0;
  const count = Math.max(1, Math.min(options.workers ?? availableParallelism(), 4));
  const fromJson = JSON.stringify(rulesetData(from));
  const toJson = JSON.stringify(rulesetData(to));
  yield { type: 'start', from: { ...nameOf(from), working: options.fromWorking }, to: { ...nameOf(to), working: options.toWorking }, total, workers: count };
  const workers = Array.from({ length: count }, () => startWorker(fromJson, toJson));
  const results: ImpactBatchResult[] = [];
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  const inFlight = new Map<Worker, number>(workers.map((w) => [w, 0]));
  for (const w of workers) {
    w.on('message', (result: ImpactBatchResult) => {
      inFlight.set(w, inFlight.get(w)! - 1);
      results.push(result);
      wake?.();
    });
    w.on('error', (error) => {
      failure = error;
      wake?.();
    });
  }
  const waitForResult = () => new Promise<void>((resolve) => (wake = resolve));
  let lastId = 0;
  let seq = 0;
  let done = 0;
  let checked = 0;
  let changed = 0;
  let exhausted = false;
  try {
    while (!exhausted || [...inFlight.values()].some((n) => n > 0)) {
      if (options.signal?.aborted) return;
      // Keep every worker fed with up to two batches while the store still has rows.
      let free = workers.find((w) => inFlight.get(w)! < inFlightPerWorker);
      while (!exhausted && free) {
        const rows = await store.rows(lastId, batchSize);
        if (rows.length === 0) {
          exhausted = true;
          break;
        }
        lastId = rows[rows.length - 1]!.id;
        const batch: ImpactBatch = {
          seq: seq++,
          rows: rows.filter((r) => !options.organisation || r.columns.organisation === options.organisation).map((r) => ({ id: r.id, content: r.contentJson })),
        };
        done += rows.length - batch.rows.length;
        inFlight.set(free, inFlight.get(free)! + 1);
        free.postMessage(batch);
        free = workers.find((w) => inFlight.get(w)! < inFlightPerWorker);
      }
      if (results.length === 0 && !failure && [...inFlight.values()].some((n) => n > 0)) await waitForResult();
      if (failure) throw failure;
      for (const result of results.splice(0)) {
        if (result.error) throw new Error(`a worker could not judge a batch: ${result.error}`);
        done += result.done;
        checked += result.done;
        for (const item of result.items) {
          changed++;
          yield { type: 'item', item };
        }
        yield { type: 'progress', done, total };
      }
    }
    yield { type: 'done', checked, changed, lastId, ms: Math.round(performance.now() - started) };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
