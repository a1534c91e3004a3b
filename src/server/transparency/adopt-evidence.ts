import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Ruleset } from '../../engine/ruleset';
import type { DecisionStore } from '../store/decision-store';
import { openCheckpoint } from './checkpoint-note';
import { appendLogLine, evidencePaths, LeavesFile, readLogLines, type AdoptedRange } from './evidence-files';
import { evidenceGaps } from './evidence-gaps';
import { LeafTags } from './leaf-tags';
import { loadOrCreateSigningKey, loadRetiredKeys } from './signing-key';
import { recordLeaf } from './transparency-log';
import { latestCosigned } from './witness-mark';

export type AdoptionRequest = { keyFile: string; keyName: string; by: string; why: string; ruleset: Ruleset; now?: Date };
export type Adoption = { range: AdoptedRange; missing: string[]; rebuiltLeaves: number };

/**
 * The operator's way on after the server refused to start for missing evidence: the leaves the
 * evidence lacks are read back from the database as it is, and the adoption is written to the
 * checkpoint log and to the records' timelines (who, when, why, which records, what was missing).
 * It restores nothing: every record after the last signed checkpoint that survived is taken on the
 * database's word, and verify says so ("N beslut antagna utan vittne") until a witness, which kept
 * its own copy of what was signed, cosigns a checkpoint past them. Run with the server stopped
 * (the store's writer lock refuses otherwise).
 */
export async function adoptEvidence(store: DecisionStore, request: AdoptionRequest): Promise<Adoption> {
  const paths = evidencePaths(request.keyFile);
  const at = (request.now ?? new Date()).toISOString();
  const key = loadOrCreateSigningKey(request.keyFile, request.keyName, () => {});
  const verifiers = [key, ...loadRetiredKeys(paths.retiredKeys)];
  const logExisted = existsSync(paths.log);
  const { lines } = readLogLines(paths.log);
  let logLatest = 0;
  let acknowledged = 0;
  for (const line of lines) {
    if ('adopted' in line) acknowledged = Math.max(acknowledged, line.adopted.reason === 'operator' ? (line.adopted.acknowledgedSize ?? 0) : 0);
    else {
      const opened = openCheckpoint(line.note, verifiers);
      if (opened.ok) logLatest = Math.max(logLatest, opened.checkpoint.size);
    }
  }
  const leaves = new LeavesFile(paths.leaves);
  const tags = new LeafTags(join(paths.dir, 'leaf-tags.bin'), key.privateKey);
  const leafCount = leaves.existed ? leaves.count() : 0;
  try {
    const dbHead = await store.headId();
    const marked = (await store.checkpointMarks?.latest()) ?? null;
    const cosigned = await latestCosigned(store);
    const missing = evidenceGaps({
      paths,
      keyFile: request.keyFile,
      keyCreated: key.created,
      leavesExisted: leaves.existed,
      leafCount,
      logExisted,
      logLatest,
      dbHead,
      marked,
      cosigned,
      acknowledged,
    }).map((gap) => gap.en);
    if (missing.length === 0) throw new Error('nothing of the evidence is missing: the server starts as it is, and there is nothing to adopt / inget av bevisen saknas: servern startar som den är');
    // The leaves the file lacks (all of them if it was gone) come from the database as found.
    let rebuiltLeaves = 0;
    for (let after = Math.min(leafCount, dbHead); after < dbHead; ) {
      const rows = await store.rows(after, 1000);
      if (rows.length === 0) break;
      for (const row of rows) {
        // A gap in the ids stays a gap: no leaf is made up for a record that is not there.
        if (row.id !== after + 1) break;
        const leaf = recordLeaf(row.id, row.contentJson);
        leaves.write(row.id - 1, leaf);
        tags.write(row.id - 1, leaf);
        rebuiltLeaves++;
        after = row.id;
      }
      if (rows[rows.length - 1]!.id !== after) break;
    }
    await Promise.all([leaves.sync(), tags.sync()]);
    const range: AdoptedRange = {
      from: logLatest + 1,
      to: Math.max(logLatest, Math.min(dbHead, leaves.count())),
      reason: 'operator',
      at,
      by: request.by,
      why: request.why,
      missing,
      acknowledgedSize: Math.max(logLatest, marked?.size ?? 0, cosigned?.size ?? 0, leafCount),
    };
    await appendLogLine(paths.log, { adopted: range });
    await store.appendEvent({
      at,
      user: request.by,
      role: 'admin',
      recordId: null,
      fromId: range.to >= range.from ? range.from : null,
      toId: range.to >= range.from ? range.to : null,
      ok: false,
      rulesetVersion: request.ruleset.version,
      rulesetHash: request.ruleset.hash,
      detail: { kind: 'evidence-adopted', by: request.by, why: request.why, missing, acknowledgedSize: range.acknowledgedSize! },
    });
    return { range, missing, rebuiltLeaves };
  } finally {
    leaves.close();
    tags.close();
  }
}

/** Records an operator adopted that no witness has cosigned past yet: verify fails while there are any. */
export function adoptedWithoutWitness(adopted: readonly AdoptedRange[], cosignedSize: number): { count: number; ranges: AdoptedRange[] } {
  const ranges = adopted.filter((r) => r.reason === 'operator' && r.to >= r.from && r.to > cosignedSize);
  const count = ranges.reduce((n, r) => n + (r.to - Math.max(r.from - 1, cosignedSize)), 0);
  return { count, ranges };
}
