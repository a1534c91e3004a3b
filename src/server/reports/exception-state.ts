import { exceptionKinds, type AuditRow, type ExceptionKind, type SplitGroup } from '../../shared/audit-report';
import { rowOf, type RecordFacts } from './record-facts';
import { byDay, keyGroups, mergeGroups, splitKeys, withDay, type DayFacts } from './split-groups';

/** The documentation duty within 30 days applies to decisions from 2024 (prop. 2023/24:3, LOU 19 a kap.). */
export const documentationDeadlineFrom = '2024-01-01';
export const documentationDeadlineDays = 30;
/** Name at most the nearest few on each side: a busy CPV group could otherwise list thousands; the group lists them all. */
const maxRelated = 10;

/** A record's own exceptions, the ones that need no other record. */
export function ownExceptions(f: RecordFacts): ExceptionKind[] {
  const exceptions: ExceptionKind[] = [];
  if (f.deviates) exceptions.push('deviation');
  if (f.chosenVerdict === 'not-allowed' || f.chosenVerdict === 'needs-info') exceptions.push('chosen-not-allowed');
  if (f.chosenRoute === 'direct-award' && f.totalSek !== null && f.documentationLimitSek !== null && f.totalSek >= f.documentationLimitSek) {
    exceptions.push('above-documentation-limit');
  }
  if (f.chosenRoute === 'direct-award' && f.decisionDate >= documentationDeadlineFrom && f.daysToRecord > documentationDeadlineDays) exceptions.push('late-documentation');
  if (f.weakBasis.length > 0) exceptions.push('weak-basis');
  return exceptions;
}

/** For each record in a group, the nearest few on each side in every group it is in (the group lists them all). */
export function relatedOf(groups: readonly SplitGroup[]): Map<number, Set<number>> {
  const related = new Map<number, Set<number>>();
  for (const g of groups) {
    g.decisions.forEach((d, i) => {
      const set = related.get(d.id) ?? new Set<number>();
      for (let j = Math.max(0, i - maxRelated); j <= Math.min(g.decisions.length - 1, i + maxRelated); j++) if (j !== i) set.add(g.decisions[j]!.id);
      related.set(d.id, set);
    });
  }
  return related;
}

/** The current rows' filter columns, in the rows' order, with room to grow as records are appended. */
export type Columns = { organisation: Uint16Array; day: Int32Array; kinds: Uint8Array; organisations: string[] };

/** A date as the number YYYYMMDD, which orders as the date does. */
export const dayOf = (date: string) => Number(date.slice(0, 10).replaceAll('-', ''));
const kindBits = (kinds: readonly ExceptionKind[]) => kinds.reduce((mask, k) => mask | (1 << exceptionKinds.indexOf(k)), 0);

type KeyList = { match: SplitGroup['match'][number]; list: DayFacts[]; groups: SplitGroup[]; first: number };

/**
 * The exceptions of the current records, kept up to date as records are appended instead of worked out again
 * over the whole register: a new record is judged on its own, and only the supplier and CPV-group lists it
 * joins (or a correction leaves) are grouped again. At a million records working it all out again took 15–20 s
 * after every save, all of it holding the event loop. `assignExceptions` (exceptions.ts) is the same result
 * worked out at once, and the tests hold the two to each other.
 */
export class ExceptionState {
  rows: AuditRow[] = [];
  groups: SplitGroup[] = [];
  readonly columns: Columns = { organisation: new Uint16Array(1024), day: new Int32Array(1024), kinds: new Uint8Array(1024), organisations: [] };
  private readonly facts = new Map<number, RecordFacts>();
  private readonly position = new Map<number, number>();
  private readonly lists = new Map<string, KeyList>();
  /** The lists that make at least one group: the only ones the merge reads. */
  private readonly grouped = new Set<KeyList>();
  private related = new Map<number, Set<number>>();
  private readonly organisationIndex = new Map<string, number>();

