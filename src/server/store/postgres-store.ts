import { cosignaturesSchema, PostgresCosignatures, type CosignatureStore } from './cosignature-store';
import pg from 'pg';
import { canonicalJson } from '../../engine/canonical-hash';
import type { RulesetData } from '../../engine/ruleset';
import { genesisHash, type DecisionRecord, type ListFilter, type RecordContent, type StatsQuery, type StatsRow } from '../../shared/decision-record';
import { storedRecordHash } from '../chain';
import type { RecordEvent } from '../../shared/record-events';
import type { AccessLogEntry, AppendWitness, DecisionStore, SealedEntry, SharedCheckpoints, SideTable, StoredCheckpoint, StoredRow } from './decision-store';
import { backfillCounts, countsNeedBackfill, countsPostgresOutdated, countsPostgresSchema, countsStatsSql, dropCountsPostgres, postgresChosenVerdict, whereCounts } from './stats-counters';
import { supersededBy, toRecord, toStoredRow, whereListFilter, type DecisionRow, type OnceClaim, type Pending, type Where } from './decision-rows';
import { eventsForSql, insertRecordEventSql, latestRunEventSql, recordEventValues, toRecordEvent, type RecordEventRow } from './record-event-rows';
import { idempotencyPostgresSchema, SaveOutcomeUnknown, type IdempotencyHit } from './idempotency';

/**
 * The same tables as the SQLite store, for organisations that run several instances against one
 * PostgreSQL server. Appends from every instance take one advisory lock inside their transaction,
 * so the chain stays linear across processes; PostgreSQL's default synchronous_commit makes a
 * commit durable before it returns, and only then is a save acknowledged.
 */
