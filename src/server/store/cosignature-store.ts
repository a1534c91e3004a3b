import type Database from 'better-sqlite3';
import type pg from 'pg';

/**
 * Witness cosignatures the register was given, kept so that the Kontroll page, receipts and verify
 * can show and check them. The table is only a place to find them: each is believed only if it
 * verifies under a witness key from the register's configuration (transparency/cosignatures.ts),
 * and the witness itself holds the latest, so deleting rows here loses nothing the auditor relies on.
 */
export type StoredCosignature = { witnessKey: string; size: number; rootHash: string; cosignedAt: string; note: string; cosignature: string };

export interface CosignatureStore {
  /** Keeps one cosignature (once per witness and size). */
  add(c: StoredCosignature): Promise<void>;
  /** The largest cosigned checkpoint of each witness key. */
  latest(): Promise<StoredCosignature[]>;
}

const columns = 'witness_key AS "witnessKey", size, root_hash AS "rootHash", cosigned_at AS "cosignedAt", note, cosignature';
const latestSql = `SELECT ${columns} FROM witness_cosignatures w WHERE size = (SELECT MAX(size) FROM witness_cosignatures x WHERE x.witness_key = w.witness_key)`;

export const cosignaturesSchema = `
CREATE TABLE IF NOT EXISTS witness_cosignatures (
  witness_key TEXT NOT NULL,
  size BIGINT NOT NULL,
  root_hash TEXT NOT NULL,
  cosigned_at TEXT NOT NULL,
  note TEXT NOT NULL,
  cosignature TEXT NOT NULL,
  PRIMARY KEY (witness_key, size)
);`;

export class SqliteCosignatures implements CosignatureStore {
  constructor(private readonly db: Database.Database) {
    db.exec(cosignaturesSchema);
  }

  add(c: StoredCosignature): Promise<void> {
    this.db
      .prepare('INSERT OR IGNORE INTO witness_cosignatures (witness_key, size, root_hash, cosigned_at, note, cosignature) VALUES (?, ?, ?, ?, ?, ?)')
      .run(c.witnessKey, c.size, c.rootHash, c.cosignedAt, c.note, c.cosignature);
    return Promise.resolve();
  }

  latest(): Promise<StoredCosignature[]> {
    return Promise.resolve(this.db.prepare(latestSql).all() as StoredCosignature[]);
  }
}

export class PostgresCosignatures implements CosignatureStore {
  constructor(private readonly pool: pg.Pool) {}

  async add(c: StoredCosignature): Promise<void> {
    await this.pool.query(
      'INSERT INTO witness_cosignatures (witness_key, size, root_hash, cosigned_at, note, cosignature) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (witness_key, size) DO NOTHING',
      [c.witnessKey, c.size, c.rootHash, c.cosignedAt, c.note, c.cosignature],
    );
  }

  async latest(): Promise<StoredCosignature[]> {
    const { rows } = await this.pool.query<StoredCosignature & { size: string }>(latestSql);
    return rows.map((r) => ({ ...r, size: Number(r.size) }));
  }
}
