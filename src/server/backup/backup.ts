import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, openSync, closeSync, readdirSync, readFileSync, readSync, writeFileSync, fsyncSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { evidencePaths } from '../transparency/evidence-files';
import { BackupRefused } from './backup-refused';
import { runPostgresTool } from './postgres-tools';

/**
 * A backup folder:
 *   register.sqlite       the database, taken with SQLite's online backup while the server runs;
 *   register.pgdump       or, for a register in PostgreSQL, pg_dump's archive of one snapshot, the
 *                         one the record count and checkpoints below were read in;
 *   transparency/         the evidence beside the signing key, cut to what that database holds:
 *                         leaves.bin and leaf-tags.bin to its records, checkpoints.jsonl to the
 *                         checkpoints it knows it signed (later ones would sign records, events or
 *                         access-log rows the copy does not have), and signing-key.pem only when asked;
 *   manifest.json         what was taken when, and each file's SHA-256, so that a copy damaged in
 *                         storage is refused by name before it is verified.
 * Leaves are written and synced before a record's commit, and a checkpoint's line before its mark
 * in the database, so evidence copied after the database always covers it.
 */
export type BackupManifest = {
  format: 'vagval-backup-1';
  /** Where the register was kept; a manifest without it is from SQLite. */
  database?: 'sqlite' | 'postgres';
  madeAt: string;
  records: number;
  checkpoints: number;
  withKey: boolean;
  files: Record<string, string>;
};

export const manifestName = 'manifest.json';
export const databaseName = 'register.sqlite';
export const postgresDumpName = 'register.pgdump';
const leafBytes = 32;
const tagBytes = 16;

export { BackupRefused };

const sha256File = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** The first `bytes` of a file (fewer if it is shorter), synced. */
function copyPrefix(from: string, to: string, bytes: number): void {
  const buffer = Buffer.alloc(bytes);
  let read = 0;
  if (existsSync(from)) {
    const fd = openSync(from, 'r');
    try {
      read = readSync(fd, buffer, 0, bytes, 0);
    } finally {
      closeSync(fd);
    }
  }
  writeSynced(to, buffer.subarray(0, read));
}

function writeSynced(file: string, data: string | Buffer): void {
  writeFileSync(file, data, { mode: 0o600 });
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The checkpoint log's lines up to the last checkpoint the database copy marks as signed; adoptions of records it holds. */
function cutCheckpointLog(text: string, marks: ReadonlyArray<{ size: number; time: string }>, records: number): { kept: string[]; checkpoints: number } {
  const lines = text.split('\n').filter((l) => l.trim());
  const signed = (line: string): { size: number; time: string } | null => {
    try {
      const value = JSON.parse(line) as { note?: unknown };
      if (typeof value.note !== 'string') return null;
      const [, size, , time] = value.note.split('\n');
      return { size: Number(size), time: (time ?? '').replace(/^time /, '') };
    } catch {
      return null;
    }
  };
  // Up to the last line the copy marks as signed: a later one (even of the same size, re-signing only the side logs)
  // may sign records, events or access-log rows the copy does not have.
  const marked = new Set(marks.map((m) => `${m.size} ${m.time}`));
  const end = lines.findLastIndex((l) => { const s = signed(l); return s !== null && marked.has(`${s.size} ${s.time}`); });
  const kept: string[] = [];
  let checkpoints = 0;
  lines.forEach((line, i) => {
    const s = signed(line);
    if (s) {
      if (i <= end) {
        kept.push(line);
        checkpoints++;
      }
      return;
    }
    try {
      const adopted = (JSON.parse(line) as { adopted?: { to?: unknown } }).adopted;
      if (adopted && typeof adopted.to === 'number' && adopted.to <= records) kept.push(line);
    } catch {
      // An unreadable line is the running log's problem to report; the copy leaves it out.
    }
  });
  return { kept, checkpoints };
}

type BackupOptions = { keyFile: string; to: string; withKey: boolean; now?: () => Date } & ({ databaseFile: string; databaseUrl?: undefined } | { databaseUrl: string; databaseFile?: undefined });

export async function backupRegister(options: BackupOptions): Promise<BackupManifest> {
  const { to } = options;
  if (options.databaseFile !== undefined && !existsSync(options.databaseFile)) throw new BackupRefused(`det finns inget register i ${options.databaseFile} / there is no register at ${options.databaseFile}`);
  if (existsSync(to) && readdirSync(to).length > 0) throw new BackupRefused(`${to} är inte tom: en säkerhetskopia skrivs i en ny mapp / ${to} is not empty: a backup goes into a new folder`);
  mkdirSync(join(to, 'transparency'), { recursive: true, mode: 0o700 });
  const madeAt = (options.now ?? (() => new Date()))().toISOString();
  const { file, records, marks } = options.databaseUrl !== undefined ? await dumpPostgres(options.databaseUrl, to) : await copySqlite(options.databaseFile, to);
  return copyEvidence({ ...options, madeAt, file, records, marks, database: options.databaseUrl !== undefined ? 'postgres' : 'sqlite' });
}

type Taken = { file: string; records: number; marks: Array<{ size: number; time: string }> };

async function copySqlite(databaseFile: string, to: string): Promise<Taken> {
  const source = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    await source.backup(join(to, databaseName));
  } finally {
    source.close();
  }
  const copy = new Database(join(to, databaseName), { readonly: true });
  try {
    return {
      file: databaseName,
      records: (copy.prepare('SELECT COALESCE(MAX(id), 0) AS n FROM decisions').get() as { n: number }).n,
      marks: copy.prepare('SELECT size, time FROM checkpoint_marks ORDER BY size').all() as Array<{ size: number; time: string }>,
    };
  } finally {
    copy.close();
  }
}

