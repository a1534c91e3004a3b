import { SqliteCosignatures, type CosignatureStore } from './cosignature-store';
import { constants } from 'node:fs';
import { access, open, statfs } from 'node:fs/promises';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { canonicalJson } from '../../engine/canonical-hash';
import type { RulesetData } from '../../engine/ruleset';
import { genesisHash, type DecisionRecord, type ListFilter, type RecordContent, type StatsQuery, type StatsRow } from '../../shared/decision-record';
import { sealRecord } from '../chain';
import type { RecordEvent } from '../../shared/record-events';
import type { AccessLogEntry, AppendWitness, CheckpointMarks, DecisionStore, SealedEntry, SideTable, StoredRow } from './decision-store';
import { backfillCounts, countsNeedBackfill, countsSqliteOutdated, countsSqliteSchema, countsStatsSql, dropCountsSqlite, sqliteChosenVerdict, whereCounts } from './stats-counters';
import { supersededBy, toRecord, toStoredRow, whereListFilter, type DecisionRow, type OnceClaim, type Pending, type Where } from './decision-rows';
import { eventsForSql, insertRecordEventSql, latestRunEventSql, recordEventValues, toRecordEvent, type RecordEventRow } from './record-event-rows';
import { SaveOutcomeUnknown, type IdempotencyHit } from './idempotency';
import { SqliteIdempotency } from './sqlite-idempotency';
import { sqliteGuards, sqliteSchema } from './sqlite-schema';
import { takeWriterLock, type WriterLock } from './writer-lock';

export type SqliteStoreOptions = {
  /** How the WAL is made durable; replaced in tests to make the fsync fail after a commit. */
  syncFile?: (path: string) => Promise<void>;
  /** How many of the newest records a range filter first looks through in id order (listIds below). */
  listWindow?: number;
};

