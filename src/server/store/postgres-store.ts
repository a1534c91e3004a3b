import pg from 'pg';
import { canonicalJson } from '../../engine/canonical-hash';
import type { RulesetData } from '../../engine/ruleset';
import { genesisHash, type DecisionRecord, type ListFilter, type RecordContent, type StatsQuery, type StatsRow } from '../../shared/decision-record';
import { sealRecord } from '../chain';
import type { AccessLogEntry, AppendWitness, DecisionStore, SealedEntry, StoredRow } from './decision-store';
import { supersededBy, toRecord, toStoredRow, whereListFilter, whereStatsQuery, type DecisionRow, type Pending, type Where } from './decision-rows';

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
  FOREACH t IN ARRAY ARRAY['decisions', 'rulesets', 'access_log'] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = t || '_append_only') THEN
      EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION vagval_append_only()', t || '_append_only', t);
      EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION vagval_append_only()', t || '_no_truncate', t);
    END IF;
  END LOOP;
END $$;
`;

/** Any fixed number: the advisory lock every instance takes to append. */
const appendLock = 0x5641_4756;


export class PostgresDecisionStore implements DecisionStore {
  readonly kind = 'postgres' as const;
  private readonly knownRulesets = new Set<string>();
  private queue: Pending[] = [];
  private flushing: Promise<void> | null = null;
  private witness: AppendWitness | null = null;

  private constructor(private readonly pool: pg.Pool) {}

  static async open(url: string): Promise<PostgresDecisionStore> {
    const pool = new pg.Pool({ connectionString: url, max: 8 });
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [appendLock]);
      await client.query(schema);
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
    return new Promise((resolve, reject) => {
      this.queue.push({ contents, resolve, reject });
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
          batch.forEach((pending, i) => pending.resolve(results[i]!));
        } catch (error) {
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
      const sealed: SealedEntry[] = [];
      for (const pending of batch) {
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
      this.witness?.beforeCommit(sealed);
      await client.query('COMMIT');
      this.witness?.afterCommit(sealed);
      await this.witness?.sync();
      return results;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
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
    const period =
      query.period === 'month'
        ? 'substr(d.decision_date, 1, 7)'
        : query.period === 'quarter'
          ? "substr(d.decision_date, 1, 4) || '-Q' || ((substr(d.decision_date, 6, 2)::int + 2) / 3)"
          : 'substr(d.decision_date, 1, 4)';
    const w = conditions();
    whereStatsQuery(w, query);
    const { where, params } = w;
    const sql = `SELECT d.organisation AS organisation, ${period} AS period, d.chosen_route AS route, d.supplier_kind AS "supplierKind",
        COUNT(*)::int AS count, COALESCE(SUM(d.total_sek), 0)::float8 AS "valueSek"
      FROM decisions d WHERE ${where.join(' AND ')}
      GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`;
    return (await this.pool.query<StatsRow>(sql, params)).rows;
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
    const expected = ['decisions', 'rulesets', 'access_log'].flatMap((t) => [`${t}_append_only`, `${t}_no_truncate`]);
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
