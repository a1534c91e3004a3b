import { nearLimitShare, type SplitGroup, type SplitMatch } from '../../shared/audit-report';
import type { RecordFacts } from './record-facts';

/** "Liknande kontrakt … under de föregående tolv månaderna" (LOU 5 kap.): the window a group spans. */
export const splitWindowDays = 365;

const dayMs = 86_400_000;
const dayNumber = (date: string) => Math.round(Date.parse(date) / dayMs);

/** The facts a group needs beyond the row: the value without similar purchases it counted in itself, and its limit. */
export type SplitFacts = Pick<RecordFacts, 'id' | 'organisation' | 'decisionDate' | 'chosenRoute' | 'description' | 'supplierName' | 'supplierOrgNumber' | 'cpvCode'> & {
  ownValueSek: number | null;
  directAwardLimitSek: number | null;
  orgNumberKey: string | null;
  supplierNameKey: string | null;
  cpvGroup: string | null;
};

/**
 * The direct awards one organisation made to the same supplier (by organisation number, or by name) or in
 * the same CPV group, as groups: each group is the awards of the twelve months up to its latest award
 * (the runs with the largest sums first, each award in at most one group per way of matching), with
 * their sum compared to the direct-award limit in force on the latest award's date, the day the similar
 * contracts of the twelve months before it should have been counted in (LOU 19 a kap. 1 § refers to 5 kap.;
 * KKV, "Beräkna upphandlingens värde"). Groups matched in several
 * ways on the same awards are one group naming each way. Only groups whose sum matters are returned: at
 * or over the limit, or within `nearLimitShare` under it.
 */
export function splitGroups(records: SplitFacts[]): SplitGroup[] {
  const byKey = new Map<string, { match: SplitMatch; list: SplitFacts[] }>();
  for (const f of records) {
    for (const { key, match } of splitKeys(f)) {
      const entry = byKey.get(key);
      if (entry) entry.list.push(f);
      else byKey.set(key, { match, list: [f] });
    }
  }
  const partials: SplitGroup[][] = [];
  for (const { match, list } of byKey.values()) partials.push(keyGroups(match, sortedByDay(list)));
  return mergeGroups(partials);
}

/** The ways a direct award can be matched to others, each as the key of its list: organisation, way, value. */
export function splitKeys(f: SplitFacts): Array<{ key: string; match: SplitMatch }> {
  if (f.chosenRoute !== 'direct-award') return [];
  const keys: Array<{ key: string; match: SplitMatch }> = [];
  for (const [match, value] of [['orgNumber', f.orgNumberKey], ['supplierName', f.supplierNameKey], ['cpvGroup', f.cpvGroup]] as const) {
    if (value) keys.push({ key: `${f.organisation}|${match}|${value}`, match });
  }
  return keys;
}

export type DayFacts = { f: SplitFacts; day: number };

/** One key's awards in the order a group runs: by decision day, then by record number. */
export function sortedByDay(list: SplitFacts[]): DayFacts[] {
  return list.map((f) => ({ f, day: dayNumber(f.decisionDate) })).sort(byDay);
}

export const byDay = (a: DayFacts, b: DayFacts) => a.day - b.day || a.f.id - b.f.id;
export const withDay = (f: SplitFacts): DayFacts => ({ f, day: dayNumber(f.decisionDate) });

/** The groups one key's awards make (`sorted` as sortedByDay gives them), each matched by that key's way alone. */
export function keyGroups(match: SplitMatch, sorted: readonly DayFacts[]): SplitGroup[] {
  if (sorted.length < 2) return [];
  // Every longest twelve-month run (the run ending at an award is longest when the next award would drop its
  // first one): no such run contains another, so two overlap exactly when one holds an end of the other.
  const runs: Array<{ lo: number; hi: number; sum: number; limit: number }> = [];
  let lo = 0;
  let sum = 0;
  let limit: number | null = null;
  for (let i = 0; i < sorted.length; i++) {
    const f = sorted[i]!.f;
    sum += f.ownValueSek ?? 0;
    if (f.directAwardLimitSek !== null) limit = f.directAwardLimitSek;
    while (sorted[i]!.day - sorted[lo]!.day > splitWindowDays) sum -= sorted[lo++]!.f.ownValueSek ?? 0;
    const next = sorted[i + 1];
    if (next && next.day - sorted[lo]!.day <= splitWindowDays) continue;
    // The limit of the latest award, or of the latest before it whose rule set could be read.
    if (i > lo && limit !== null && sum >= limit * (1 - nearLimitShare)) runs.push({ lo, hi: i, sum, limit });
  }
  // The largest sums first, and an award in one group per way of matching: overlapping runs would list the same
  // purchases again and again along a busy supplier's years.
  runs.sort((a, b) => b.sum - a.sum || a.lo - b.lo);
  const taken = new Uint8Array(sorted.length);
  const groups: SplitGroup[] = [];
  for (const run of runs) {
    if (taken[run.lo] || taken[run.hi]) continue;
    taken.fill(1, run.lo, run.hi + 1);
    const members = sorted.slice(run.lo, run.hi + 1).map((s) => s.f);
    const last = members.at(-1)!;
    groups.push({
      organisation: last.organisation,
      match: [match],
      from: members[0]!.decisionDate,
      to: last.decisionDate,
      decisions: members.map((m) => ({
        id: m.id,
        decisionDate: m.decisionDate,
        description: m.description,
        supplierName: m.supplierName,
        supplierOrgNumber: m.supplierOrgNumber,
        cpvCode: m.cpvCode,
        valueSek: m.ownValueSek,
        limitSek: m.directAwardLimitSek,
      })),
      sumSek: run.sum,
      limitSek: run.limit,
      limitDate: last.decisionDate,
      over: run.sum >= run.limit,
    });
  }
  return groups;
}

/** A group by its organisation and its awards: the same awards matched in several ways are one group. */
export const groupKey = (g: Pick<SplitGroup, 'organisation' | 'decisions'>) => `${g.organisation}|${g.decisions.map((d) => d.id).join(',')}`;

const order: SplitMatch[] = ['orgNumber', 'supplierName', 'cpvGroup'];

/**
 * The keys' groups as one list: groups of the same awards are one group naming each way (the first key's group,
 * in `partials`' order, gives the figures), newest first, then the largest sums.
 */
export function mergeGroups(partials: Iterable<readonly SplitGroup[]>): SplitGroup[] {
  const groups = new Map<string, SplitGroup>();
  for (const list of partials) {
    for (const g of list) {
      const key = groupKey(g);
      const known = groups.get(key);
      if (known) {
        for (const m of g.match) if (!known.match.includes(m)) known.match.push(m);
      } else groups.set(key, { ...g, match: [...g.match] });
    }
  }
  return sortGroups([...groups.values()].map((g) => ({ ...g, match: order.filter((m) => g.match.includes(m)) })));
}

export function sortGroups(groups: SplitGroup[]): SplitGroup[] {
  return groups.sort((a, b) => b.to.localeCompare(a.to) || b.sumSek - a.sumSek || a.decisions[0]!.id - b.decisions[0]!.id || groupKey(a).localeCompare(groupKey(b)));
}
