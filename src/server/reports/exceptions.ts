import type { AuditRow, ExceptionKind } from '../../shared/audit-report';
import type { RecordFacts } from './record-facts';

/** The documentation duty within 30 days applies to decisions from 2024 (prop. 2023/24:3, LOU 19 a kap.). */
export const documentationDeadlineFrom = '2024-01-01';
export const documentationDeadlineDays = 30;
/** "Liknande kontrakt … under de föregående tolv månaderna" or the coming twelve (LOU 5 kap.). */
const windowDays = 365;
const dayMs = 86_400_000;
const maxRelated = 10;

const dayNumber = (date: string) => Math.round(Date.parse(date) / dayMs);

/**
 * Assigns each current record its exceptions. `records` are the current records (those not
 * replaced by a correction); split purchases are looked for among their direct awards.
 */
export function assignExceptions(records: RecordFacts[], supersededBy: (id: number) => number | null): AuditRow[] {
  const related = splitPurchases(records);
  return records.map((f) => {
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
    const { supplierKey: _k, cpvGroup: _g, ...row } = f;
    return { ...row, supersededBy: supersededBy(f.id), exceptions, related: others ? [...others].sort((a, b) => a - b) : [] };
  });
}

/**
 * Direct awards by one organisation to the same supplier (organisation number or name) or in the
 * same CPV group within twelve months of each other: the pattern of a purchase split to stay under
 * the limit (LOU 5 kap. on valuing similar contracts together).
 */
export function splitPurchases(records: RecordFacts[]): Map<number, Set<number>> {
  const groups = new Map<string, RecordFacts[]>();
  const add = (key: string, f: RecordFacts) => {
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  };
  for (const f of records) {
    if (f.chosenRoute !== 'direct-award') continue;
    if (f.supplierKey) add(`${f.organisation}|s|${f.supplierKey}`, f);
    if (f.cpvGroup) add(`${f.organisation}|c|${f.cpvGroup}`, f);
  }
  const related = new Map<number, Set<number>>();
  const link = (a: number, b: number) => {
    const set = related.get(a);
    if (set) set.add(b);
    else related.set(a, new Set([b]));
  };
  for (const list of groups.values()) {
    if (list.length < 2) continue;
    const sorted = list.map((f) => ({ id: f.id, day: dayNumber(f.decisionDate) })).sort((a, b) => a.day - b.day || a.id - b.id);
    let lo = 0;
    let hi = 0;
    for (let i = 0; i < sorted.length; i++) {
      const day = sorted[i]!.day;
      while (day - sorted[lo]!.day > windowDays) lo++;
      while (hi + 1 < sorted.length && sorted[hi + 1]!.day - day <= windowDays) hi++;
      // Name at most the nearest few on each side: a busy CPV group would otherwise list thousands.
      for (let j = Math.max(lo, i - maxRelated); j <= Math.min(hi, i + maxRelated); j++) if (j !== i) link(sorted[i]!.id, sorted[j]!.id);
    }
  }
  return related;
}
