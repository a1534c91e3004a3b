import { recordContentSchema } from '../../shared/decision-record';
import { exceptionKinds, type AuditRow, type ExceptionKind, type ExceptionQuery, type ExceptionResponse, type SplitGroup, type SplitGroupQuery } from '../../shared/audit-report';
import type { RegisterService } from '../register-service';
import { dayOf, ExceptionState } from './exception-state';
import { recordFacts, rowOf, type RecordFacts } from './record-facts';

/** The longest the index holds the event loop while it reads and judges records before letting others in. */
const sliceMs = 15;

export type Scope = { organisations?: string[] | undefined };

/**
 * The register read once for the auditor's questions and kept in memory, then topped up with the
 * records appended since. The register is append-only (a correction is a new record), so what was
 * read never goes stale and a report costs a walk over the facts, not over the database. Works the
 * same on SQLite and PostgreSQL: it reads through the store's `rows`.
 */
export class AuditIndex {
  private readonly facts: RecordFacts[] = [];
  private readonly correctedBy = new Map<number, number>();
  private readonly rulesets = new Map<string, { version: string; records: number; firstDecision: string | null }>();
  private lastId = 0;
  private refreshing: Promise<void> | null = null;
  /** The exceptions of the current records, and how many of `facts` they have taken in. */
  private readonly derived = new ExceptionState();
  private derivedCount = 0;

  constructor(private readonly service: RegisterService) {}

  /** Reads what was appended since the last call. */
  refresh(): Promise<void> {
    this.refreshing ??= this.readNew().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async readNew(): Promise<void> {
    let slice = performance.now();
    for (;;) {
      const rows = await this.service.store.rows(this.lastId, 2000);
      if (rows.length === 0) return;
      for (const row of rows) {
        // Judging a record takes tens of microseconds: at a million records the first report would hold the event
        // loop for most of a minute, so every other request of every user waits a slice at most.
        if (performance.now() - slice > sliceMs) {
          await new Promise((resolve) => setImmediate(resolve));
          slice = performance.now();
        }
        this.lastId = row.id;
        let content;
        try {
          content = recordContentSchema.parse(JSON.parse(row.contentJson));
        } catch {
          continue; // unreadable: verify reports it; a report cannot say anything about it
        }
        // A missing or tampered rule set leaves the facts that need it empty; verify reports why.
        const ruleset = await this.service.storedRuleset(content.rulesetHash).catch(() => null);
        this.facts.push(recordFacts(row.id, content, ruleset).facts);
        if (content.corrects !== null) this.correctedBy.set(content.corrects, Math.max(row.id, this.correctedBy.get(content.corrects) ?? 0));
        const known = this.rulesets.get(content.rulesetHash) ?? { version: content.rulesetVersion, records: 0, firstDecision: null };
        known.records++;
        if (known.firstDecision === null || content.answers.decisionDate < known.firstDecision) known.firstDecision = content.answers.decisionDate;
        this.rulesets.set(content.rulesetHash, known);
      }
    }
  }

  /** The records read so far, for a progress line while the first report builds. */
  get read(): number {
    return this.lastId;
  }

  get size(): number {
    return this.facts.length;
  }

  /** The rule sets records were decided under, with how many records each. */
  storedRulesets() {
    return [...this.rulesets.entries()].map(([hash, r]) => ({ hash, ...r }));
  }

  /** Every current record with its exceptions (a corrected record is replaced by its correction). */
  currentRows(): AuditRow[] {
    if (this.derivedCount < this.facts.length) {
      // Only what was appended since: a correction takes the record it corrects out of the current ones.
      const appended = this.facts.slice(this.derivedCount);
      this.derivedCount = this.facts.length;
      const removed = appended.flatMap((f) => (f.corrects !== null ? [f.corrects] : []));
      this.derived.update(appended.filter((f) => !this.correctedBy.has(f.id)), removed);
    }
    return this.derived.rows;
  }

  /** The split-purchase groups whose sum matters, newest first, as the filter and the reader's organisations allow. */
  splitGroups(query: Omit<SplitGroupQuery, 'offset' | 'limit'>, scope: Scope): { total: number; over: number; groups: SplitGroup[] } {
    this.currentRows();
    const inScope = this.derived.groups.filter(
      (g) =>
        (!scope.organisations || scope.organisations.includes(g.organisation)) &&
        (!query.organisation || g.organisation === query.organisation) &&
        (!query.from || g.to >= query.from) &&
        (!query.to || g.from <= query.to),
    );
    const over = inScope.filter((g) => g.over);
    return { total: inScope.length, over: over.length, groups: query.over === '1' ? over : inScope };
  }

  /** One record, current or not, with its exceptions where it is current. */
  row(id: number): AuditRow | null {
    const current = this.currentRows().find((r) => r.id === id);
    if (current) return current;
    const f = this.facts.find((x) => x.id === id);
    if (!f) return null;
    return { ...rowOf(f), supersededBy: this.correctedBy.get(id) ?? null, exceptions: [], related: [] };
  }

  /** The records that replaced `id`, oldest first. */
  corrections(id: number): number[] {
    return this.facts.filter((f) => f.corrects === id).map((f) => f.id);
  }

  /**
   * One pass over the current records, newest first (they are kept in id order), over narrow typed
   * columns (organisation, decision day, exceptions as bits) rather than the rows themselves: at a
   * million records walking the row objects took 600 ms a report (bench/audit.bench.ts); only the
   * page's rows are read.
   */
  exceptions(query: ExceptionQuery, scope: Scope): ExceptionResponse {
    const rows = this.currentRows();
    const { organisation, day, kinds, organisations } = this.derived.columns;
    const orgIndex = (id: string) => organisations.indexOf(id);
    const allowed = scope.organisations ? new Set(scope.organisations.map(orgIndex)) : null;
    const wanted = query.organisation ? orgIndex(query.organisation) : -2;
    const from = query.from ? dayOf(query.from) : -Infinity;
    const to = query.to ? dayOf(query.to) : Infinity;
    const bit = query.kind === 'all' ? allKinds : 1 << exceptionKinds.indexOf(query.kind);
    const counts = new Array<number>(exceptionKinds.length).fill(0);
    const items: AuditRow[] = [];
    let scanned = 0;
    let total = 0;
    for (let i = rows.length - 1; i >= 0; i--) {
      const o = organisation[i]!;
      if ((wanted !== -2 && o !== wanted) || (allowed && !allowed.has(o))) continue;
      const d = day[i]!;
      if (d < from || d > to) continue;
      scanned++;
      const mask = kinds[i]!;
      if (mask === 0) continue;
      for (let k = 0; k < exceptionKinds.length; k++) if (mask & (1 << k)) counts[k]!++;
      if (mask & bit) {
        if (total >= query.offset && items.length < query.limit) items.push(rows[i]!);
        total++;
      }
    }
    return {
      scanned,
      counts: Object.fromEntries(exceptionKinds.map((k, i) => [k, counts[i]!])) as Record<ExceptionKind, number>,
      total,
      items,
    };
  }
}

const allKinds = (1 << exceptionKinds.length) - 1;