  /** Takes `added` (appended records now current, in id order) in, and `removed` (records a correction replaced) out. */
  update(added: readonly RecordFacts[], removed: readonly number[]): void {
    const touched = new Set<string>();
    const gone = [...new Set(removed)].filter((id) => this.facts.has(id));
    for (const id of gone) {
      const f = this.facts.get(id)!;
      this.facts.delete(id);
      for (const { key } of splitKeys(f)) {
        const entry = this.lists.get(key)!;
        entry.list = entry.list.filter((d) => d.f.id !== id);
        entry.first = entry.list.reduce((min, d) => Math.min(min, d.f.id), Infinity);
        touched.add(key);
      }
    }
    for (const f of added) {
      this.facts.set(f.id, f);
      for (const { key, match } of splitKeys(f)) {
        const entry = this.lists.get(key) ?? { match, list: [], groups: [], first: Infinity };
        insertSorted(entry.list, withDay(f));
        entry.first = Math.min(entry.first, f.id);
        this.lists.set(key, entry);
        touched.add(key);
      }
    }
    for (const key of touched) {
      const entry = this.lists.get(key)!;
      entry.groups = keyGroups(entry.match, entry.list);
      if (entry.groups.length > 0) this.grouped.add(entry);
      else this.grouped.delete(entry);
      if (entry.list.length === 0) this.lists.delete(key);
    }
    // The groups as one list, the keys in the order a full pass meets them (by their first record, then the way
    // of matching), so the same awards matched in several ways take the first key's figures as assignExceptions does.
    const ways: Record<string, number> = { orgNumber: 0, supplierName: 1, cpvGroup: 2 };
    const ranked = [...this.grouped].sort((a, b) => a.first - b.first || ways[a.match]! - ways[b.match]!);
    this.groups = mergeGroups(ranked.map((e) => e.groups));

    const before = this.related;
    this.related = relatedOf(this.groups);
    if (gone.length > 0) {
      const keep = new Set(gone);
      this.rows = this.rows.filter((r) => !keep.has(r.id));
      this.position.clear();
      this.rows.forEach((r, i) => this.position.set(r.id, i));
      this.rebuildColumns();
    }
    for (const f of added) {
      this.position.set(f.id, this.rows.length);
      this.rows.push(this.rowFor(f));
      this.writeColumns(this.rows.length - 1);
    }
    // A row changes only where its place in the groups does.
    for (const id of new Set([...before.keys(), ...this.related.keys()])) {
      const i = this.position.get(id);
      if (i === undefined) continue;
      const now = this.related.get(id);
      const was = before.get(id);
      if (now && was && now.size === was.size && [...now].every((x) => was.has(x))) continue;
      if (!now && !was) continue;
      this.rows[i] = this.rowFor(this.facts.get(id)!);
      this.columns.kinds[i] = kindBits(this.rows[i]!.exceptions);
    }
  }

  private rowFor(f: RecordFacts): AuditRow {
    const exceptions = ownExceptions(f);
    const others = this.related.get(f.id);
    if (others) exceptions.push('split-purchase');
    return { ...rowOf(f), supersededBy: null, exceptions, related: others ? [...others].sort((a, b) => a - b) : [] };
  }

  private writeColumns(i: number): void {
    const c = this.columns as { -readonly [K in keyof Columns]: Columns[K] };
    if (i >= c.kinds.length) {
      const size = Math.max(c.kinds.length * 2, i + 1);
      const grow = <T extends Uint16Array | Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
        const b = make(size);
        b.set(a);
        return b;
      };
      c.organisation = grow(c.organisation, (n) => new Uint16Array(n));
      c.day = grow(c.day, (n) => new Int32Array(n));
      c.kinds = grow(c.kinds, (n) => new Uint8Array(n));
    }
    const row = this.rows[i]!;
    let o = this.organisationIndex.get(row.organisation);
    if (o === undefined) {
      o = c.organisations.push(row.organisation) - 1;
      this.organisationIndex.set(row.organisation, o);
    }
    c.organisation[i] = o;
    c.day[i] = dayOf(row.decisionDate);
    c.kinds[i] = kindBits(row.exceptions);
  }

  private rebuildColumns(): void {
    for (let i = 0; i < this.rows.length; i++) this.writeColumns(i);
  }
}

/** Into a list kept as keyGroups reads it (by day, then record number); an appended record usually goes last. */
function insertSorted(list: DayFacts[], item: DayFacts): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (byDay(list[mid]!, item) <= 0) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, item);
}
