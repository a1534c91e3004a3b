import type { Localized } from '../../engine/ruleset-schema';
import type { EvidencePaths } from './evidence-files';
import type { CosignedMark } from './witness-mark';
import { recordCount } from '../../shared/record-count';
import { swedishTime } from '../../shared/swedish-time';

/**
 * What the register found of its evidence when it opened. An existing signing key means the
 * register has run with a tree before: evidence beside it that is missing or shorter than what was
 * signed is then never a first migration (rebuilding it from the database would vouch for whatever
 * the database now says), and the server refuses to start until an operator adopts the database as
 * found (adopt-evidence.ts), which is recorded and which verify reports until a witness cosigns past it.
 */
export type EvidenceState = {
  paths: EvidencePaths;
  keyFile: string;
  keyCreated: boolean;
  leavesExisted: boolean;
  leafCount: number;
  logExisted: boolean;
  /** The largest checkpoint in checkpoints.jsonl whose signature verifies. */
  logLatest: number;
  dbHead: number;
  /** The largest signed size the database records (SQLite's checkpoint_marks). */
  marked: { size: number; time: string } | null;
  cosigned: CosignedMark | null;
  /** The largest signed size an operator's adoption already accepted as lost. */
  acknowledged: number;
};

export type EvidenceGap = Localized;

export function evidenceGaps(s: EvidenceState): EvidenceGap[] {
  const gaps: EvidenceGap[] = [];
  const signedElsewhere = Math.max(s.marked?.size ?? 0, s.cosigned?.size ?? 0);
  const elsewhere = () =>
    s.cosigned && s.cosigned.size >= (s.marked?.size ?? 0)
      ? { sv: `vittnet ${s.cosigned.witness} har kontrasignerat ${recordCount(s.cosigned.size, 'sv')} (${swedishTime(s.cosigned.time, 'sv')})`, en: `the witness ${s.cosigned.witness} cosigned ${recordCount(s.cosigned.size, 'en')} (${s.cosigned.time})` }
      : { sv: `databasen visar en kontrollpunkt för ${recordCount(s.marked?.size ?? 0, 'sv')} (${swedishTime(s.marked?.time ?? '', 'sv')})`, en: `the database records a checkpoint of ${recordCount(s.marked?.size ?? 0, 'en')} (${s.marked?.time})` };
  if (s.keyCreated) {
    if (signedElsewhere > s.acknowledged) {
      const where = elsewhere();
      gaps.push({ sv: `signeringsnyckeln ${s.keyFile} saknas, men ${where.sv}`, en: `the signing key ${s.keyFile} is missing, but ${where.en}` });
    }
    return gaps;
  }
  if (!s.leavesExisted) {
    if (s.dbHead > 0 || s.logLatest > 0 || signedElsewhere > 0) gaps.push({ sv: `lövfilen ${s.paths.leaves} saknas`, en: `the leaves file ${s.paths.leaves} is missing` });
  } else if (s.leafCount < s.logLatest && s.logLatest > s.acknowledged) {
    gaps.push({ sv: `lövfilen ${s.paths.leaves} har ${s.leafCount} löv, men en signerad kontrollpunkt omfattar ${s.logLatest}`, en: `the leaves file ${s.paths.leaves} holds ${s.leafCount} leaves, but a signed checkpoint covers ${s.logLatest}` });
  } else if (s.leafCount === 0 && s.dbHead > 0) {
    gaps.push({ sv: `lövfilen ${s.paths.leaves} är tom, men databasen har ${s.dbHead} beslut`, en: `the leaves file ${s.paths.leaves} is empty, but the database holds ${s.dbHead} decisions` });
  }
  if (s.logLatest < signedElsewhere && signedElsewhere > s.acknowledged) {
    const where = elsewhere();
    gaps.push(
      s.logExisted
        ? { sv: `kontrollpunktsloggen ${s.paths.log} slutar vid ${recordCount(s.logLatest, 'sv')}, men ${where.sv}`, en: `the checkpoint log ${s.paths.log} ends at ${recordCount(s.logLatest, 'en')}, but ${where.en}` }
        : { sv: `kontrollpunktsloggen ${s.paths.log} saknas, men ${where.sv}`, en: `the checkpoint log ${s.paths.log} is missing, but ${where.en}` },
    );
  }
  return gaps;
}

/** The refusal to start, in Swedish and English, naming what is missing and the way on. */
export class EvidenceMissing extends Error {
  constructor(readonly gaps: EvidenceGap[]) {
    super(
      [
        'Registrets bevis utanför databasen saknas eller är kortare än det som signerats, så servern startar inte (att bygga om dem ur databasen skulle gå i god för det databasen nu säger):',
        ...gaps.map((g) => `  – ${g.sv}`),
        'Återställ filerna från säkerhetskopian, eller ta in databasen som den är med `npm run register -- adopt-evidence --by NAMN --why TEXT` (det registreras, och kontrollen underkänns tills ett vittne kontrasignerar förbi det).',
        'The register\'s evidence outside the database is missing or shorter than what was signed, so the server does not start (rebuilding it from the database would vouch for whatever the database now says):',
        ...gaps.map((g) => `  - ${g.en}`),
        'Restore the files from the backup, or adopt the database as it is with `npm run register -- adopt-evidence --by NAME --why TEXT` (it is recorded, and verify fails until a witness cosigns past it).',
      ].join('\n'),
    );
    this.name = 'EvidenceMissing';
  }
}