/**
 * pg_dump of the snapshot a transaction here holds open, so the record count and the signed checkpoints read in
 * it are those of the archive exactly, while other instances go on saving.
 */
async function dumpPostgres(url: string, to: string): Promise<Taken> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const snapshot = (await client.query<{ id: string }>('SELECT pg_export_snapshot() AS id')).rows[0]!.id;
    const records = Number((await client.query<{ n: string }>('SELECT COALESCE(MAX(id), 0) AS n FROM decisions')).rows[0]!.n);
    const notes = (await client.query<{ note: string }>('SELECT note FROM transparency_checkpoints ORDER BY size, signed_at')).rows;
    const marks = notes.map((r) => {
      const [, size, , time] = r.note.split('\n');
      return { size: Number(size), time: (time ?? '').replace(/^time /, '') };
    });
    // Sign-in sessions are not the register's: a restored copy signs no one in again.
    await runPostgresTool('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', '--exclude-table-data=sign_in_state', `--snapshot=${snapshot}`, `--file=${join(to, postgresDumpName)}`], url);
    await client.query('COMMIT');
    return { file: postgresDumpName, records, marks };
  } finally {
    await client.end();
  }
}

async function copyEvidence(options: BackupOptions & Taken & { madeAt: string; database: 'sqlite' | 'postgres' }): Promise<BackupManifest> {
  const { keyFile, to, records, marks, madeAt } = options;
  const evidence = evidencePaths(keyFile);
  const out = (name: string) => join(to, 'transparency', name);
  copyPrefix(evidence.leaves, out('leaves.bin'), records * leafBytes);
  copyPrefix(join(evidence.dir, 'leaf-tags.bin'), out('leaf-tags.bin'), records * tagBytes);
  const { kept, checkpoints } = cutCheckpointLog(existsSync(evidence.log) ? readFileSync(evidence.log, 'utf8') : '', marks, records);
  writeSynced(out('checkpoints.jsonl'), kept.map((l) => `${l}\n`).join(''));
  if (existsSync(evidence.retiredKeys)) copyFileSync(evidence.retiredKeys, out('retired-keys.txt'));
  if (existsSync(evidence.lastVerified)) {
    // Kept only if the checkpoint it names is in the copy: an incremental run would otherwise start past it.
    const note = (JSON.parse(readFileSync(evidence.lastVerified, 'utf8')) as { note?: string }).note;
    if (note && kept.some((l) => (JSON.parse(l) as { note?: string }).note === note)) copyFileSync(evidence.lastVerified, out('last-verified.json'));
  }
  if (options.withKey) {
    if (!existsSync(keyFile)) throw new BackupRefused(`det finns ingen signeringsnyckel i ${keyFile} / there is no signing key at ${keyFile}`);
    copyFileSync(keyFile, out('signing-key.pem'));
  }

  const files: Record<string, string> = { [options.file]: sha256File(join(to, options.file)) };
  for (const name of readdirSync(join(to, 'transparency')).sort()) files[`transparency/${name}`] = sha256File(out(name));
  const manifest: BackupManifest = { format: 'vagval-backup-1', database: options.database, madeAt, records, checkpoints, withKey: options.withKey, files };
  writeSynced(join(to, manifestName), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
