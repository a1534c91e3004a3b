import type { AuditRow, ExceptionKind, SplitGroup } from '../../shared/audit-report';
import { splitGroups } from './split-groups';
import { rowOf, type RecordFacts } from './record-facts';

/** The documentation duty within 30 days applies to decisions from 2024 (prop. 2023/24:3, LOU 19 a kap.). */
export const documentationDeadlineFrom = '2024-01-01';
export const documentationDeadlineDays = 30;
const maxRelated = 10;

/**
 * Assigns each current record its exceptions. `records` are the current records (those not
 * replaced by a correction); split purchases are looked for among their direct awards, and a record is
 * flagged only when it is in a group whose sum matters (split-groups.ts).
 */
export function assignExceptions(records: RecordFacts[], supersededBy: (id: number) => number | null): { rows: AuditRow[]; groups: SplitGroup[] } {
  const groups = splitGroups(records);
  const related = new Map<number, Set<number>>();
  // Name at most the nearest few on each side: a busy CPV group could otherwise list thousands; the group lists them all.
  for (const g of groups) {
    g.decisions.forEach((d, i) => {
      const set = related.get(d.id) ?? new Set<number>();
      for (let j = Math.max(0, i - maxRelated); j <= Math.min(g.decisions.length - 1, i + maxRelated); j++) if (j !== i) set.add(g.decisions[j]!.id);
      related.set(d.id, set);
    });
  }
  const rows = records.map((f) => {
    const exceptions: ExceptionKind[] = [];
    if (f.deviates) exceptions.push('deviation');
    if (f.chosenVerdict === 'not-allowed' || f.chosenVerdict === 'needs-info') exceptions.push('chosen-not-allowed');
    if (f.chosenRoute === 'direct-award' && f.totalSek !== null && f.documentationLimitSek !== null && f.totalSek >= f.documentationLimitSek) {
      exceptions.push('above-documentation-limit');
    }
    if (f.chosenRoute === 'direct-award' && f.decisionDate >= documentationDeadlineFrom && f.daysToRecord > documentationDeadlineDays) exceptions.push('late-documentation');
    if (f.weakBasis.length > 0) exceptions.push('weak-basis');
    const others = related.get(f.id);
    if (others) exceptions.push('split-purchase');
    return { ...rowOf(f), supersededBy: supersededBy(f.id), exceptions, related: others ? [...others].sort((a, b) => a - b) : [] };
  });
  return { rows, groups };
}
