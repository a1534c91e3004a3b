import { parentPort, workerData } from 'node:worker_threads';
import { withIdentity, type RulesetData } from '../../engine/ruleset';
import type { ImpactItem } from '../../shared/audit-report';
import type { RecordContent } from '../../shared/decision-record';
import { compareUnder } from './impact-compare';

/** A worker of the impact analysis: judges each batch of stored decisions under both rule sets. */
export type ImpactBatch = { seq: number; rows: Array<{ id: number; content: string }> };
export type ImpactBatchResult = { seq: number; done: number; items: ImpactItem[]; error?: string };

const { from: fromJson, to: toJson } = workerData as { from: string; to: string };
const from = withIdentity(JSON.parse(fromJson) as RulesetData);
const to = withIdentity(JSON.parse(toJson) as RulesetData);

parentPort!.on('message', (batch: ImpactBatch) => {
  try {
    const items: ImpactItem[] = [];
    for (const row of batch.rows) {
      const item = compareUnder(row.id, JSON.parse(row.content) as RecordContent, from, to);
      if (item) items.push(item);
    }
    parentPort!.postMessage({ seq: batch.seq, done: batch.rows.length, items } satisfies ImpactBatchResult);
  } catch (error) {
    parentPort!.postMessage({ seq: batch.seq, done: batch.rows.length, items: [], error: (error as Error).message } satisfies ImpactBatchResult);
  }
});
