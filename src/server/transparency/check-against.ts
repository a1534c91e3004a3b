import { receiptSchema, type AgainstResult } from '../../shared/transparency';
import type { DecisionStore } from '../store/decision-store';
import { openCheckpoint } from './checkpoint-note';
import { verifyConsistency, verifyInclusion } from './merkle';
import { recordLeaf, type TransparencyLog } from './transparency-log';

/**
 * The auditor's question, for a checkpoint or a decision's receipt they kept: is the register
 * today an append-only extension of it? Yes only if it is signed by this register's key (or a
 * retired one), the latest checkpoint proves consistent with it (RFC 9162 §2.1.4), and for a
 * receipt, its inclusion proof holds and the record still hashes to its leaf.
 */
export async function checkAgainst(text: string, log: TransparencyLog, store: DecisionStore): Promise<AgainstResult> {
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
      return { kind, extension: false, treeSize: null, recordId: null, reasons: ['the receipt is not JSON'] };
    }
    const result = receiptSchema.safeParse(parsed);
    if (!result.success) return { kind, extension: false, treeSize: null, recordId: null, reasons: [`the receipt is not a receipt: ${result.error.issues[0]?.path.join('.')} ${result.error.issues[0]?.message}`] };
    receipt = result.data;
    if (receipt.status !== 'included') return { kind, extension: false, treeSize: null, recordId: receipt.recordId, reasons: ['the receipt is still pending: fetch it again once a checkpoint covers the decision'] };
    note = receipt.checkpoint;
  }
  const opened = openCheckpoint(note, log.verifiers);
  if (!opened.ok) return { kind, extension: false, treeSize: null, recordId: receipt?.recordId ?? null, reasons: [opened.reason] };
  const theirs = opened.checkpoint;
  const reasons: string[] = [];
  const recordId = receipt?.recordId ?? null;
  if (theirs.origin !== log.options.origin) reasons.push(`the checkpoint names the log "${theirs.origin}", this register is "${log.options.origin}"`);
  if (receipt) {
    const proof = receipt.inclusionProof.map((h) => Buffer.from(h, 'hex'));
    if (receipt.treeSize !== theirs.size || receipt.rootHash !== theirs.rootHash.toString('base64')) reasons.push('the receipt\'s tree size or root differs from its own signed checkpoint');
    else if (!verifyInclusion(receipt.index, theirs.size, Buffer.from(receipt.leafHash, 'hex'), proof, theirs.rootHash)) reasons.push(`the inclusion proof does not put decision ${receipt.recordId} in the checkpoint it names`);
    const row = await store.row(receipt.recordId);
    if (!row) reasons.push(`decision ${receipt.recordId} is no longer in the register`);
    else if (row.id !== receipt.index + 1 || recordLeaf(row.id, row.contentJson).toString('hex') !== receipt.leafHash) reasons.push(`decision ${receipt.recordId} in the register today is not the decision the receipt was given for: it was changed`);
  }
  await log.catchUp();
  const latest = log.latest();
  if (!latest) reasons.push('the register has no checkpoint of its own');
  else if (theirs.size > latest.size) reasons.push(`the checkpoint covers ${theirs.size} records, the register's latest only ${latest.size}: records were removed`);
  else if (latest.size > log.tree.size || !log.tree.root(latest.size).equals(latest.rootHash)) reasons.push('the register\'s own latest checkpoint does not match its log');
  else if (!log.tree.root(theirs.size).equals(theirs.rootHash) || !verifyConsistency(theirs.size, latest.size, theirs.rootHash, latest.rootHash, log.tree.consistencyProof(theirs.size, latest.size))) {
    reasons.push(`the register's first ${theirs.size} records are not the ones the checkpoint of ${theirs.time} signed: they were changed, removed or reordered`);
  }
  const extension = reasons.length === 0;
  if (extension && latest) reasons.push(`the latest checkpoint (${latest.size} records, ${latest.time}) extends the one of ${theirs.time} (${theirs.size} records)${receipt ? `, and decision ${receipt.recordId} is unchanged in it` : ''}`);
  return { kind, extension, treeSize: theirs.size, recordId, reasons };
}
