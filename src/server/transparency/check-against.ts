import type { Localized } from '../../engine/ruleset-schema';
import { receiptSchema, type AgainstResult } from '../../shared/transparency';
import type { DecisionStore } from '../store/decision-store';
import { openCheckpoint } from './checkpoint-note';
import { verifyConsistency, verifyInclusion } from './merkle';
import { recordLeaf, type TransparencyLog } from './transparency-log';
import { recordCount } from '../../shared/record-count';
import { swedishTime } from '../../shared/swedish-time';

/**
 * The auditor's question, for a checkpoint or a decision's receipt they kept: is the register
 * today an append-only extension of it? Yes only if it is signed by this register's key (or a
 * retired one), the latest checkpoint proves consistent with it (RFC 9162 §2.1.4), and for a
 * receipt, its inclusion proof holds and the record still hashes to its leaf.
 */
export async function checkAgainst(text: string, log: TransparencyLog, store: DecisionStore): Promise<Omit<AgainstResult, 'answer'>> {
  const trimmed = text.trim();
  let kind: AgainstResult['kind'] = 'checkpoint';
  let note = trimmed;
  let receipt: ReturnType<typeof receiptSchema.parse> | null = null;
  if (trimmed.startsWith('{')) {
    kind = 'receipt';
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      return { kind, extension: false, treeSize: null, recordId: null, reasons: [{ sv: 'kvittot är inte JSON', en: 'the receipt is not JSON' }] };
    }
    const result = receiptSchema.safeParse(parsed);
    if (!result.success) {
      const issue = result.error.issues[0];
      const field = issue?.path.join('.') || '(kvittot)';
      return { kind, extension: false, treeSize: null, recordId: null, reasons: [{ sv: `texten är inte ett kvitto: fältet ${field} saknas eller har fel form`, en: `the receipt is not a receipt: ${field} ${issue?.message ?? ''}` }] };
    }
    receipt = result.data;
    if (receipt.status !== 'included') return { kind, extension: false, treeSize: null, recordId: receipt.recordId, reasons: [{ sv: 'kvittot väntar fortfarande på en kontrollpunkt: hämta det igen när en kontrollpunkt omfattar beslutet', en: 'the receipt is still pending: fetch it again once a checkpoint covers the decision' }] };
    note = receipt.checkpoint;
  }
  const opened = openCheckpoint(note, log.verifiers);
  if (!opened.ok) return { kind, extension: false, treeSize: null, recordId: receipt?.recordId ?? null, reasons: [opened.reason] };
  const theirs = opened.checkpoint;
  const reasons: Localized[] = [];
  const recordId = receipt?.recordId ?? null;
  if (theirs.origin !== log.options.origin) reasons.push({ sv: `kontrollpunkten gäller loggen "${theirs.origin}", det här registret är "${log.options.origin}"`, en: `the checkpoint names the log "${theirs.origin}", this register is "${log.options.origin}"` });
  if (receipt) {
    const proof = receipt.inclusionProof.map((h) => Buffer.from(h, 'hex'));
    if (receipt.treeSize !== theirs.size || receipt.rootHash !== theirs.rootHash.toString('base64')) reasons.push({ sv: 'kvittots trädstorlek eller rothash skiljer sig från dess egen signerade kontrollpunkt', en: 'the receipt\'s tree size or root differs from its own signed checkpoint' });
    else if (!verifyInclusion(receipt.index, theirs.size, Buffer.from(receipt.leafHash, 'hex'), proof, theirs.rootHash)) reasons.push({ sv: `inklusionsbeviset visar inte att beslut ${receipt.recordId} finns i kontrollpunkten som kvittot anger`, en: `the inclusion proof does not put decision ${receipt.recordId} in the checkpoint it names` });
    const row = await store.row(receipt.recordId);
    if (!row) reasons.push({ sv: `beslut ${receipt.recordId} finns inte längre i registret`, en: `decision ${receipt.recordId} is no longer in the register` });
    else if (row.id !== receipt.index + 1 || recordLeaf(row.id, row.contentJson).toString('hex') !== receipt.leafHash) reasons.push({ sv: `beslut ${receipt.recordId} i registret i dag är inte det beslut som kvittot gavs för: det har ändrats`, en: `decision ${receipt.recordId} in the register today is not the decision the receipt was given for: it was changed` });
  }
  // Another instance's receipt may name a checkpoint newer than this one has read.
  await log.catchUp(true);
  const latest = log.latest();
  if (!latest) reasons.push({ sv: 'registret har ingen egen kontrollpunkt', en: 'the register has no checkpoint of its own' });
  else if (theirs.size > latest.size) reasons.push({ sv: `kontrollpunkten omfattar ${recordCount(theirs.size, 'sv')}, registrets senaste bara ${latest.size}: poster har tagits bort`, en: `the checkpoint covers ${recordCount(theirs.size, 'en')}, the register's latest only ${latest.size}: records were removed` });
  else if (latest.size > log.tree.size || !log.tree.root(latest.size).equals(latest.rootHash)) reasons.push({ sv: 'registrets egen senaste kontrollpunkt stämmer inte med dess logg', en: 'the register\'s own latest checkpoint does not match its log' });
  else if (!log.tree.root(theirs.size).equals(theirs.rootHash) || !verifyConsistency(theirs.size, latest.size, theirs.rootHash, latest.rootHash, log.tree.consistencyProof(theirs.size, latest.size))) {
    reasons.push({
      sv: `registrets första ${recordCount(theirs.size, 'sv')} är inte de som kontrollpunkten från ${swedishTime(theirs.time, 'sv')} signerade: de har ändrats, tagits bort eller bytt ordning`,
      en: `the register's first ${theirs.size} records are not the ones the checkpoint of ${swedishTime(theirs.time, 'en')} signed: they were changed, removed or reordered`,
    });
  }
  const extension = reasons.length === 0;
  if (extension && latest) {
    reasons.push({
      sv: `den senaste kontrollpunkten (${recordCount(latest.size, 'sv')}, ${swedishTime(latest.time, 'sv')}) är en utökning av den från ${swedishTime(theirs.time, 'sv')} (${recordCount(theirs.size, 'sv')})${receipt ? `, och beslut ${receipt.recordId} är oförändrat i den` : ''}`,
      en: `the latest checkpoint (${recordCount(latest.size, 'en')}, ${swedishTime(latest.time, 'en')}) extends the one of ${swedishTime(theirs.time, 'en')} (${recordCount(theirs.size, 'en')})${receipt ? `, and decision ${receipt.recordId} is unchanged in it` : ''}`,
    });
  }
  return { kind, extension, treeSize: theirs.size, recordId, reasons };
}