/** Below this much free space a save is reported as at risk by /api/health. */
const minFreeBytes = 16 * 1024 * 1024;


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
  private readonly idempotency: SqliteIdempotency;
  readonly cosignatures: CosignatureStore;
  private readonly syncFile: (path: string) => Promise<void>;
  /** The last failed write, until a save succeeds again; /api/health reports it. */
  private writeProblem: string | null = null;
  private readonly listWindow: number;
  private readonly lock: WriterLock;
  readonly checkpointMarks: CheckpointMarks = {
    latest: async () => (this.db.prepare('SELECT size, time FROM checkpoint_marks ORDER BY size DESC LIMIT 1').get() as { size: number; time: string } | undefined) ?? null,
    add: async (c) => {
      this.db.prepare('INSERT OR IGNORE INTO checkpoint_marks (size, root_hash, time) VALUES (?, ?, ?)').run(c.size, c.rootHash, c.time);
    },
  };

  constructor(
    private readonly file: string,
    options: SqliteStoreOptions = {},
  ) {
    this.syncFile = options.syncFile ?? syncFile;
    this.listWindow = options.listWindow ?? defaultListWindow;
    // Before the file is opened: a second writer refuses to start, naming the first.
    this.lock = takeWriterLock(file);
    let db: Database.Database | null = null;
    try {
      this.db = db = new Database(file);
      this.walFile = `${file}-wal`;
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('foreign_keys = ON');
      this.db.pragma('busy_timeout = 5000');
      this.db.exec(sqliteSchema);
      this.idempotency = new SqliteIdempotency(this.db);
      this.cosignatures = new SqliteCosignatures(this.db);
      this.db.transaction(() => {
        if ((this.db.prepare(countsSqliteOutdated).get() as { outdated: number }).outdated) this.db.exec(dropCountsSqlite);
        this.db.exec(countsSqliteSchema);
        if ((this.db.prepare(countsNeedBackfill).get() as { needed: number }).needed) this.db.exec(backfillCounts(sqliteChosenVerdict));
      })();
      // Fresh statistics let the planner pick the right index for each filter mix; sampled, so quick.
      this.db.exec('PRAGMA analysis_limit = 1000; ANALYZE;');
      const last = this.db.prepare('SELECT id, hash FROM decisions ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;
      this.head = last ?? { id: 0, hash: genesisHash };
      this.insert = this.db.prepare(
        `INSERT INTO decisions (id, prev_hash, hash, content, organisation, decision_date, chosen_route, supplier_kind, total_sek, ruleset_hash, corrects)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
    } catch (error) {
      db?.close();
      this.lock.release();
      throw error;
    }
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
    return this.enqueue({ contents }).then((p) => p.records);
  }

  async appendOnce(content: RecordContent, once: OnceClaim): Promise<{ record: DecisionRecord; replayed: IdempotencyHit | null }> {
    const { records, pending } = await this.enqueue({ contents: [content], once });
    return { record: records[0]!, replayed: pending.replayed ?? null };
  }

  async findIdempotent(key: string, since: string): Promise<IdempotencyHit | null> {
    return this.idempotency.find(key, since);
  }

  async writeHealth(): Promise<{ ok: true } | { ok: false; problem: string }> {
    if (this.writeProblem) return { ok: false, problem: `the last save could not be written: ${this.writeProblem}` };
    try {
      await access(this.file, constants.W_OK);
      await access(dirname(this.file), constants.W_OK);
    } catch {
      return { ok: false, problem: `the register file ${this.file} or its folder is not writable` };
    }
    const disk = await statfs(dirname(this.file));
    const free = disk.bavail * disk.bsize;
    if (free < minFreeBytes) return { ok: false, problem: `only ${Math.round(free / 1024)} KiB free on the register's disk` };
    return { ok: true };
  }

  private enqueue(part: Pick<Pending, 'contents' | 'once'>): Promise<{ records: DecisionRecord[]; pending: Pending }> {
    return new Promise((resolve, reject) => {
      const pending: Pending = { ...part, resolve: (records) => resolve({ records, pending }), reject };
      this.queue.push(pending);
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
          await Promise.all([this.syncFile(this.walFile), this.witness?.sync()]);
        } catch (error) {
          // Committed but perhaps not durable: "not saved" would be a lie, "saved" a promise not kept.
          this.writeProblem = (error as Error).message;
          for (const pending of batch) pending.reject(new SaveOutcomeUnknown(error));
          continue;
        }
        this.writeProblem = null;
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
          if (pending.once) {
            const hit = this.idempotency.find(pending.once.key, pending.once.since);
            if (hit) {
              pending.replayed = hit;
              results.push([hit.record]);
              continue;
            }
          }
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
          if (pending.once) this.idempotency.claim(pending.once.key, pending.once.requestHash, records[0]!, pending.once.at, pending.once.since);
          results.push(records);
        }
        this.witness?.beforeCommit(sealed);
      })();
    } catch (error) {
      // The transaction was rolled back: nothing of this batch is stored.
      this.writeProblem = (error as Error).message;
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
    // Pick the ids first from the indexes alone, then read just those records: sorting whole
    // records (content included) for a broad date or value range costs ten times as much.
    const ids = listIds(this.db, filter, limit + 1, before, this.head.id, this.listWindow);
    const rows = ids.length === 0 ? [] : (this.db.prepare(`SELECT d.*, ${supersededBy} FROM decisions d WHERE d.id IN (${ids.map(() => '?').join(', ')}) ORDER BY d.id DESC`).all(...ids) as DecisionRow[]);
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
    const w = conditions();
    whereCounts(w, query);
    const quarter = "substr(d.decision_date, 1, 4) || '-Q' || ((CAST(substr(d.decision_date, 6, 2) AS INTEGER) + 2) / 3)";
    return this.db.prepare(countsStatsSql(query, w.where, quarter, { count: '$', value: '$' })).all(...w.params) as StatsRow[];
  }

  async logAccess(entry: AccessLogEntry): Promise<void> {
    this.db
      .prepare('INSERT INTO access_log (at, user, role, method, path, status, reason) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(entry.at, entry.user, entry.role, entry.method, entry.path, entry.status, entry.reason);
  }

  async appendEvent(event: RecordEvent): Promise<void> {
    this.db.prepare(insertRecordEventSql(() => '?', (c) => c)).run(...recordEventValues(event, (ok) => (ok ? 1 : 0)));
    // Durable like a save: the WAL is synced before the event is reported as kept.
    await this.syncFile(this.walFile);
  }

  async eventsFor(id: number, limit: number): Promise<RecordEvent[]> {
    const rows = this.db.prepare(eventsForSql('@id', '@limit', (c) => c)).all({ id, limit }) as RecordEventRow[];
    return rows.map(toRecordEvent);
  }

  async latestRunEvent(): Promise<RecordEvent | null> {
    const row = this.db.prepare(latestRunEventSql((c) => c)).get() as RecordEventRow | undefined;
    return row ? toRecordEvent(row) : null;
  }

  async accessLog(limit: number): Promise<AccessLogEntry[]> {
    return this.db
      .prepare('SELECT at, user, role, method, path, status, reason FROM access_log ORDER BY id DESC LIMIT ?')
      .all(limit) as AccessLogEntry[];
  }

  async sideRows(table: SideTable, afterId: number, limit: number): Promise<Array<{ id: number; text: string }>> {
    // A table dropped by hand reads as empty: verify then names the rows the checkpoints signed.
    if (!this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table)) return [];
    const rows = this.db.prepare(`SELECT * FROM ${table === 'access_log' ? 'access_log' : 'record_events'} WHERE id > ? ORDER BY id LIMIT ?`).all(afterId, limit) as Array<{ id: number }>;
    return rows.map((row) => ({ id: row.id, text: JSON.stringify(row) }));
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
    this.lock.release();
  }
}

