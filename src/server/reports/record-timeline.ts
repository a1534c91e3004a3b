import type { Ruleset } from '../../engine/ruleset';
import type { TimelineEvent } from '../../shared/audit-report';
import type { DecisionRecord, Identity, VerifyRecordResult } from '../../shared/decision-record';
import type { Replay } from '../../shared/decision-trail';
import type { RecordEvent } from '../../shared/record-events';
import type { VerificationReport } from '../../shared/transparency';
import type { DecisionStore } from '../store/decision-store';

/** How many of a record's latest checks and replays its timeline shows. */
export const timelineEventLimit = 200;

type Stamp = { by: Identity; at: Date; ruleset: Ruleset };

const common = ({ by, at, ruleset }: Stamp) => ({ at: at.toISOString(), user: by.user, role: by.role, rulesetVersion: ruleset.version, rulesetHash: ruleset.hash });

/** One record checked on its own (GET /api/decisions/:id/verify), with the server's rule set at the time. */
export function verifiedEvent(stamp: Stamp, result: VerifyRecordResult): RecordEvent {
  return { ...common(stamp), recordId: result.id, fromId: null, toId: null, ok: result.ok, detail: { kind: 'verified', problems: [...new Set(result.problems.map((p) => p.kind))] } };
}

/** A record judged again under the server's current rule set (GET /api/decisions/:id/replay). */
export function replayedEvent(stamp: Stamp, replay: Replay): RecordEvent {
  return {
    ...common(stamp),
    recordId: replay.id,
    fromId: null,
    toId: null,
    ok: !replay.anyDifference,
    detail: {
      kind: 'replayed',
      storedVersion: replay.stored.version,
      changed: replay.anyDifference,
      chosenRoute: replay.chosenRoute.route,
      chosenBefore: replay.chosenRoute.before,
      chosenAfter: replay.chosenRoute.after,
      recommendationBefore: replay.recommendation.before,
      recommendationAfter: replay.recommendation.after,
    },
  };
}

/**
 * A verification run over the records it checked: a full run from no. 1, an incremental one from
 * after the checkpoint it started at, up to the log's size or the last record read, whichever is further.
 */
export function runEvent(stamp: Stamp, report: VerificationReport): RecordEvent | null {
  const start = report.fromCheckpoint?.treeSize ?? 0;
  const toId = Math.max(report.treeSize, start + report.checked);
  if (toId <= start) return null;
  return {
    ...common(stamp),
    recordId: null,
    fromId: start + 1,
    toId,
    ok: report.ok,
    detail: {
      kind: 'verification-run',
      runId: report.runId,
      mode: report.mode,
      checked: report.checked,
      failedCount: report.failedCount,
      failedIds: report.failures.map((f) => f.id),
      logProblems: report.logProblems.length,
    },
  };
}

/** How many of an impact analysis's changed records its event names. */
export const maxListedChanges = 10_000;

/** A rule-change impact analysis that ran to its end over records 1 to `lastId` (GET /api/reports/impact). */
export function impactEvent(
  stamp: Stamp,
  run: { from: Ruleset; to: Ruleset; toWorking: boolean; organisation: string | null; checked: number; changedIds: number[]; changed: number; lastId: number },
): RecordEvent | null {
  if (run.lastId < 1) return null;
  return {
    ...common(stamp),
    recordId: null,
    fromId: 1,
    toId: run.lastId,
    ok: run.changed === 0,
    detail: {
      kind: 'impact-analysis',
      from: { version: run.from.version, hash: run.from.hash },
      to: { version: run.to.version, hash: run.to.hash, working: run.toWorking },
      organisation: run.organisation,
      checked: run.checked,
      changed: run.changed,
      changedIds: run.changedIds.slice(0, maxListedChanges),
    },
  };
}

/** What a stored event says about this one record. */
function resultFor(event: RecordEvent, id: number): NonNullable<TimelineEvent['result']> {
  const d = event.detail;
  if (d.kind === 'replayed') return d.changed ? 'changed' : 'unchanged';
  if (d.kind === 'impact-analysis') return d.changedIds.includes(id) ? 'changed' : d.changed > d.changedIds.length ? 'not-listed' : 'unchanged';
  if (d.kind === 'verified') return event.ok ? 'passed' : 'failed';
  if (d.kind === 'evidence-adopted') return 'not-listed';
  if (d.failedIds.includes(id)) return 'failed';
  // The report lists the first 1,000 failures: past that, a record not listed may have failed too.
  return d.failedCount > d.failedIds.length ? 'not-listed' : 'passed';
}

/**
 * A record's history: decided, saved, what it corrects and what corrected it, and every stored
 * check, verification run and replay that touched it, in time order.
 */
export async function recordTimeline(store: DecisionStore, record: DecisionRecord, corrections: number[]): Promise<TimelineEvent[]> {
  const plain = { role: null, result: null, rulesetVersion: null, detail: null };
  const timeline: TimelineEvent[] = [
    { kind: 'decided', at: record.answers.decisionDate, recordId: null, by: null, ...plain },
    { kind: 'saved', at: record.recordedAt, recordId: record.id, by: record.savedBy.user, ...plain, role: record.savedBy.role, rulesetVersion: record.rulesetVersion },
    ...(record.corrects !== null ? [{ kind: 'corrects' as const, at: record.recordedAt, recordId: record.corrects, by: record.savedBy.user, ...plain, role: record.savedBy.role }] : []),
  ];
  for (const later of corrections) {
    const correction = await store.get(later);
    if (correction) timeline.push({ kind: 'corrected-by', at: correction.recordedAt, recordId: later, by: correction.savedBy.user, ...plain, role: correction.savedBy.role });
  }
  const events = await store.eventsFor(record.id, timelineEventLimit);
  for (const e of events.reverse()) {
    // An analysis of one organisation's records did not judge the others'.
    if (e.detail.kind === 'impact-analysis' && e.detail.organisation !== null && e.detail.organisation !== record.answers.organisation) continue;
    timeline.push({ kind: e.detail.kind, at: e.at, recordId: null, by: e.user, role: e.role, result: resultFor(e, record.id), rulesetVersion: e.rulesetVersion, detail: e.detail });
  }
  // The decision date sorts first on its day: it is a date, the rest are instants.
  return timeline.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}
