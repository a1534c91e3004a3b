import { createHash } from 'node:crypto';
import { chmodSync } from 'node:fs';
import Database from 'better-sqlite3';
import pg from 'pg';

/**
 * Where signed-in sessions and sign-ins under way are kept, by the SHA-256 of their cookie value, so
 * that whoever reads the table cannot act as anyone. Kept beside the register, not in the process:
 * a restart signs no one out, and several instances on one PostgreSQL know each other's sessions (a
 * sign-in started at one instance may come back to another through the load balancer).
 */
export type SignInKind = 'session' | 'pending';

export interface SignInState {
  put(kind: SignInKind, id: string, value: unknown, expiresAt: number, keepAtMost: number, now: number): Promise<void>;
  get(kind: SignInKind, id: string, now: number): Promise<unknown>;
  /** Read and removed at once: a sign-in's callback is taken once only, even by two instances together. */
  take(kind: SignInKind, id: string, now: number): Promise<unknown>;
  remove(kind: SignInKind, id: string): Promise<void>;
  close(): Promise<void>;
}

const hashed = (id: string) => createHash('sha256').update(id).digest('hex');

/** In the process only: for a server without a data folder of its own (tests, a one-off). */
export class MemorySignInState implements SignInState {
  private readonly rows = new Map<string, { value: unknown; expiresAt: number }>();
  private readonly key = (kind: SignInKind, id: string) => `${kind}:${hashed(id)}`;

  async put(kind: SignInKind, id: string, value: unknown, expiresAt: number, keepAtMost: number, now: number) {
    for (const [k, row] of this.rows) if (k.startsWith(`${kind}:`) && row.expiresAt <= now) this.rows.delete(k);
    this.rows.set(this.key(kind, id), { value, expiresAt });
    const ofKind = [...this.rows.keys()].filter((k) => k.startsWith(`${kind}:`));
    // Oldest first: a client that starts sign-ins without end pushes out only the oldest unfinished ones.
    for (const k of ofKind.slice(0, Math.max(0, ofKind.length - keepAtMost))) this.rows.delete(k);
  }

  async get(kind: SignInKind, id: string, now: number) {
    const row = this.rows.get(this.key(kind, id));
    if (!row) return undefined;
    if (row.expiresAt <= now) {
      this.rows.delete(this.key(kind, id));
      return undefined;
    }
    return row.value;
  }

  async take(kind: SignInKind, id: string, now: number) {
    const value = await this.get(kind, id, now);
    this.rows.delete(this.key(kind, id));
    return value;
  }

  async remove(kind: SignInKind, id: string) {
    this.rows.delete(this.key(kind, id));
  }

  async close() {}
}

/** A SQLite file of its own beside the register's (the register's file is append-only by design). */
export class SqliteSignInState implements SignInState {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = new Database(file);
    // It holds the providers' ID tokens (names, e-mail addresses) and the sign-ins' PKCE verifiers: for the server's user alone.
    chmodSync(file, 0o600);
    this.db.pragma('journal_mode = WAL');
    // The rowid orders them as they came: the oldest go first when there are too many.
    this.db.exec(`CREATE TABLE IF NOT EXISTS sign_in (
      kind TEXT NOT NULL, id_hash TEXT NOT NULL, value TEXT NOT NULL, expires_at INTEGER NOT NULL,
      UNIQUE (kind, id_hash)
    )`);
  }

  async put(kind: SignInKind, id: string, value: unknown, expiresAt: number, keepAtMost: number, now: number) {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM sign_in WHERE kind = ? AND expires_at <= ?').run(kind, now);
      this.db.prepare('INSERT OR REPLACE INTO sign_in (kind, id_hash, value, expires_at) VALUES (?, ?, ?, ?)').run(kind, hashed(id), JSON.stringify(value), expiresAt);
      const { n } = this.db.prepare('SELECT COUNT(*) AS n FROM sign_in WHERE kind = ?').get(kind) as { n: number };
      if (n > keepAtMost) this.db.prepare('DELETE FROM sign_in WHERE rowid IN (SELECT rowid FROM sign_in WHERE kind = ? ORDER BY rowid LIMIT ?)').run(kind, n - keepAtMost);
    })();
  }

  async get(kind: SignInKind, id: string, now: number) {
    const row = this.db.prepare('SELECT value FROM sign_in WHERE kind = ? AND id_hash = ? AND expires_at > ?').get(kind, hashed(id), now) as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as unknown) : undefined;
  }

  async take(kind: SignInKind, id: string, now: number) {
    const row = this.db.prepare('DELETE FROM sign_in WHERE kind = ? AND id_hash = ? RETURNING value, expires_at').get(kind, hashed(id)) as { value: string; expires_at: number } | undefined;
    return row && row.expires_at > now ? (JSON.parse(row.value) as unknown) : undefined;
  }

  async remove(kind: SignInKind, id: string) {
    this.db.prepare('DELETE FROM sign_in WHERE kind = ? AND id_hash = ?').run(kind, hashed(id));
  }

  async close() {
    this.db.close();
  }
}