const schema = `
CREATE TABLE IF NOT EXISTS rulesets (
  hash TEXT PRIMARY KEY,
  version TEXT NOT NULL,
  data TEXT NOT NULL,
  first_used_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS decisions (
  id INTEGER PRIMARY KEY,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE,
  content TEXT NOT NULL,
  organisation TEXT NOT NULL,
  decision_date TEXT NOT NULL,
  chosen_route TEXT NOT NULL,
  supplier_kind TEXT NOT NULL,
  total_sek DOUBLE PRECISION,
  ruleset_hash TEXT NOT NULL REFERENCES rulesets(hash),
  corrects INTEGER REFERENCES decisions(id)
);
CREATE INDEX IF NOT EXISTS decisions_org ON decisions (organisation, id);
CREATE INDEX IF NOT EXISTS decisions_org_route ON decisions (organisation, chosen_route, id);
CREATE INDEX IF NOT EXISTS decisions_org_supplier ON decisions (organisation, supplier_kind, id);
CREATE INDEX IF NOT EXISTS decisions_route ON decisions (chosen_route, id);
CREATE INDEX IF NOT EXISTS decisions_supplier ON decisions (supplier_kind, id);
-- A date range with a value bound (or the other way round) is sought in both columns at once;
-- the single-column indexes these replace read a whole month to find a few records.
DROP INDEX IF EXISTS decisions_date;
DROP INDEX IF EXISTS decisions_value;
CREATE INDEX IF NOT EXISTS decisions_date_value ON decisions (decision_date, total_sek);
CREATE INDEX IF NOT EXISTS decisions_value_date ON decisions (total_sek, decision_date);
-- Organisation, route and supplier kind go together (an organisation buys some kinds only): the
-- planner that takes them as independent expects a combination with no record to be found soon
-- along the primary key and walks all of it; the combinations' own frequencies tell it otherwise.
CREATE STATISTICS IF NOT EXISTS decisions_kinds (mcv, dependencies) ON organisation, chosen_route, supplier_kind FROM decisions;
CREATE INDEX IF NOT EXISTS decisions_corrects ON decisions (corrects) WHERE corrects IS NOT NULL;
-- The signed checkpoints of every instance (docs/register.md, several instances): one a tree
-- size, made under the checkpoint lock; believed only where the signature verifies.
-- One tree size may be signed more than once, with the same root, when only the side logs grew
-- (transparency/side-log-heads.ts); a table made when one size had one row is widened to that.
CREATE TABLE IF NOT EXISTS transparency_checkpoints (
  size BIGINT NOT NULL,
  root_hash TEXT NOT NULL,
  note TEXT NOT NULL,
  signed_at TEXT NOT NULL,
  PRIMARY KEY (size, note)
);
DO $$
BEGIN
  IF (SELECT array_length(conkey, 1) FROM pg_constraint WHERE conrelid = 'transparency_checkpoints'::regclass AND contype = 'p') = 1 THEN
    ALTER TABLE transparency_checkpoints DROP CONSTRAINT transparency_checkpoints_pkey;
    ALTER TABLE transparency_checkpoints ADD PRIMARY KEY (size, note);
  END IF;
END $$;
CREATE TABLE IF NOT EXISTS access_log (
  id BIGSERIAL PRIMARY KEY,
  at TEXT NOT NULL,
  "user" TEXT,
  role TEXT,
  method TEXT NOT NULL,
  path TEXT NOT NULL,
  status INTEGER NOT NULL,
  reason TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS record_events (
  id BIGSERIAL PRIMARY KEY,
  at TEXT NOT NULL,
  "user" TEXT NOT NULL,
  role TEXT NOT NULL,
  record_id INTEGER,
  from_id INTEGER,
  to_id INTEGER,
  ok BOOLEAN NOT NULL,
  ruleset_version TEXT NOT NULL,
  ruleset_hash TEXT NOT NULL,
  detail TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS record_events_record ON record_events (record_id) WHERE record_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS record_events_runs ON record_events (to_id, from_id) WHERE record_id IS NULL;
-- The side logs' rows are chained in id order (transparency/side-log-heads.ts), so a row must never
-- become visible below one already seen: each insert takes its table's lock and only then its id,
-- and ids are committed in the order they are given, from every connection and every instance.
CREATE OR REPLACE FUNCTION vagval_side_log_order() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(1447118675, hashtext(TG_TABLE_NAME));
  NEW.id := nextval(pg_get_serial_sequence(quote_ident(TG_TABLE_SCHEMA) || '.' || quote_ident(TG_TABLE_NAME), 'id'));
  RETURN NEW;
END $$;
DO $$
DECLARE t TEXT;
BEGIN
  FOREACH t IN ARRAY ARRAY['access_log', 'record_events'] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = t || '_in_order') THEN
      EXECUTE format('CREATE TRIGGER %I BEFORE INSERT ON %I FOR EACH ROW EXECUTE FUNCTION vagval_side_log_order()', t || '_in_order', t);
    END IF;
  END LOOP;
END $$;
CREATE OR REPLACE FUNCTION vagval_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: save a correction that refers to the record instead', TG_TABLE_NAME;
END $$;
DO $$
DECLARE t TEXT;
BEGIN
  FOREACH t IN ARRAY ARRAY['decisions', 'rulesets', 'access_log', 'transparency_checkpoints', 'record_events'] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = t || '_append_only') THEN
      EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION vagval_append_only()', t || '_append_only', t);
      EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION vagval_append_only()', t || '_no_truncate', t);
    END IF;
  END LOOP;
END $$;
`;

const kindsNeedAnalyze = `SELECT (EXISTS (SELECT 1 FROM decisions) AND NOT EXISTS (
  SELECT 1 FROM pg_statistic_ext e JOIN pg_statistic_ext_data x ON x.stxoid = e.oid WHERE e.stxname = 'decisions_kinds' AND x.stxdmcv IS NOT NULL)) AS needed`;

/** Any fixed number: the advisory lock every instance takes to append. */
const appendLock = 0x5641_4756;
/** …and the one an instance holds while it signs a checkpoint, so that two never sign at once. */
const checkpointLock = 0x5641_4743;


