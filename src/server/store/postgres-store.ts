import pg from 'pg';
import { canonicalJson } from '../../engine/canonical-hash';
import type { RulesetData } from '../../engine/ruleset';
import { genesisHash, type DecisionRecord, type ListFilter, type RecordContent, type StatsQuery, type StatsRow } from '../../shared/decision-record';
import { sealRecord } from '../chain';
import type { AccessLogEntry, AppendWitness, DecisionStore, SealedEntry, SharedCheckpoints, StoredCheckpoint, StoredRow } from './decision-store';
import { backfillCounts, countsNeedBackfill, countsPostgresSchema, countsStatsSql, whereCounts } from './stats-counters';
import { supersededBy, toRecord, toStoredRow, whereListFilter, type DecisionRow, type OnceClaim, type Pending, type Where } from './decision-rows';
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
CREATE INDEX IF NOT EXISTS decisions_date ON decisions (decision_date);
CREATE INDEX IF NOT EXISTS decisions_value ON decisions (total_sek);
CREATE INDEX IF NOT EXISTS decisions_corrects ON decisions (corrects) WHERE corrects IS NOT NULL;
-- The signed checkpoints of every instance (docs/register.md, several instances): one a tree
-- size, made under the checkpoint lock; believed only where the signature verifies.
CREATE TABLE IF NOT EXISTS transparency_checkpoints (
  size BIGINT PRIMARY KEY,
  root_hash TEXT NOT NULL,
  note TEXT NOT NULL,
  signed_at TEXT NOT NULL
);
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
CREATE OR REPLACE FUNCTION vagval_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: save a correction that refers to the record instead', TG_TABLE_NAME;
END $$;
DO $$
DECLARE t TEXT;
BEGIN
  FOREACH t IN ARRAY ARRAY['decisions', 'rulesets', 'access_log', 'transparency_checkpoints'] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = t || '_append_only') THEN
      EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION vagval_append_only()', t || '_append_only', t);
      EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION vagval_append_only()', t || '_no_truncate', t);
    END IF;
  END LOOP;
END $$;
`;

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

  readonly sharedCheckpoints: SharedCheckpoints;

  private constructor(private readonly pool: pg.Pool) {
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
              ((await client.query('INSERT INTO transparency_checkpoints (size, root_hash, note, signed_at) VALUES ($1, $2, $3, $4) ON CONFLICT (size) DO NOTHING', [c.size, c.rootHash, c.note, c.time])).rowCount ?? 0) > 0,
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
      await client.query(countsPostgresSchema);
      if ((await client.query<{ needed: boolean }>(countsNeedBackfill)).rows[0]?.needed) await client.query(backfillCounts);
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

  private async commit(batch: Pending[]): Promise<DecisionRecord[][]> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [appendLock]);
      const last = await client.query<{ id: number; hash: string }>('SELECT id, hash FROM decisions ORDER BY id DESC LIMIT 1');
      let head = last.rows[0] ?? { id: 0, hash: genesisHash };
      const results: DecisionRecord[][] = [];
      const rows: unknown[][] = [];
      const claims: unknown[][] = [];
      const sealed: SealedEntry[] = [];
      const claimed = new Map<string, IdempotencyHit>();
      for (const pending of batch) {
        if (pending.once) {
          // Under the append lock: no other instance can claim the key between this look and the insert.
          const key = pending.once.key.toLowerCase();
          const hit = claimed.get(key) ?? (await findKey(client, key, pending.once.since));
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
          rows.push([
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
          ]);
          records.push({ ...content, id, prevHash: head.hash, hash, supersededBy: null });
          sealed.push({ id, contentJson });
          head = { id, hash };
        }
        if (pending.once) {
          const key = pending.once.key.toLowerCase();
          claimed.set(key, { requestHash: pending.once.requestHash, record: records[0]! });
          claims.push([key, pending.once.requestHash, records[0]!.id, pending.once.at]);
        }
        results.push(records);
      }
      for (let start = 0; start < rows.length; start += 500) {
        const chunk = rows.slice(start, start + 500);
        const values = chunk.map((_, r) => `(${Array.from({ length: 11 }, (_, c) => `$${r * 11 + c + 1}`).join(', ')})`).join(', ');
        await client.query(
          `INSERT INTO decisions (id, prev_hash, hash, content, organisation, decision_date, chosen_route, supplier_kind, total_sek, ruleset_hash, corrects) VALUES ${values}`,
          chunk.flat(),
        );
      }
      for (const claim of claims) {
        await client.query(
          `INSERT INTO idempotency_keys (key, request_hash, record_id, created_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (key) DO UPDATE SET request_hash = excluded.request_hash, record_id = excluded.record_id, created_at = excluded.created_at`,
          claim,
        );
      }
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
    const w = conditions();
    whereListFilter(w, filter, before);
    const { where, params } = w;
    params.push(limit + 1);
    const sql = `SELECT d.*, ${supersededBy} FROM decisions d ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY d.id DESC LIMIT $${params.length}`;
    const rows = (await this.pool.query<DecisionRow>(sql, params)).rows;
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

  async accessLog(limit: number): Promise<AccessLogEntry[]> {
    const result = await this.pool.query<AccessLogEntry>('SELECT at, "user", role, method, path, status, reason FROM access_log ORDER BY id DESC LIMIT $1', [limit]);
    return result.rows;
  }

  async headId(): Promise<number> {
    const result = await this.pool.query<{ id: number | null }>('SELECT MAX(id) AS id FROM decisions');
    return result.rows[0]?.id ?? 0;
  }

  async missingGuards(): Promise<string[]> {
    const expected = ['decisions', 'rulesets', 'access_log', 'transparency_checkpoints'].flatMap((t) => [`${t}_append_only`, `${t}_no_truncate`]);
    const result = await this.pool.query<{ tgname: string }>("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgenabled <> 'D'");
    const present = new Set(result.rows.map((r) => r.tgname));
    return expected.filter((name) => !present.has(name));
  }

  setWitness(witness: AppendWitness): void {
    this.witness = witness;
  }

  async close(): Promise<void> {
    if (this.flushing) await this.flushing;
    await this.pool.end();
  }
}

async function checkpointsSince(db: pg.Pool | pg.PoolClient, size: number): Promise<StoredCheckpoint[]> {
  const result = await db.query<{ size: string; root_hash: string; note: string; signed_at: string }>('SELECT size, root_hash, note, signed_at FROM transparency_checkpoints WHERE size > $1 ORDER BY size', [size]);
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