/** A table in the register's PostgreSQL database, which every instance reaches. */
export class PostgresSignInState implements SignInState {
  private ready: Promise<unknown> | undefined;

  constructor(private readonly pool: pg.Pool) {}

  static open(url: string, log: (line: string) => void = () => {}): PostgresSignInState {
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    // An idle connection the database drops is an 'error' on the pool: without a listener it ends the process.
    pool.on('error', (error) => log(`sign-in: a PostgreSQL connection was lost: ${error.message}`));
    return new PostgresSignInState(pool);
  }

  private table() {
    // Two instances may make the table at once; one that fails is tried again at the next sign-in, not given up on.
    this.ready ??= this.pool
      .query(`DO $$ BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('vagval sign_in_state'));
        CREATE TABLE IF NOT EXISTS sign_in_state (
          seq BIGSERIAL, kind TEXT NOT NULL, id_hash TEXT NOT NULL, value TEXT NOT NULL, expires_at BIGINT NOT NULL,
          PRIMARY KEY (kind, id_hash)
        );
      END $$`)
      .catch((error: unknown) => {
        this.ready = undefined;
        throw error;
      });
    return this.ready;
  }

  async put(kind: SignInKind, id: string, value: unknown, expiresAt: number, keepAtMost: number, now: number) {
    await this.table();
    await this.pool.query('DELETE FROM sign_in_state WHERE kind = $1 AND expires_at <= $2', [kind, now]);
    await this.pool.query('INSERT INTO sign_in_state (kind, id_hash, value, expires_at) VALUES ($1, $2, $3, $4) ON CONFLICT (kind, id_hash) DO UPDATE SET value = EXCLUDED.value, expires_at = EXCLUDED.expires_at, seq = DEFAULT', [kind, hashed(id), JSON.stringify(value), expiresAt]);
    await this.pool.query(
      'DELETE FROM sign_in_state WHERE kind = $1 AND id_hash IN (SELECT id_hash FROM sign_in_state WHERE kind = $1 ORDER BY seq DESC OFFSET $2)',
      [kind, keepAtMost],
    );
  }

  async get(kind: SignInKind, id: string, now: number) {
    await this.table();
    const { rows } = await this.pool.query<{ value: string }>('SELECT value FROM sign_in_state WHERE kind = $1 AND id_hash = $2 AND expires_at > $3', [kind, hashed(id), now]);
    return rows[0] ? (JSON.parse(rows[0].value) as unknown) : undefined;
  }

  async take(kind: SignInKind, id: string, now: number) {
    await this.table();
    const { rows } = await this.pool.query<{ value: string; expires_at: string }>('DELETE FROM sign_in_state WHERE kind = $1 AND id_hash = $2 RETURNING value, expires_at', [kind, hashed(id)]);
    return rows[0] && Number(rows[0].expires_at) > now ? (JSON.parse(rows[0].value) as unknown) : undefined;
  }

  async remove(kind: SignInKind, id: string) {
    await this.table();
    await this.pool.query('DELETE FROM sign_in_state WHERE kind = $1 AND id_hash = $2', [kind, hashed(id)]);
  }

  async close() {
    await this.pool.end();
  }
}
