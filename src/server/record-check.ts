import { judge } from '../engine/evaluate';
import type { Ruleset } from '../engine/ruleset';
import { routeIds } from '../engine/answers-schema';
import { recordContentSchema, type VerifyProblem, type VerifyRecordResult } from '../shared/decision-record';
import { recordHash } from './chain';
import type { StoredRow } from './store/decision-store';

/**
 * One stored record's own checks: content hash, chain link (`expectedPrev` null: the record
 * before it is missing), the indexed columns, its rule set and the re-evaluation under it. Pure
 * but for `storedRuleset`, so the full verify runs it on a worker thread
 * (src/server/transparency/verify-worker.ts) as well as the register on the request path.
 * `storedRuleset` resolves null for a rule set not stored and throws an error with code
 * 'ruleset-tampered' for one that no longer matches its hash.
 */
export async function checkStoredRow(row: StoredRow, expectedPrev: string | null, storedRuleset: (hash: string) => Promise<Ruleset | null>): Promise<VerifyRecordResult> {
  const problems: VerifyProblem[] = [];
  if (expectedPrev === null) problems.push({ kind: 'missing-predecessor', detail: `record ${row.id - 1} is missing` });
  else if (row.prevHash !== expectedPrev) problems.push({ kind: 'chain-broken', detail: `the previous-record hash does not match record ${row.id - 1}` });
  let parsed: unknown;
  try {
    parsed = JSON.parse(row.contentJson);
  } catch {
    return { id: row.id, ok: false, problems: [...problems, { kind: 'unreadable', detail: 'the stored content is not JSON' }] };
  }
  if (recordHash(row.id, row.prevHash, parsed) !== row.hash) {
    problems.push({ kind: 'hash-mismatch', detail: 'the stored content does not match the record hash: it has been changed since it was saved' });
  }
  const content = recordContentSchema.safeParse(parsed);
  if (!content.success) {
    problems.push({ kind: 'unreadable', detail: `the stored content is not a valid record: ${content.error.issues[0]?.message ?? ''}` });
    return { id: row.id, ok: false, problems };
  }
  const c = content.data;
  const columns = {
    organisation: c.answers.organisation,
    decisionDate: c.answers.decisionDate,
    chosenRoute: c.chosenRoute,
    supplierKind: c.answers.supplier?.kind ?? 'unknown',
    totalSek: c.answers.value?.totalSek ?? null,
    rulesetHash: c.rulesetHash,
    corrects: c.corrects,
  };
  for (const [key, value] of Object.entries(columns)) {
    if (row.columns[key as keyof typeof columns] !== value) {
      problems.push({ kind: 'index-mismatch', detail: `the indexed column ${key} (${String(row.columns[key as keyof typeof columns])}) differs from the record (${String(value)})` });
    }
  }
  try {
    const ruleset = await storedRuleset(c.rulesetHash);
    if (!ruleset) problems.push({ kind: 'ruleset-missing', detail: `rule set ${c.rulesetVersion} (${c.rulesetHash.slice(0, 12)}…) is not stored` });
    else {
      const { verdicts, recommendedRoute } = judge(ruleset, c.answers);
      const differing = routeIds.filter((r) => verdicts[r] !== c.verdicts[r]);
      if (differing.length > 0 || recommendedRoute !== c.recommendedRoute) {
        problems.push({ kind: 'verdicts-differ', detail: `under rule set ${c.rulesetVersion} the engine gives ${routeIds.map((r) => `${r}: ${verdicts[r]}`).join(', ')}` });
      }
    }
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ruleset-tampered') problems.push({ kind: 'ruleset-tampered', detail: (error as Error).message });
    else problems.push({ kind: 'evaluation-failed', detail: (error as Error).message });
  }
  return { id: row.id, ok: problems.length === 0, problems };
}
