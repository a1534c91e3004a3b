import { exceptionKinds, type AuditRow, type ExceptionKind, type SplitGroup } from '../../shared/audit-report';
import { rowOf, type RecordFacts } from './record-facts';
import type { SplitMatch } from '../../shared/audit-report';
import { byDay, groupKey, keyGroups, sortGroups, splitKeys, withDay, type DayFacts } from './split-groups';

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

type KeyList = { match: SplitMatch; list: DayFacts[]; groups: Map<string, SplitGroup>; first: number };

const ways: Record<SplitMatch, number> = { orgNumber: 0, supplierName: 1, cpvGroup: 2 };
const matchOrder: SplitMatch[] = ['orgNumber', 'supplierName', 'cpvGroup'];
/** The order a full pass meets the keys in: by their first record, then the way of matching. */
const byRank = (a: KeyList, b: KeyList) => a.first - b.first || ways[a.match] - ways[b.match];

/**
 * The exceptions of the current records, kept up to date as records are appended instead of worked out again
 * over the whole register: a new record is judged on its own, only the supplier and CPV-group lists it joins
 * (or a correction leaves) are grouped again, and only the rows of groups that changed are written again. At a
 * million records working it all out again took 15–20 s after every save, all of it holding the event loop.
 * `assignExceptions` (exceptions.ts) is the same result worked out at once, and the tests hold the two to each other.
 */
export class ExceptionState {
  rows: AuditRow[] = [];
  readonly columns: Columns = { organisation: new Uint16Array(1024), day: new Int32Array(1024), kinds: new Uint8Array(1024), organisations: [] };
  private readonly facts = new Map<number, RecordFacts>();
  private readonly position = new Map<number, number>();
  private readonly lists = new Map<string, KeyList>();
  /** Each group (the same awards, however matched) with the lists that make it, and the groups each record is in. */
  private readonly merged = new Map<string, SplitGroup>();
  private readonly contributors = new Map<string, Set<KeyList>>();
  private readonly memberOf = new Map<number, Set<string>>();
  private sorted: SplitGroup[] | null = [];
  private readonly organisationIndex = new Map<string, number>();

  /** Every group whose sum matters, newest first, then the largest sums. */
  get groups(): SplitGroup[] {
    this.sorted ??= sortGroups([...this.merged.values()]);
    return this.sorted;
  }

  /** Takes `added` (appended records now current, in id order) in, and `removed` (records a correction replaced) out. */
  update(added: readonly RecordFacts[], removed: readonly number[]): void {
    const touched = new Set<KeyList>();
    const gone = [...new Set(removed)].filter((id) => this.facts.has(id));
    for (const id of gone) {
      const f = this.facts.get(id)!;
      this.facts.delete(id);
      for (const { key } of splitKeys(f)) {
        const entry = this.lists.get(key)!;
        entry.list = entry.list.filter((d) => d.f.id !== id);
        entry.first = entry.list.reduce((min, d) => Math.min(min, d.f.id), Infinity);
        if (entry.list.length === 0) this.lists.delete(key);
        touched.add(entry);
      }
    }
    for (const f of added) {
      this.facts.set(f.id, f);
      for (const { key, match } of splitKeys(f)) {
        let entry = this.lists.get(key);
        if (!entry) this.lists.set(key, (entry = { match, list: [], groups: new Map(), first: Infinity }));
        insertSorted(entry.list, withDay(f));
        entry.first = Math.min(entry.first, f.id);
        touched.add(entry);
      }
    }
    // The touched lists' groups again, and the groups as one: a group made by several lists takes its figures from
    // the first list a full pass meets, as mergeGroups does.
    const changed = new Set<string>();
    for (const entry of touched) {
      for (const key of entry.groups.keys()) {
        this.contributors.get(key)?.delete(entry);
        changed.add(key);
      }
      entry.groups = new Map(keyGroups(entry.match, entry.list).map((g) => [groupKey(g), g]));
      for (const key of entry.groups.keys()) {
        let set = this.contributors.get(key);
        if (!set) this.contributors.set(key, (set = new Set()));
        set.add(entry);
        changed.add(key);
      }
    }
    const moved = new Set<number>();
    for (const key of changed) {
      const makers = [...(this.contributors.get(key) ?? [])];
      const was = this.merged.get(key);
      if (makers.length === 0) {
        this.contributors.delete(key);
        this.merged.delete(key);
        for (const d of was?.decisions ?? []) {
          const set = this.memberOf.get(d.id);
          set?.delete(key);
          if (set?.size === 0) this.memberOf.delete(d.id);
          moved.add(d.id);
        }
        continue;
      }
      const first = makers.sort(byRank)[0]!;
      const group = first.groups.get(key)!;
      this.merged.set(key, { ...group, match: matchOrder.filter((m) => makers.some((e) => e.match === m)) });
      if (!was) {
        for (const d of group.decisions) {
          let set = this.memberOf.get(d.id);
          if (!set) this.memberOf.set(d.id, (set = new Set()));
          set.add(key);
          moved.add(d.id);
        }
      }
    }
    if (changed.size > 0) this.sorted = null;

    if (gone.length > 0) {
      const keep = new Set(gone);
      this.rows = this.rows.filter((r) => !keep.has(r.id));
      this.position.clear();
      this.rows.forEach((r, i) => this.position.set(r.id, i));
      for (let i = 0; i < this.rows.length; i++) this.writeColumns(i);
    }
    for (const f of added) {
      this.position.set(f.id, this.rows.length);
      this.rows.push(this.rowFor(f));
      this.writeColumns(this.rows.length - 1);
    }
    // A row changes only where its place in the groups does.
    for (const id of moved) {
      const i = this.position.get(id);
      if (i === undefined) continue;
      const row = this.rowFor(this.facts.get(id)!);
      const old = this.rows[i]!;
      if (row.related.length === old.related.length && row.related.every((x, j) => x === old.related[j])) continue;
      this.rows[i] = row;
      this.columns.kinds[i] = kindBits(row.exceptions);
    }
  }

  /** The nearest few on each side in every group the record is in. */
  private relatedFor(id: number): number[] | null {
    const keys = this.memberOf.get(id);
    if (!keys || keys.size === 0) return null;
    const set = new Set<number>();
    for (const key of keys) {
      const decisions = this.merged.get(key)!.decisions;
      const i = decisions.findIndex((d) => d.id === id);
      for (let j = Math.max(0, i - maxRelated); j <= Math.min(decisions.length - 1, i + maxRelated); j++) if (j !== i) set.add(decisions[j]!.id);
    }
    return [...set].sort((a, b) => a - b);
  }

  private rowFor(f: RecordFacts): AuditRow {
    const exceptions = ownExceptions(f);
    const others = this.relatedFor(f.id);
    if (others) exceptions.push('split-purchase');
    return { ...rowOf(f), supersededBy: null, exceptions, related: others ?? [] };
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