export class PostgresDecisionStore implements DecisionStore {
  readonly kind = 'postgres' as const;
  private readonly knownRulesets = new Set<string>();
  private queue: Pending[] = [];
  private flushing: Promise<void> | null = null;
  private witness: AppendWitness | null = null;
  /** The last failed write, until a save succeeds again; /api/health reports it. */
  private writeProblem: string | null = null;
  private lastPurge = 0;
  /** The last id as this instance last saw it: after its own commit, or read from the database. */
  private knownHead = 0;

  readonly sharedCheckpoints: SharedCheckpoints;
  readonly cosignatures: CosignatureStore;

  private constructor(private readonly pool: pg.Pool) {
    this.cosignatures = new PostgresCosignatures(pool);
    this.sharedCheckpoints = {
      since: (size) => checkpointsSince(pool, size),
      withLock: async (work) => {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          await client.query('SELECT pg_advisory_xact_lock($1)', [checkpointLock]);
          const result = await work({
            since: (size) => checkpointsSince(client, size),
            insert: async (c) =>
              // Never a second root for one size: the same root again is the same tree with newer side-log heads.
              ((
                await client.query(
                  'INSERT INTO transparency_checkpoints (size, root_hash, note, signed_at) SELECT $1::bigint, $2::text, $3::text, $4::text WHERE NOT EXISTS (SELECT 1 FROM transparency_checkpoints WHERE size = $1::bigint AND root_hash <> $2::text) ON CONFLICT DO NOTHING',
                  [c.size, c.rootHash, c.note, c.time],
                )
              ).rowCount ?? 0) > 0,
          });
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => {});
          throw error;
        } finally {
          client.release();
        }
      },
    };
  }

  static async open(url: string): Promise<PostgresDecisionStore> {
    const pool = new pg.Pool({ connectionString: url, max: 8 });
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [appendLock]);
      await client.query(schema);
      await client.query(idempotencyPostgresSchema);
      await client.query(cosignaturesSchema);
      if ((await client.query<{ outdated: boolean }>(countsPostgresOutdated)).rows[0]?.outdated) await client.query(dropCountsPostgres);
      await client.query(countsPostgresSchema);
      if ((await client.query<{ needed: boolean }>(countsNeedBackfill)).rows[0]?.needed) await client.query(backfillCounts(postgresChosenVerdict));
      // Extended statistics are empty until the table is next analysed, which autovacuum does on an
      // append-only table only after many more saves: a register that had records before gets them now.
      if ((await client.query<{ needed: boolean }>(kindsNeedAnalyze)).rows[0]?.needed) await client.query('ANALYZE decisions');
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      client.release();
      await pool.end();
      throw error;
    }
    client.release();
    return new PostgresDecisionStore(pool);
  }

  async saveRuleset(hash: string, version: string, data: RulesetData): Promise<void> {
    if (this.knownRulesets.has(hash)) return;
    await this.pool.query('INSERT INTO rulesets (hash, version, data, first_used_at) VALUES ($1, $2, $3, $4) ON CONFLICT (hash) DO NOTHING', [
      hash,
      version,
      canonicalJson(data),
      new Date().toISOString(),
    ]);
    this.knownRulesets.add(hash);
  }

  async getRulesetJson(hash: string): Promise<string | null> {
    const result = await this.pool.query<{ data: string }>('SELECT data FROM rulesets WHERE hash = $1', [hash]);
    return result.rows[0]?.data ?? null;
  }

  append(contents: RecordContent[]): Promise<DecisionRecord[]> {
    return this.enqueue({ contents }).then((p) => p.records);
  }

  async appendOnce(content: RecordContent, once: OnceClaim): Promise<{ record: DecisionRecord; replayed: IdempotencyHit | null }> {
    const { records, pending } = await this.enqueue({ contents: [content], once });
    return { record: records[0]!, replayed: pending.replayed ?? null };
  }

  async findIdempotent(key: string, since: string): Promise<IdempotencyHit | null> {
    return findKey(this.pool, key, since);
  }

  async writeHealth(): Promise<{ ok: true } | { ok: false; problem: string }> {
    if (this.writeProblem) return { ok: false, problem: `the last save could not be written: ${this.writeProblem}` };
    try {
      const result = await this.pool.query<{ transaction_read_only: string }>('SHOW transaction_read_only');
      if (result.rows[0]?.transaction_read_only === 'on') return { ok: false, problem: 'the PostgreSQL server takes reads only (a standby, or default_transaction_read_only)' };
    } catch (error) {
      return { ok: false, problem: `PostgreSQL cannot be reached: ${(error as Error).message}` };
    }
    return { ok: true };
  }

  private enqueue(part: Pick<Pending, 'contents' | 'once'>): Promise<{ records: DecisionRecord[]; pending: Pending }> {
    return new Promise((resolve, reject) => {
      const pending: Pending = { ...part, resolve: (records) => resolve({ records, pending }), reject };
      this.queue.push(pending);
      this.flushing ??= new Promise<void>((done) => setImmediate(done)).then(() => this.flushLoop());
    });
  }

  /** Saves that arrive while a commit runs are committed together next (group commit). */
  private async flushLoop(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue;
        this.queue = [];
        try {
          const results = await this.commit(batch);
          this.writeProblem = null;
          batch.forEach((pending, i) => pending.resolve(results[i]!));
        } catch (error) {
          this.writeProblem = error instanceof SaveOutcomeUnknown ? (error.cause as Error).message : (error as Error).message;
          for (const pending of batch) pending.reject(error);
        }
      }
    } finally {
      this.flushing = null;
    }
  }

  /**
   * One transaction for the whole batch in four round trips at most: BEGIN with the append lock and
   * the head, the batch's Idempotency-Keys in one look, every row and claim in one statement, COMMIT.
   */
  private async commit(batch: Pending[]): Promise<DecisionRecord[][]> {
    // The records' canonical JSON needs no head: made before the append lock, so that another
    // instance waiting for the lock waits only for the hashes that do.
    const contentJson = new Map(batch.flatMap((p) => p.contents.map((c) => [c, canonicalJson(c)] as const)));
    const client = await this.pool.connect();
    try {
      // No parameters, so the three go as one simple query; the lock is taken before the head is read.
      const opened = (await client.query(`BEGIN; SELECT pg_advisory_xact_lock(${appendLock}); SELECT id, hash FROM decisions ORDER BY id DESC LIMIT 1`)) as unknown as pg.QueryResult[];
      let head = (opened[2]!.rows[0] as { id: number; hash: string } | undefined) ?? { id: 0, hash: genesisHash };
      this.knownHead = head.id;
      const results: DecisionRecord[][] = [];
      const rows: unknown[][] = [];
      const claims: unknown[][] = [];
      const sealed: SealedEntry[] = [];
      // Under the append lock: no other instance can claim a key between this look and the insert.
      const claimed = await findKeys(client, batch);
      for (const pending of batch) {
        if (pending.once) {
          const key = pending.once.key.toLowerCase();
          const hit = claimed.get(key);
          if (hit) {
            pending.replayed = hit;
            results.push([hit.record]);
            continue;
          }
        }
        const records: DecisionRecord[] = [];
        for (const content of pending.contents) {
          const id = head.id + 1;
          const json = contentJson.get(content)!;
          const hash = storedRecordHash(id, head.hash, json);
          rows.push([
            id,
            head.hash,
            hash,
            json,
            content.answers.organisation,
            content.answers.decisionDate,
            content.chosenRoute,
            content.answers.supplier?.kind ?? 'unknown',
            content.answers.value?.totalSek ?? null,
            content.rulesetHash,
            content.corrects,
          ]);
          records.push({ ...content, id, prevHash: head.hash, hash, supersededBy: null });
          sealed.push({ id, contentJson: json });
          head = { id, hash };
        }
        if (pending.once) {
          const key = pending.once.key.toLowerCase();
          claimed.set(key, { requestHash: pending.once.requestHash, record: records[0]! });
          claims.push([key, pending.once.requestHash, records[0]!.id, pending.once.at]);
        }
        results.push(records);
      }
      await insertBatch(client, rows, claims);
      if (claims.length > 0 && Date.now() - this.lastPurge > 3_600_000) {
        await client.query('DELETE FROM idempotency_keys WHERE created_at < $1', [batch.find((p) => p.once)!.once!.since]);
        this.lastPurge = Date.now();
      }
      this.witness?.beforeCommit(sealed);
      try {
        await client.query('COMMIT');
      } catch (error) {
        // The connection broke while COMMIT was on its way: the server may have committed.
        throw new SaveOutcomeUnknown(error);
      }
      this.knownHead = head.id;
      this.witness?.afterCommit(sealed);
      await this.witness?.sync();
      return results;
    } catch (error) {
      if (!(error instanceof SaveOutcomeUnknown)) await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async get(id: number): Promise<DecisionRecord | null> {
    const result = await this.pool.query<DecisionRow>(`SELECT d.*, ${supersededBy} FROM decisions d WHERE d.id = $1`, [id]);
    return result.rows[0] ? toRecord(result.rows[0]) : null;
  }

  async list(filter: ListFilter & { organisations?: string[] | undefined }, limit: number, before?: number) {
    const wanted = limit + 1;
    const ranged = filter.from !== undefined || filter.to !== undefined || filter.minValue !== undefined || filter.maxValue !== undefined;
    const query = async (sql: { sql: string; params: unknown[] }) => (await this.pool.query<DecisionRow>(sql.sql, sql.params)).rows;
    let rows: DecisionRow[];
    if (!ranged) rows = await query(listSql(filter, wanted, before));
    else {
      // Ids are dense (each record is the head plus one), so the newest window is an id range.
      const floor = (before ?? (await this.headId()) + 1) - listWindow;
      rows = await query(listSql(filter, wanted, before, { from: floor }));
      if (rows.length < wanted && floor > 1) rows = [...rows, ...(await query(listSql(filter, wanted - rows.length, before, { below: floor })))];
    }
    const more = rows.length > limit;
    const items = rows.slice(0, limit).map(toRecord);
    return { items, nextBefore: more ? items[items.length - 1]!.id : null };
  }

  async rows(afterId: number, limit: number): Promise<StoredRow[]> {
    const result = await this.pool.query<DecisionRow>('SELECT * FROM decisions WHERE id > $1 ORDER BY id LIMIT $2', [afterId, limit]);
    return result.rows.map(toStoredRow);
  }

  async row(id: number): Promise<StoredRow | null> {
    const result = await this.pool.query<DecisionRow>('SELECT * FROM decisions WHERE id = $1', [id]);
    return result.rows[0] ? toStoredRow(result.rows[0]) : null;
  }

  async stats(query: StatsQuery & { organisations?: string[] | undefined }): Promise<StatsRow[]> {
    const w = conditions();
    whereCounts(w, query);
    const quarter = "substr(d.decision_date, 1, 4) || '-Q' || ((substr(d.decision_date, 6, 2)::int + 2) / 3)";
    return (await this.pool.query<StatsRow>(countsStatsSql(query, w.where, quarter, { count: '$::int', value: '$::float8' }), w.params)).rows;
  }

  async logAccess(entry: AccessLogEntry): Promise<void> {
    await this.pool.query('INSERT INTO access_log (at, "user", role, method, path, status, reason) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      entry.at,
      entry.user,
      entry.role,
      entry.method,
      entry.path,
      entry.status,
      entry.reason,
    ]);
  }

  async appendEvent(event: RecordEvent): Promise<void> {
    // synchronous_commit makes the insert durable before it returns.
    await this.pool.query(insertRecordEventSql((i) => `$${i}`, quoteUser), recordEventValues(event, (ok) => ok));
  }

  async eventsFor(id: number, limit: number): Promise<RecordEvent[]> {
    const result = await this.pool.query<RecordEventRow>(eventsForSql('$1', '$2', quoteUser), [id, limit]);
    return result.rows.map(toRecordEvent);
  }

  async latestRunEvent(): Promise<RecordEvent | null> {
    const result = await this.pool.query<RecordEventRow>(latestRunEventSql(quoteUser));
    return result.rows[0] ? toRecordEvent(result.rows[0]) : null;
  }

  async accessLog(limit: number): Promise<AccessLogEntry[]> {
    const result = await this.pool.query<AccessLogEntry>('SELECT at, "user", role, method, path, status, reason FROM access_log ORDER BY id DESC LIMIT $1', [limit]);
    return result.rows;
  }

  async sideRows(table: SideTable, afterId: number, limit: number): Promise<Array<{ id: number; text: string }>> {
    const name = table === 'access_log' ? 'access_log' : 'record_events';
    // A table dropped by hand reads as empty: verify then names the rows the checkpoints signed.
    if ((await this.pool.query<{ t: string | null }>('SELECT to_regclass($1) AS t', [name])).rows[0]?.t === null) return [];
    // The row as PostgreSQL writes it out as JSON: the same text from every instance and every run.
    const result = await this.pool.query<{ id: string; text: string }>(`SELECT id, row_to_json(t)::text AS text FROM ${name} t WHERE id > $1 ORDER BY id LIMIT $2`, [afterId, limit]);
    return result.rows.map((r) => ({ id: Number(r.id), text: r.text }));
  }

  async headId(atLeast?: number): Promise<number> {
    // This instance's own commits tell it the head at their time; only a record it has not seen
    // (another instance's, or any caller that wants the head now) needs the database.
    if (atLeast !== undefined && this.knownHead >= atLeast) return this.knownHead;
    const result = await this.pool.query<{ id: number | null }>('SELECT MAX(id) AS id FROM decisions');
    this.knownHead = result.rows[0]?.id ?? 0;
    return this.knownHead;
  }

  async missingGuards(): Promise<string[]> {
    const expected = ['decisions', 'rulesets', 'access_log', 'transparency_checkpoints', 'record_events'].flatMap((t) => [`${t}_append_only`, `${t}_no_truncate`]);
    const result = await this.pool.query<{ tgname: string }>("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgenabled <> 'D'");
    const present = new Set(result.rows.map((r) => r.tgname));
    return expected.filter((name) => !present.has(name));
  }

  /** Brings the planner's statistics up to date now (a bulk load, before autovacuum gets to it). */
  async analyze(): Promise<void> {
    await this.pool.query('ANALYZE decisions');
  }

  setWitness(witness: AppendWitness): void {
    this.witness = witness;
  }

  async close(): Promise<void> {
    if (this.flushing) await this.flushing;
    await this.pool.end();
  }
}

