import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { withIdentity, type Ruleset, type RulesetData } from '../../engine/ruleset';
import type { VerifyRecordResult } from '../../shared/decision-record';
import { checkStoredRow } from '../record-check';
import { hashBytes } from './merkle';
import { recordLeaf } from './transparency-log';
import type { FromWorker, ToWorker } from './verify-worker-protocol';

/**
 * The full verify's worker thread (no request waits > 50 ms behind a verify).
 * Each page of rows is checked in turn: its records' own checks and their leaf hashes.
 */
const port = parentPort!;

/**
 * On Linux a thread has its own nice value: this one steps back (nice 10) so that when the cores
 * are busy the request thread gets them first, and the verify takes only what is left over.
 * Elsewhere, or where it is not allowed, the worker runs at the process's own priority.
 */
function yieldToRequests(): void {
  try {
    const tid = Number(/task\/(\d+)$/.exec(readlinkSync('/proc/thread-self'))?.[1]);
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, Math.max(getPriority(tid), 10));
  } catch {
    // Not Linux, or no /proc: nothing to do.
  }
}
yieldToRequests();
let rulesets = new Map<string, Promise<Ruleset | null>>();
const asked = new Map<string, (json: string | null) => void>();
let queue: Promise<void> = Promise.resolve();

const send = (message: FromWorker) => port.postMessage(message);

function storedRuleset(hash: string): Promise<Ruleset | null> {
  let found = rulesets.get(hash);
  if (!found) {
    found = new Promise<string | null>((resolve) => {
      asked.set(hash, resolve);
      send({ type: 'need', hash });
    }).then((json) => {
      if (json === null) return null;
      const ruleset = withIdentity(JSON.parse(json) as RulesetData);
      if (ruleset.hash !== hash) throw Object.assign(new Error(`the stored rule set ${hash.slice(0, 12)}… no longer matches its hash`), { code: 'ruleset-tampered' });
      return ruleset;
    });
    rulesets.set(hash, found);
  }
  return found;
}

async function checkPage(seq: number, rows: Extract<ToWorker, { type: 'check' }>['rows']): Promise<void> {
  try {
    const results: VerifyRecordResult[] = [];
    const leaves = new Uint8Array(rows.length * hashBytes);
    for (const [i, row] of rows.entries()) {
      const result = await checkStoredRow(row, row.expectedPrev, storedRuleset);
      if (!result.ok) results.push(result);
      leaves.set(recordLeaf(row.id, row.contentJson), i * hashBytes);
    }
    send({ type: 'checked', seq, results, leaves });
  } catch (error) {
    send({ type: 'failed', seq, message: (error as Error).message });
  }
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'ruleset') {
    asked.get(message.hash)?.(message.json);
    asked.delete(message.hash);
  } else if (message.type === 'reset') {
    rulesets = new Map();
  } else {
    // One page after another, in the order sent.
    queue = queue.then(() => checkPage(message.seq, message.rows));
  }
});
