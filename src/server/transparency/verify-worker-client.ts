import { Worker } from 'node:worker_threads';
import type { VerifyRecordResult } from '../../shared/decision-record';
import type { CheckRow, FromWorker, ToWorker } from './verify-worker-protocol';

export type CheckedPage = { results: VerifyRecordResult[]; leaves: Buffer };

/**
 * The main thread's side of the verify worker (verify-worker.ts): one thread, started on the
 * first run and kept for the next (its start under tsx costs more than a small incremental run),
 * never holding the process open. A thread that dies fails the pages in flight; the next page
 * starts a new one.
 */
export class VerifyWorker {
  private worker: Worker | null = null;
  private seq = 0;
  private readonly waiting = new Map<number, { resolve: (page: CheckedPage) => void; reject: (error: Error) => void }>();

  constructor(private readonly rulesetJson: (hash: string) => Promise<string | null>) {}

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./verify-worker-boot.mjs', import.meta.url));
    worker.unref();
    const send = (message: ToWorker) => worker.postMessage(message);
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'need') {
        void this.rulesetJson(message.hash).then(
          (json) => send({ type: 'ruleset', hash: message.hash, json }),
          () => send({ type: 'ruleset', hash: message.hash, json: null }),
        );
        return;
      }
      const waiter = this.waiting.get(message.seq);
      this.waiting.delete(message.seq);
      if (message.type === 'checked') waiter?.resolve({ results: message.results, leaves: Buffer.from(message.leaves.buffer, message.leaves.byteOffset, message.leaves.byteLength) });
      else waiter?.reject(new Error(`the verify worker could not check a page: ${message.message}`));
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const waiter of this.waiting.values()) waiter.reject(error);
      this.waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the verify worker stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  /** A new run: the worker reads every rule set again. */
  reset(): void {
    this.worker?.postMessage({ type: 'reset' } satisfies ToWorker);
  }

  check(rows: CheckRow[]): Promise<CheckedPage> {
    const seq = ++this.seq;
    const worker = this.thread();
    return new Promise((resolve, reject) => {
      this.waiting.set(seq, { resolve, reject });
      worker.postMessage({ type: 'check', seq, rows } satisfies ToWorker);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }
}