/** "user" is a reserved word in PostgreSQL. */
const quoteUser = (column: string) => (column === 'user' ? '"user"' : column);

async function checkpointsSince(db: pg.Pool | pg.PoolClient, size: number): Promise<StoredCheckpoint[]> {
  const result = await db.query<{ size: string; root_hash: string; note: string; signed_at: string }>('SELECT size, root_hash, note, signed_at FROM transparency_checkpoints WHERE size >= $1 ORDER BY size, signed_at', [size]);
  return result.rows.map((r) => ({ size: Number(r.size), rootHash: r.root_hash, note: r.note, time: r.signed_at }));
}

async function findKey(db: pg.Pool | pg.PoolClient, key: string, since: string): Promise<IdempotencyHit | null> {
  const result = await db.query<DecisionRow & { request_hash: string }>(
    `SELECT k.request_hash, d.*, ${supersededBy} FROM idempotency_keys k JOIN decisions d ON d.id = k.record_id WHERE k.key = $1 AND k.created_at >= $2`,
    [key.toLowerCase(), since],
  );
  const row = result.rows[0];
  return row ? { requestHash: row.request_hash, record: toRecord(row) } : null;
}

/** How many of the newest records a ranged list looks through before it searches the older ones by index. */
const listWindow = 5_000;