/**
 * How many of the newest records a range filter first looks through in id order (a narrow
 * covering index): a range matching at least one record in 200 finds its page there; one that
 * matches fewer is selective enough for its own index. 5,000 entries are about a millisecond.
 */
const defaultListWindow = 5_000;
/** A date range of at most this many days with a value bound is looked up day by day (below). */
const maxDaysByDay = 92;

/**
 * The ids of a list page, newest first. Equality filters have (column, id) indexes that give the
 * newest matches directly. A date or value range has no such order: through its own index every
 * match must be sorted by id, which for a range matching most of a million records is hundreds of
 * milliseconds. So a range first walks the newest records in id order over decisions_scan (every
 * filter column, no record content), which for a broad range finds the page at once; only if
 * that window holds too few matches, the range is narrow enough for SQLite's own choice of index
 * over the older records.
 */
function listIds(db: Database.Database, filter: ListFilter & { organisations?: string[] | undefined }, wanted: number, before: number | undefined, headId: number, window: number): number[] {
  const ranged = filter.from !== undefined || filter.to !== undefined || filter.minValue !== undefined || filter.maxValue !== undefined;
  const query = (extra: (w: Where) => void, limit: number, hint = '') => {
    const w = conditions();
    whereListFilter(w, filter, before);
    extra(w);
    const sql = `SELECT d.id FROM decisions d ${hint} WHERE ${w.where.join(' AND ') || '1'} ORDER BY d.id DESC LIMIT ?`;
    return db.prepare(sql).pluck().all(...w.params, limit) as number[];
  };
  if (!ranged) return query(() => {}, wanted);
  const floor = Math.min(before ?? headId + 1, headId + 1) - window;
  if (floor <= 0) return query(() => {}, wanted, 'INDEXED BY decisions_scan');
  const newest = query((w) => w.add('d.id >= ?', floor), wanted, 'INDEXED BY decisions_scan');
  if (newest.length >= wanted) return newest;
  const days = daysOf(filter);
  const older = query((w) => {
    w.add('d.id < ?', floor);
    // decisions_date_cover is (decision_date, total_sek, …): a range on the date can only seek the
    // date and must filter the value entry by entry (a month is 20,000 entries at a million), but
    // the same range as one date after another seeks the value within each date.
    if (days && (filter.minValue !== undefined || filter.maxValue !== undefined)) w.addIn('d.decision_date', days);
  }, wanted - newest.length);
  return [...newest, ...older];
}

/** The days of a from–to range of at most maxDaysByDay days, as the decision_date column holds them. */
function daysOf(filter: ListFilter): string[] | null {
  if (!filter.from || !filter.to) return null;
  const from = Date.parse(`${filter.from}T00:00:00Z`);
  const to = Date.parse(`${filter.to}T00:00:00Z`);
  if (!Number.isFinite(from) || !Number.isFinite(to) || to < from || (to - from) / 86_400_000 >= maxDaysByDay) return null;
  const days: string[] = [];
  for (let t = from; t <= to; t += 86_400_000) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
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
