import type { RecordEvent } from '../shared/record-events';
import type { VerificationMark } from '../shared/verification-mark';
import type { DecisionStore } from './store/decision-store';

/**
 * Which records failed the latest verification of them, from the runs' kept events (a restart
 * reads the latest run's, so it keeps that run's marks). A run lists at most its first 1,000
 * failures; past that, a record it did not list cannot be called failed and is not marked.
 */
export class LatestVerification {
  /** Each failing record with the run that last found it failing. */
  private failed = new Map<number, VerificationMark>();
  private loaded: Promise<void> | null = null;
  private taken = false;

  constructor(private readonly store: DecisionStore) {}

  private load(): Promise<void> {
    this.loaded ??= this.store.latestRunEvent().then((event) => {
      if (event && !this.taken) this.take(event);
    });
    return this.loaded;
  }

  /**
   * A kept event: a full run's failures replace all marks; an incremental run checked only its
   * range, so only the marks in that range are replaced (an earlier failure before it stays marked).
   */
  take(event: RecordEvent): void {
    if (event.detail.kind !== 'verification-run') return;
    this.taken = true;
    const mark = { runId: event.detail.runId, at: event.at };
    if (event.detail.mode === 'full') this.failed.clear();
    else for (const id of [...this.failed.keys()]) if (id >= (event.fromId ?? 1) && id <= (event.toId ?? Number.MAX_SAFE_INTEGER)) this.failed.delete(id);
    for (const id of event.detail.failedIds) this.failed.set(id, mark);
  }

  async markOf(id: number): Promise<VerificationMark | null> {
    await this.load();
    return this.failed.get(id) ?? null;
  }

  /** The marks for many records at once (a report, the statistics): the latest run that found any failing. */
  async failing(): Promise<{ mark: VerificationMark; ids: ReadonlySet<number> } | null> {
    await this.load();
    if (this.failed.size === 0) return null;
    const marks = [...this.failed.values()];
    const mark = marks.reduce((a, b) => (b.at > a.at ? b : a));
    return { mark, ids: new Set(this.failed.keys()) };
  }
}

/** The failing records a reader may see (their organisations), for the statistics and their file. */
export async function failingIn(latest: LatestVerification, store: DecisionStore, organisations: string[] | undefined | null): Promise<{ runId: string; at: string; ids: number[] } | null> {
  const failing = await latest.failing();
  if (!failing || failing.ids.size === 0) return null;
  const ids: number[] = [];
  for (const id of [...failing.ids].sort((a, b) => a - b)) {
    const record = await store.get(id);
    if (record && (!organisations || organisations.includes(record.answers.organisation))) ids.push(id);
  }
  return ids.length > 0 ? { ...failing.mark, ids } : null;
}