/**
 * The statement of a list page (exported for the test of its plans). Equality filters have
 * (column, id) indexes that give the newest matches in order. A date or value range has no such
 * order, and the planner, taking the columns as independent, may walk the primary key past every
 * record when few match. So a range first reads the newest `listWindow` records (`from`), where a
 * broad range finds its page at once; the older ones (`below`) are then found by the range's
 * indexes and sorted: `d.id + 0` leaves the planner no primary-key order to walk, and a range with
 * fewer than a page among the newest records matches few of the older ones too.
 */
export function listSql(filter: ListFilter & { organisations?: string[] | undefined }, limit: number, before?: number, part?: { from: number } | { below: number }): { sql: string; params: unknown[] } {
  const w = conditions();
  whereListFilter(w, filter, before);
  if (part && 'from' in part) w.add('d.id >= ?', part.from);
  if (part && 'below' in part) w.add('d.id < ?', part.below);
  const { where, params } = w;
  params.push(limit);
  const order = part && 'below' in part ? 'd.id + 0' : 'd.id';
  return { sql: `SELECT d.*, ${supersededBy} FROM decisions d ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order} DESC LIMIT $${params.length}`, params };
}

/** The earlier records of every Idempotency-Key in the batch, in one query. */
async function findKeys(client: pg.PoolClient, batch: Pending[]): Promise<Map<string, IdempotencyHit>> {
  const keys = batch.flatMap((p) => (p.once ? [p.once.key.toLowerCase()] : []));
  const found = new Map<string, IdempotencyHit>();
  if (keys.length === 0) return found;
  const oldest = batch.reduce((min, p) => (p.once && p.once.since < min ? p.once.since : min), batch.find((p) => p.once)!.once!.since);
  const result = await client.query<DecisionRow & { key: string; request_hash: string; created_at: string }>(
    `SELECT k.key, k.request_hash, k.created_at, d.*, ${supersededBy} FROM idempotency_keys k JOIN decisions d ON d.id = k.record_id WHERE k.key = ANY($1) AND k.created_at >= $2`,
    [keys, oldest],
  );
  const rows = new Map(result.rows.map((row) => [row.key, row]));
  for (const pending of batch) {
    const row = pending.once && rows.get(pending.once.key.toLowerCase());
    // Each save keeps its own window: a claim older than it counts as none.
    if (row && row.created_at >= pending.once!.since) found.set(row.key, { requestHash: row.request_hash, record: toRecord(row) });
  }
  return found;
}

