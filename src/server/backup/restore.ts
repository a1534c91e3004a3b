import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Ruleset } from '../../engine/ruleset';
import type { VerificationReport } from '../../shared/transparency';
import { RegisterService } from '../register-service';
import pg from 'pg';
import type { DecisionStore } from '../store/decision-store';
import { PostgresDecisionStore } from '../store/postgres-store';
import { SqliteDecisionStore } from '../store/sqlite-store';
import { evidencePaths } from '../transparency/evidence-files';
import { TransparencyLog } from '../transparency/transparency-log';
import { VerificationRuns } from '../transparency/verification-run';
import { BackupRefused, databaseName, manifestName, postgresDumpName, type BackupManifest } from './backup';
import { runPostgresTool, shownUrl } from './postgres-tools';

export type RestoreOutcome = { manifest: BackupManifest; report: VerificationReport; databaseFile: string; evidenceDir: string };

/**
 * What a PostgreSQL database already holds in the schema the register would use (tables, views, sequences,
 * functions): a restore goes only into one that holds nothing, so that emptying it again after a failure can
 * only ever take away what the restore put there.
 */
async function objectsIn(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'v', 'm', 'S', 'p', 'f')
       UNION ALL SELECT p.proname || '()' FROM pg_proc p WHERE p.pronamespace = current_schema()::regnamespace
       ORDER BY 1`,
    );
    return rows.map((r) => r.name);
  } finally {
    await client.end();
  }
}

/** Leaves the database as it was found, empty: the tables and functions the failed restore made go, the schema stays. */
async function emptyDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Tables first (their sequences and triggers go with them), then what is left of sequences, views and functions.
    await client.query(`DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT c.relname, c.relkind FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p', 'f', 'v', 'm') ORDER BY c.relkind DESC LOOP
    EXECUTE format('DROP %s IF EXISTS %I CASCADE', CASE r.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, r.relname);
  END LOOP;
  FOR r IN SELECT c.relname FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'S' LOOP
    EXECUTE format('DROP SEQUENCE IF EXISTS %I CASCADE', r.relname);
  END LOOP;
  FOR r IN SELECT p.oid::regprocedure AS f FROM pg_proc p WHERE p.pronamespace = current_schema()::regnamespace LOOP
    EXECUTE format('DROP ROUTINE IF EXISTS %s CASCADE', r.f);
  END LOOP;
