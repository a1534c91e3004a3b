import { open } from 'node:fs/promises';
import Database from 'better-sqlite3';
import { canonicalJson } from '../../engine/canonical-hash';
import type { RulesetData } from '../../engine/ruleset';
import { genesisHash, type DecisionRecord, type ListFilter, type RecordContent, type StatsQuery, type StatsRow } from '../../shared/decision-record';
import { sealRecord } from '../chain';
import type { AccessLogEntry, AppendWitness, DecisionStore, SealedEntry, StoredRow } from './decision-store';
import { supersededBy, toRecord, toStoredRow, whereListFilter, whereStatsQuery, type DecisionRow, type Pending, type Where } from './decision-rows';
import { sqliteGuards, sqliteSchema } from './sqlite-schema';


/**
 * The embedded default: one SQLite file in the data folder, in WAL mode. A commit writes the
 * records to the WAL file; a save is acknowledged only after that file has also been fsynced.
 * SQLite's own synchronous=FULL would fsync inside the commit and block the event loop for it;
 * instead synchronous=NORMAL commits (the write already survives a SIGKILL: it is in the kernel)
 * and an fdatasync of the WAL on libuv's thread pool makes it survive power loss too, before
 * anyone is told "saved". While that fsync runs, new saves queue up and are committed together
 * next (group commit), which is what makes thousands of durable saves a second possible.
 * Checkpoints are synced by SQLite itself in NORMAL mode.
 */
export class SqliteDecisionStore implements DecisionStore {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;
  private readonly knownRulesets = new Set<string>();
  private queue: Pending[] = [];
  private flushing = false;
  private readonly walFile: string;
  private head: { id: number; hash: string };
  private readonly insert: Database.Statement;
  private witness: AppendWitness | null = null;

