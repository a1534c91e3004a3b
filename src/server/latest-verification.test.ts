import { describe, expect, it } from 'vitest';
import type { RecordEvent } from '../shared/record-events';
import { LatestVerification } from './latest-verification';
import type { DecisionStore } from './store/decision-store';

const run = (at: string, mode: 'full' | 'incremental', fromId: number, toId: number, failedIds: number[]): RecordEvent => ({
  at,
  user: 'revisor',
  role: 'auditor',
  recordId: null,
  fromId,
  toId,
  ok: failedIds.length === 0,
  rulesetVersion: 'v',
  rulesetHash: 'h',
  detail: { kind: 'verification-run', runId: `run-${at}`, mode, checked: toId - fromId + 1, failedCount: failedIds.length, failedIds, logProblems: 0 },
});

const storeWith = (latest: RecordEvent | null) => ({ latestRunEvent: async () => latest }) as unknown as DecisionStore;

describe('the marks of records that failed the latest verification', () => {
  it('come from the latest kept run after a restart', async () => {
    const marks = new LatestVerification(storeWith(run('2026-12-01T10:00:00Z', 'full', 1, 300, [264])));
    expect(await marks.markOf(264)).toEqual({ runId: 'run-2026-12-01T10:00:00Z', at: '2026-12-01T10:00:00Z' });
    expect(await marks.markOf(263)).toBeNull();
  });

  it('stay on a record before an incremental run that did not check it, and go when a run checks it and it passes', async () => {
    const marks = new LatestVerification(storeWith(null));
    marks.take(run('2026-12-01T10:00:00Z', 'full', 1, 300, [264]));
    marks.take(run('2026-12-02T10:00:00Z', 'incremental', 301, 320, [310]));
    expect(await marks.markOf(264)).toMatchObject({ at: '2026-12-01T10:00:00Z' });
    expect(await marks.markOf(310)).toMatchObject({ at: '2026-12-02T10:00:00Z' });
    expect((await marks.failing())?.ids).toEqual(new Set([264, 310]));
    marks.take(run('2026-12-03T10:00:00Z', 'full', 1, 320, []));
    expect(await marks.markOf(264)).toBeNull();
    expect(await marks.failing()).toBeNull();
  });
});