const decisionColumns = ['id', 'prev_hash', 'hash', 'content', 'organisation', 'decision_date', 'chosen_route', 'supplier_kind', 'total_sek', 'ruleset_hash', 'corrects'];
const decisionTypes = ['int', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'float8', 'text', 'int'];

/**
 * The batch's rows and key claims in one statement: each column as one array parameter, so
 * the statement's text is the same for any batch size (PostgreSQL caps a statement at 65,535 parameters).
 */
async function insertBatch(client: pg.PoolClient, rows: unknown[][], claims: unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  const columns = decisionColumns.map((_, c) => rows.map((r) => r[c]));
  const unnest = (types: string[], offset: number) => `unnest(${types.map((t, i) => `$${offset + i + 1}::${t}[]`).join(', ')})`;
  const insertRows = `INSERT INTO decisions (${decisionColumns.join(', ')}) SELECT * FROM ${unnest(decisionTypes, 0)}`;
  if (claims.length === 0) {
    await client.query(insertRows, columns);
    return;
  }
  const claimColumns = [0, 1, 2, 3].map((c) => claims.map((r) => r[c]));
  // The claims refer to the rows, so the rows go first: a data-modifying CTE runs before the outer statement sees it.
  await client.query(
    `WITH inserted AS (${insertRows} RETURNING id)
     INSERT INTO idempotency_keys (key, request_hash, record_id, created_at) SELECT * FROM ${unnest(['text', 'text', 'int', 'text'], decisionColumns.length)}
     ON CONFLICT (key) DO UPDATE SET request_hash = excluded.request_hash, record_id = excluded.record_id, created_at = excluded.created_at`,
    [...columns, ...claimColumns],
  );
}

/** WHERE clauses written with "?" and numbered as PostgreSQL wants them. */
function conditions(): Where {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  return { where, params, add, addIn: (column, values) => add(`${column} = ANY(?)`, values) };
}