  constructor(file: string) {
    this.db = new Database(file);
    this.walFile = `${file}-wal`;
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(sqliteSchema);
    // Fresh statistics let the planner pick the right index for each filter mix; sampled, so quick.
    this.db.exec('PRAGMA analysis_limit = 1000; ANALYZE;');
    const last = this.db.prepare('SELECT id, hash FROM decisions ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;
    this.head = last ?? { id: 0, hash: genesisHash };
    this.insert = this.db.prepare(
      `INSERT INTO decisions (id, prev_hash, hash, content, organisation, decision_date, chosen_route, supplier_kind, total_sek, ruleset_hash, corrects)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  async saveRuleset(hash: string, version: string, data: RulesetData): Promise<void> {
    if (this.knownRulesets.has(hash)) return;
    this.db
      .prepare('INSERT OR IGNORE INTO rulesets (hash, version, data, first_used_at) VALUES (?, ?, ?, ?)')
      .run(hash, version, canonicalJson(data), new Date().toISOString());
    this.knownRulesets.add(hash);
  }

  async getRulesetJson(hash: string): Promise<string | null> {
    const row = this.db.prepare('SELECT data FROM rulesets WHERE hash = ?').get(hash) as { data: string } | undefined;
    return row?.data ?? null;
  }

  append(contents: RecordContent[]): Promise<DecisionRecord[]> {
    return new Promise((resolve, reject) => {
      this.queue.push({ contents, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        // Let the requests that arrived in this turn of the event loop join the same commit.
        setImmediate(() => void this.flushLoop());
      }
    });
  }

  /** Commits what is queued, syncs the WAL, answers; repeats while saves keep arriving. */
  private async flushLoop(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue;
        this.queue = [];
        const results = this.commit(batch);
        if (!results) continue;
        try {
          await Promise.all([syncFile(this.walFile), this.witness?.sync()]);
        } catch (error) {
          for (const pending of batch) pending.reject(error);
          continue;
        }
        batch.forEach((pending, i) => pending.resolve(results[i]!));
      }
    } finally {
      this.flushing = false;
    }
  }

  private commit(batch: Pending[]): DecisionRecord[][] | null {
    const results: DecisionRecord[][] = [];
    let head = this.head;
    const sealed: SealedEntry[] = [];
    try {
      this.db.transaction(() => {
        for (const pending of batch) {
          const records: DecisionRecord[] = [];
          for (const content of pending.contents) {
            const id = head.id + 1;
            const { contentJson, hash } = sealRecord(id, head.hash, content);
            this.insert.run(
              id,
              head.hash,
              hash,
              contentJson,
              content.answers.organisation,
              content.answers.decisionDate,
              content.chosenRoute,
              content.answers.supplier?.kind ?? 'unknown',
              content.answers.value?.totalSek ?? null,
              content.rulesetHash,
              content.corrects,
            );
            records.push({ ...content, id, prevHash: head.hash, hash, supersededBy: null });
            sealed.push({ id, contentJson });
            head = { id, hash };
          }
          results.push(records);
        }
        this.witness?.beforeCommit(sealed);
      })();
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      return null;
    }
    this.head = head;
    this.witness?.afterCommit(sealed);
    return results;
  }

  async get(id: number): Promise<DecisionRecord | null> {
    const row = this.db.prepare(`SELECT d.*, ${supersededBy} FROM decisions d WHERE d.id = ?`).get(id) as DecisionRow | undefined;
    return row ? toRecord(row) : null;
  }

  async list(filter: ListFilter & { organisations?: string[] | undefined }, limit: number, before?: number) {
    const w = conditions();
    whereListFilter(w, filter, before);
    const { where, params } = w;
    // Pick the ids first from the indexes alone, then read just those records: sorting whole
    // records (content included) for a broad date or value range costs ten times as much.
    const ids = `SELECT d.id FROM decisions d ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY d.id DESC LIMIT ?`;
    const sql = `SELECT d.*, ${supersededBy} FROM decisions d WHERE d.id IN (${ids}) ORDER BY d.id DESC`;
    const rows = this.db.prepare(sql).all(...params, limit + 1) as DecisionRow[];
    const more = rows.length > limit;
    const items = rows.slice(0, limit).map(toRecord);
    return { items, nextBefore: more ? items[items.length - 1]!.id : null };
  }

  async rows(afterId: number, limit: number): Promise<StoredRow[]> {
    const rows = this.db.prepare('SELECT * FROM decisions WHERE id > ? ORDER BY id LIMIT ?').all(afterId, limit) as DecisionRow[];
    return rows.map(toStoredRow);
  }

  async row(id: number): Promise<StoredRow | null> {
    const row = this.db.prepare('SELECT * FROM decisions WHERE id = ?').get(id) as DecisionRow | undefined;
    return row ? toStoredRow(row) : null;
  }

  async stats(query: StatsQuery & { organisations?: string[] | undefined }): Promise<StatsRow[]> {
    const period =
      query.period === 'month'
        ? 'substr(d.decision_date, 1, 7)'
        : query.period === 'quarter'
          ? "substr(d.decision_date, 1, 4) || '-Q' || ((CAST(substr(d.decision_date, 6, 2) AS INTEGER) + 2) / 3)"
          : 'substr(d.decision_date, 1, 4)';
    const w = conditions();
    whereStatsQuery(w, query);
    const { where, params } = w;
    const sql = `SELECT d.organisation AS organisation, ${period} AS period, d.chosen_route AS route, d.supplier_kind AS supplierKind,
        COUNT(*) AS count, COALESCE(SUM(d.total_sek), 0) AS valueSek
      FROM decisions d WHERE ${where.join(' AND ')}
      GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`;
    return this.db.prepare(sql).all(...params) as StatsRow[];
  }

  async logAccess(entry: AccessLogEntry): Promise<void> {
    this.db
      .prepare('INSERT INTO access_log (at, user, role, method, path, status, reason) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(entry.at, entry.user, entry.role, entry.method, entry.path, entry.status, entry.reason);
  }

  async accessLog(limit: number): Promise<AccessLogEntry[]> {
    return this.db
      .prepare('SELECT at, user, role, method, path, status, reason FROM access_log ORDER BY id DESC LIMIT ?')
      .all(limit) as AccessLogEntry[];
  }

  async headId(): Promise<number> {
    return this.head.id;
  }

  async missingGuards(): Promise<string[]> {
    const present = new Set((this.db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as Array<{ name: string }>).map((r) => r.name));
    return sqliteGuards.filter((name) => !present.has(name));
  }

  setWitness(witness: AppendWitness): void {
    this.witness = witness;
  }

  async close(): Promise<void> {
    // Let the appends already queued reach the disk before the file closes.
    for (let i = 0; i < 100 && (this.flushing || this.queue.length > 0); i++) await new Promise((r) => setTimeout(r, 10));
    this.db.close();
  }
}

/** WHERE clauses with SQLite's "?" placeholders. */
function conditions(): Where {
  const where: string[] = [];
  const params: unknown[] = [];
  return {
    where,
    params,
    add: (sql, value) => {
      where.push(sql);
      params.push(value);
    },
    addIn: (column, values) => {
      where.push(`${column} IN (${values.map(() => '?').join(', ') || 'NULL'})`);
      params.push(...values);
    },
  };
}

async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.datasync();
  } finally {
    await handle.close();
  }
}
