import { recordContentSchema } from '../../shared/decision-record';
import { exceptionKinds, type AuditRow, type ExceptionKind, type ExceptionQuery, type ExceptionResponse } from '../../shared/audit-report';
import type { RegisterService } from '../register-service';
import { assignExceptions } from './exceptions';
import { recordFacts, type RecordFacts } from './record-facts';

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
  private derived: { lastId: number; rows: AuditRow[] } | null = null;

  constructor(private readonly service: RegisterService) {}

  /** Reads what was appended since the last call. */
  refresh(): Promise<void> {
    this.refreshing ??= this.readNew().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async readNew(): Promise<void> {
    for (;;) {
      const rows = await this.service.store.rows(this.lastId, 2000);
      if (rows.length === 0) return;
      for (const row of rows) {
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

  get size(): number {
    return this.facts.length;
  }

  /** The rule sets records were decided under, with how many records each. */
  storedRulesets() {
    return [...this.rulesets.entries()].map(([hash, r]) => ({ hash, ...r }));
  }

  /** Every current record with its exceptions (a corrected record is replaced by its correction). */
  currentRows(): AuditRow[] {
    if (this.derived?.lastId !== this.lastId) {
      const current = this.facts.filter((f) => !this.correctedBy.has(f.id));
      this.derived = { lastId: this.lastId, rows: assignExceptions(current, (id) => this.correctedBy.get(id) ?? null) };
    }
    return this.derived.rows;
  }

  /** One record, current or not, with its exceptions where it is current. */
  row(id: number): AuditRow | null {
    const current = this.currentRows().find((r) => r.id === id);
    if (current) return current;
    const f = this.facts.find((x) => x.id === id);
    if (!f) return null;
    const { supplierKey: _k, cpvGroup: _g, ...row } = f;
    return { ...row, supersededBy: this.correctedBy.get(id) ?? null, exceptions: [], related: [] };
  }

  /** The records that replaced `id`, oldest first. */
  corrections(id: number): number[] {
    return this.facts.filter((f) => f.corrects === id).map((f) => f.id);
  }

  /**
   * One pass over the current records, newest first (they are kept in id order), counting every
   * kind and collecting the matches already in the list's order: no copy of the scope and no sort,
   * which at a million records was most of a report's time.
   */
  exceptions(query: ExceptionQuery, scope: Scope): ExceptionResponse {
    const rows = this.currentRows();
    const counts = Object.fromEntries(exceptionKinds.map((k) => [k, 0])) as Record<ExceptionKind, number>;
    const matching: AuditRow[] = [];
    let scanned = 0;
    for (let i = rows.length - 1; i >= 0; i--) {
      const r = rows[i]!;
      if (scope.organisations && !scope.organisations.includes(r.organisation)) continue;
      if (query.organisation && r.organisation !== query.organisation) continue;
      if ((query.from && r.decisionDate < query.from) || (query.to && r.decisionDate > query.to)) continue;
      scanned++;
      if (r.exceptions.length === 0) continue;
      for (const k of r.exceptions) counts[k]++;
      if (query.kind === 'all' || r.exceptions.includes(query.kind)) matching.push(r);
    }
    return { scanned, counts, total: matching.length, items: matching.slice(query.offset, query.offset + query.limit) };
  }
}