END $$`);
  } finally {
    await client.end();
  }
}

/** Empties the database after a failed restore; a failure to empty it is said beside the reason it failed. */
async function undoRestore(url: string, reason: string): Promise<string> {
  try {
    await emptyDatabase(url);
    return reason;
  } catch (error) {
    return `${reason}\n  - och databasen kunde inte tömmas igen / and the database could not be emptied again: ${(error as Error).message}`;
  }
}



const evidenceFiles = ['leaves.bin', 'leaf-tags.bin', 'checkpoints.jsonl', 'retired-keys.txt', 'last-verified.json'];

function readManifest(from: string): BackupManifest {
  const file = join(from, manifestName);
  if (!existsSync(file)) throw new BackupRefused(`${from} är ingen säkerhetskopia av Vägval (${manifestName} saknas) / ${from} is no Vägval backup (${manifestName} is missing)`);
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as BackupManifest;
  if (manifest.format !== 'vagval-backup-1') throw new BackupRefused(`${file}: okänt format "${String(manifest.format)}" / unknown format`);
  const damaged: string[] = [];
  for (const [name, digest] of Object.entries(manifest.files)) {
    const path = join(from, name);
    if (!existsSync(path)) damaged.push(`${name} saknas / is missing`);
    else if (createHash('sha256').update(readFileSync(path)).digest('hex') !== digest) damaged.push(`${name} har ändrats sedan kopian togs / has changed since the backup was taken`);
  }
  const listed = new Set(Object.keys(manifest.files));
  for (const name of readdirSync(join(from, 'transparency'))) if (!listed.has(`transparency/${name}`)) damaged.push(`transparency/${name} hör inte till kopian / is not part of the backup`);
  if (damaged.length > 0) throw new BackupRefused(`säkerhetskopian i ${from} är skadad och återställs inte / the backup in ${from} is damaged and is not restored:\n${damaged.map((d) => `  - ${d}`).join('\n')}`);
  return manifest;
}

/**
 * Restores a backup into a register that is not there yet, and only one that verifies: the copy is
 * put together in a staging folder beside the target (for PostgreSQL: restored by pg_restore into
 * the named database, which must hold no tables, and emptied again if it fails), opened as the server would open it, and
 * given a full verification run (every record against its leaf, every checkpoint's signature and
 * consistency, the side logs' heads); only a passing copy is moved into place. The signing key is
 * the backup's if it was taken with it, else the one already at the key file's place (kept apart
 * from the backups, as docs/register.md advises).
 */
export async function restoreRegister(options: { from: string; dataDir: string; keyFile: string; origin: string; ruleset: () => Ruleset; databaseUrl?: string | undefined; log?: (line: string) => void }): Promise<RestoreOutcome> {
  const from = resolve(options.from);
  const dataDir = resolve(options.dataDir);
  const keyFile = resolve(options.keyFile);
  const manifest = readManifest(from);
  const url = options.databaseUrl;
  const fromPostgres = manifest.database === 'postgres';
  if (fromPostgres && url === undefined) throw new BackupRefused('kopian är av ett register i PostgreSQL: ange databasen att återställa till med VAGVAL_DATABASE_URL / the backup is of a register in PostgreSQL: name the database to restore into with VAGVAL_DATABASE_URL');
  if (!fromPostgres && url !== undefined) throw new BackupRefused('kopian är av ett register i SQLite: återställ den utan VAGVAL_DATABASE_URL / the backup is of a register in SQLite: restore it without VAGVAL_DATABASE_URL');
  const databaseFile = url !== undefined ? shownUrl(url) : join(dataDir, databaseName);
  const evidence = evidencePaths(keyFile);
  const objects = url !== undefined ? await objectsIn(url) : [];
  const taken = [...(url === undefined ? [databaseFile] : []), ...evidenceFiles.slice(0, 3).map((n) => join(evidence.dir, n))].filter((f) => existsSync(f));
  if (objects.length > 0) taken.unshift(`${shownUrl(url!)} (${objects.slice(0, 10).join(', ')}${objects.length > 10 ? ' …' : ''})`);
  if (taken.length > 0) {
    throw new BackupRefused(`det finns redan ett register här, och en återställning skriver inte över det: flytta undan ${taken.join(', ')} först / there is a register here already, and a restore does not overwrite it: move ${taken.join(', ')} away first`);
  }
  const backupKey = join(from, 'transparency', 'signing-key.pem');
  const key = manifest.withKey ? backupKey : keyFile;
  if (!existsSync(key)) {
    throw new BackupRefused(`säkerhetskopian togs utan signeringsnyckel och det finns ingen i ${keyFile}: lägg tillbaka nyckeln från där den förvaras / the backup was taken without the signing key and there is none at ${keyFile}: put the key back from where it is kept`);
  }

  const staging = join(dirname(dataDir), `.${basename(dataDir)}.restoring-${process.pid}`);
  const stagingEvidence = `${staging}-transparency`;
  rmSync(staging, { recursive: true, force: true });
  rmSync(stagingEvidence, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true, mode: 0o700 });
  mkdirSync(stagingEvidence, { recursive: true, mode: 0o700 });
  const cleanUp = () => {
    rmSync(staging, { recursive: true, force: true });
    rmSync(stagingEvidence, { recursive: true, force: true });
  };
  let report: VerificationReport;
  try {
    for (const name of evidenceFiles) if (existsSync(join(from, 'transparency', name))) copyFileSync(join(from, 'transparency', name), join(stagingEvidence, name));
    copyFileSync(key, join(stagingEvidence, 'signing-key.pem'));
    let store: DecisionStore;
    if (url !== undefined) {
      await runPostgresTool('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', join(from, postgresDumpName)], url);
      store = await PostgresDecisionStore.open(url);
    } else {
      copyFileSync(join(from, databaseName), join(staging, databaseName));
      store = new SqliteDecisionStore(join(staging, databaseName));
    }
    let log: TransparencyLog | undefined;
    let runs: VerificationRuns | undefined;
    try {
      log = await TransparencyLog.open(store, { keyFile: join(stagingEvidence, 'signing-key.pem'), origin: options.origin, checkpointEvery: 1000, checkpointIntervalMs: 60 * 60 * 1000, log: options.log ?? (() => {}) });
      runs = new VerificationRuns(new RegisterService(store, options.ruleset), log);
      report = await runs.start('full').done;
    } finally {
      await runs?.close();
      await log?.close();
      await store.close();
    }
  } catch (error) {
    cleanUp();
    const reason = `säkerhetskopian kunde inte öppnas som ett register och återställs inte / the backup could not be opened as a register and is not restored: ${(error as Error).message}`;
    throw new BackupRefused(url !== undefined ? await undoRestore(url, reason) : reason);
  }
  if (!report.ok) {
    cleanUp();
    const failing = [...report.checks.filter((c) => c.status === 'failed').map((c) => `  - ${c.id}: ${c.detail}`), ...report.logProblems.slice(0, 20).map((p) => `  - ${p.kind}: ${p.detail}`), ...report.failures.slice(0, 20).map((f) => `  - nr ${f.id}: ${f.problems.map((p) => p.detail).join('; ')}`)];
    const reason = `säkerhetskopian klarar inte kontrollen och återställs inte / the backup does not verify and is not restored:\n${failing.join('\n')}`;
    throw new BackupRefused(url !== undefined ? await undoRestore(url, reason) : reason);
  }

  mkdirSync(dataDir, { recursive: true });
  mkdirSync(evidence.dir, { recursive: true });
  if (url === undefined) renameSync(join(staging, databaseName), databaseFile);
  for (const name of readdirSync(stagingEvidence)) {
    if (name === 'signing-key.pem') {
      if (!existsSync(keyFile)) renameSync(join(stagingEvidence, name), keyFile);
      continue;
    }
    renameSync(join(stagingEvidence, name), join(evidence.dir, name));
  }
  cleanUp();
  return { manifest, report, databaseFile, evidenceDir: evidence.dir };
}
