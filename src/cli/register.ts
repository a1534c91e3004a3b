import { nodeRuleset } from '../rules-data/node-ruleset';
import { defaultSigningKeyFile, openStore } from '../server/start-server';
import { adoptEvidence } from '../server/transparency/adopt-evidence';
import { keyNameOf } from '../server/transparency/transparency-log';
import { join } from 'node:path';
import { backupRegister, BackupRefused } from '../server/backup/backup';
import { restoreRegister } from '../server/backup/restore';

/**
 * `npm run register -- adopt-evidence --by NAMN --why TEXT`: the operator's way on when the server
 * refused to start because the evidence beside the signing key (leaves.bin, checkpoints.jsonl) is
 * missing or shorter than what was signed. Run with the server stopped, with the same settings
 * (VAGVAL_DATA_DIR, VAGVAL_DATABASE_URL, VAGVAL_SIGNING_KEY_FILE, VAGVAL_LOG_ORIGIN). What it does
 * and what it cannot undo: src/server/transparency/adopt-evidence.ts and docs/register.md.
 * Exit 0 adopted, 1 refused (nothing missing, the server still running), 2 usage.
 *
 * `npm run backup -- DIR [--with-key]` (npm run register -- backup DIR): a consistent copy of the
 * register while the server runs, and `npm run restore -- DIR`: a restore that verifies the copy
 * before it is used (src/server/backup, docs/register.md "Driftsättning"). Exit 0 done, 1 refused, 2 usage.
 */
const usage = [
  'användning / usage:',
  '  npm run register -- adopt-evidence --by NAMN --why "VARFÖR"',
  '  npm run backup -- MAPP [--with-key]     (säkerhetskopia / backup)',
  '  npm run restore -- MAPP                 (återställ / restore)',
  '',
].join('\n');

async function backupOrRestore(command: 'backup' | 'restore', rest: string[]): Promise<number> {
  const dir = rest.find((a) => !a.startsWith('--'));
  if (!dir) {
    process.stderr.write(`${usage}  MAPP (var kopian ligger / where the backup is) saknas / is missing\n`);
    return 2;
  }
  const dataDir = process.env.VAGVAL_DATA_DIR ?? 'data';
  const keyFile = process.env.VAGVAL_SIGNING_KEY_FILE ?? defaultSigningKeyFile(dataDir);
  // With PostgreSQL the database is taken by pg_dump from one snapshot (src/server/backup/backup.ts).
  const databaseUrl = process.env.VAGVAL_DATABASE_URL || undefined;
  try {
    if (command === 'backup') {
      const withKey = rest.includes('--with-key');
      const m = await backupRegister(databaseUrl ? { databaseUrl, keyFile, to: dir, withKey } : { databaseFile: join(dataDir, 'register.sqlite'), keyFile, to: dir, withKey });
      process.stdout.write(
        [
          `Säkerhetskopia i ${dir}: ${m.records} beslut, ${m.checkpoints} kontrollpunkter, ${m.withKey ? 'med signeringsnyckeln (förvara kopian som nyckeln)' : 'utan signeringsnyckeln (förvara nyckeln för sig)'}.`,
          `Backup in ${dir}: ${m.records} decisions, ${m.checkpoints} checkpoints, ${m.withKey ? 'with the signing key (keep the copy as safe as the key)' : 'without the signing key (keep the key apart)'}.`,
          '',
        ].join('\n'),
      );
    } else {
      const r = await restoreRegister({ from: dir, dataDir, keyFile, origin: process.env.VAGVAL_LOG_ORIGIN ?? 'vagval.local/register', ruleset: nodeRuleset, databaseUrl });
      process.stdout.write(
        [
          `Återställt från ${dir} till ${r.databaseFile} och ${r.evidenceDir}: ${r.report.treeSize} beslut, kontrollen gick igenom.`,
          `Restored from ${dir} into ${r.databaseFile} and ${r.evidenceDir}: ${r.report.treeSize} decisions, verification passed.`,
          '',
        ].join('\n'),
      );
    }
    return 0;
  } catch (error) {
    process.stderr.write(`${error instanceof BackupRefused ? error.message : `${command}: ${(error as Error).message}`}\n`);
    return 1;
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'backup' || command === 'restore') return backupOrRestore(command, rest);
  const option = (name: string) => {
    const i = rest.indexOf(name);
    return i >= 0 ? rest[i + 1]?.trim() : undefined;
  };
  const by = option('--by');
  const why = option('--why');
  if (command !== 'adopt-evidence' || !by || !why) {
    process.stderr.write(usage);
    if (command === 'adopt-evidence') process.stderr.write(`  ${!by ? '--by (vem som tar beslutet / who decides)' : '--why (varför / why)'} saknas / is missing\n`);
    return 2;
  }
  const dataDir = process.env.VAGVAL_DATA_DIR ?? 'data';
  const keyFile = process.env.VAGVAL_SIGNING_KEY_FILE ?? defaultSigningKeyFile(dataDir);
  let store;
  try {
    store = await openStore({ dataDir, databaseUrl: process.env.VAGVAL_DATABASE_URL });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 1;
  }
  try {
    const { range, missing, rebuiltLeaves } = await adoptEvidence(store, { keyFile, keyName: keyNameOf(process.env.VAGVAL_LOG_ORIGIN ?? 'vagval.local/register'), by, why, ruleset: nodeRuleset() });
    const records = range.to >= range.from ? `nr ${range.from}–${range.to}` : 'inga / none';
    process.stdout.write(
      [
        `Antaget ${range.at} av ${by}: "${why}"`,
        `Saknades / missing:`,
        ...missing.map((m) => `  - ${m}`),
        `Löv lästa ur databasen / leaves read from the database: ${rebuiltLeaves}`,
        `Beslut antagna utan vittne / decisions adopted without a witness: ${records}`,
        'Kontrollen underkänns tills ett vittne kontrasignerar en kontrollpunkt förbi dem. / Verify fails until a witness cosigns a checkpoint past them.',
        '',
      ].join('\n'),
    );
    return 0;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 1;
  } finally {
    await store.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
