import type { AuditRow, SplitGroup } from '../../shared/audit-report';
import { ownExceptions, relatedOf } from './exception-state';
export { documentationDeadlineDays, documentationDeadlineFrom } from './exception-state';
import { splitGroups } from './split-groups';
import { rowOf, type RecordFacts } from './record-facts';


/**
 * Assigns each current record its exceptions, all at once. `records` are the current records (those not
 * replaced by a correction); split purchases are looked for among their direct awards, and a record is
 * flagged only when it is in a group whose sum matters (split-groups.ts). The register keeps the same result up
 * to date record by record (exception-state.ts); this is what that is held to.
 */
export function assignExceptions(records: RecordFacts[], supersededBy: (id: number) => number | null): { rows: AuditRow[]; groups: SplitGroup[] } {
  const groups = splitGroups(records);
  const related = relatedOf(groups);
  const rows = records.map((f) => {
    const exceptions = ownExceptions(f);
    const others = related.get(f.id);
    if (others) exceptions.push('split-purchase');
    return { ...rowOf(f), supersededBy: supersededBy(f.id), exceptions, related: others ? [...others].sort((a, b) => a - b) : [] };
  });
  return { rows, groups };
}
