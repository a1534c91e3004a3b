import { describe, expect, it } from 'vitest';
import { nodeRuleset } from '../../rules-data/node-ruleset';
import { directAwardLimitId, parameterOn } from './record-facts';
import { splitGroups, type SplitFacts } from './split-groups';

const ruleset = nodeRuleset();
let nextId = 1;

/** A direct award as the index holds it, with the limit the rule set puts in force on its date. */
function award(decisionDate: string, valueSek: number, supplier: { name?: string; orgNumber?: string; cpv?: string } = {}, organisation: SplitFacts['organisation'] = 'lekeberg'): SplitFacts {
  return {
    id: nextId++,
    organisation,
    decisionDate,
    chosenRoute: 'direct-award',
    description: 'Cykelservice',
    supplierName: supplier.name ?? null,
    supplierOrgNumber: supplier.orgNumber ?? null,
    cpvCode: supplier.cpv ?? null,
    ownValueSek: valueSek,
    directAwardLimitSek: parameterOn(ruleset, directAwardLimitId, decisionDate)?.value ?? null,
    orgNumberKey: supplier.orgNumber?.replace(/\D/g, '') ?? null,
    supplierNameKey: supplier.name?.toLowerCase() ?? null,
    cpvGroup: supplier.cpv?.slice(0, 3) ?? null,
  };
}

const workshop = { name: 'Cykelverkstaden i Fjugesta', orgNumber: '556677-8899', cpv: '50100000-6' };

describe('split purchases as groups', () => {
  it("adds up Lekeberg's four awards to one bicycle workshop to 920 000 kr, over the 700 000 kr limit, matched three ways", () => {
    const awards = [award('2025-02-03', 240_000, workshop), award('2025-05-12', 260_000, workshop), award('2025-08-20', 230_000, workshop), award('2025-11-04', 190_000, workshop)];
    const groups = splitGroups(awards);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ organisation: 'lekeberg', sumSek: 920_000, limitSek: 700_000, limitDate: '2025-11-04', over: true, from: '2025-02-03', to: '2025-11-04' });
    expect(groups[0]!.match).toEqual(['orgNumber', 'supplierName', 'cpvGroup']);
    expect(groups[0]!.decisions.map((d) => d.valueSek)).toEqual([240_000, 260_000, 230_000, 190_000]);
  });

  it('does not flag two small purchases from one supplier: 185 000 kr is far under the limit', () => {
    const fruit = { name: 'Frukt & Grönt i Motala' };
    expect(splitGroups([award('2025-03-01', 90_000, fruit, 'motala'), award('2025-07-01', 95_000, fruit, 'motala')])).toEqual([]);
  });

  it('shows a sum within 10 % under the limit as under it, and leaves out one further under', () => {
    const near = splitGroups([award('2025-01-10', 330_000, { name: 'A' }), award('2025-06-10', 310_000, { name: 'A' })]);
    expect(near.map((g) => [g.sumSek, g.over])).toEqual([[640_000, false]]);
    expect(splitGroups([award('2025-01-10', 320_000, { name: 'B' }), award('2025-06-10', 300_000, { name: 'B' })])).toEqual([]);
  });

  it('holds a group straddling a dated limit change against the limit in force on its latest award, naming each award’s own', () => {
    // 626 284 kr was the limit in January 2022, 700 000 kr from 1 February 2022 (LOU 19 a kap., prop. 2021/22:5).
    const [before, after] = [award('2022-01-20', 330_000, { name: 'C' }), award('2022-03-15', 310_000, { name: 'C' })];
    const groups = splitGroups([before!, after!]);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ sumSek: 640_000, limitSek: 700_000, limitDate: '2022-03-15', over: false });
    expect(groups[0]!.decisions.map((d) => d.limitSek)).toEqual([626_284, 700_000]);
    // The same two awards the other way round in time: the latest is under the old limit, and 640 000 kr is over it.
    const earlier = splitGroups([award('2021-11-20', 330_000, { name: 'D' }), award('2022-01-25', 310_000, { name: 'D' })]);
    expect(earlier[0]).toMatchObject({ sumSek: 640_000, limitSek: 626_284, over: true });
  });

  it('puts awards more than twelve months apart in no group, and counts each award once per way of matching', () => {
    expect(splitGroups([award('2024-01-10', 400_000, { name: 'E' }), award('2025-02-10', 400_000, { name: 'E' })])).toEqual([]);
    const busy = ['2025-01-05', '2025-04-05', '2025-07-05', '2025-10-05', '2026-01-05', '2026-04-05'].map((d) => award(d, 200_000, { name: 'F' }));
    const groups = splitGroups(busy);
    const ids = groups.flatMap((g) => g.decisions.map((d) => d.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(groups.every((g) => g.sumSek >= 630_000 && Date.parse(g.to) - Date.parse(g.from) <= 365 * 86_400_000)).toBe(true);
  });

  it('keeps organisations apart and leaves out routes other than direct award', () => {
    const a = award('2025-01-10', 400_000, { name: 'G' }, 'lekeberg');
    const b = award('2025-02-10', 400_000, { name: 'G' }, 'motala');
    const c = { ...award('2025-03-10', 400_000, { name: 'G' }, 'lekeberg'), chosenRoute: 'social-considerations' as const };
    expect(splitGroups([a, b, c])).toEqual([]);
  });
});
