import { describe, expect, it } from 'vitest';
import { createVisibleFields } from '../../../guide/relevance';
import { nodeRuleset } from '../../../rules-data/node-ruleset';
import { deriveDecisionTree } from '../decision-tree/decision-tree-model';
import { judgeScenario } from '../scenario-outcome';
import { scenarioById } from '../scenarios/scenario-library';
import { questionWithFigures, wallRoutes, wallWeight } from './wall-sheet-model';

const ruleset = nodeRuleset();
const spaced = (text: string) => text.replace(/\u00a0/g, ' ');
const questions = (routes: ReturnType<typeof wallRoutes>, lang: 'sv' | 'en' = 'sv') =>
  routes.flatMap((r) => r.groups.flatMap((g) => g.questions.map((q) => spaced(q.question[lang]))));

describe('the wall sheet', () => {
  it('weaves a limit into the question where the title names it, and prints the others as lines of their own', () => {
    const limit = { id: 'direct-award-limit', label: { sv: 'Direktupphandlingsgränsen', en: 'Direct-award limit' }, unit: 'SEK' as const, value: 700_000 };
    const share = { id: 'share', label: { sv: 'Andelskravet för reserverad upphandling', en: 'Share required' }, unit: 'share' as const, value: 0.3 };
    const woven = questionWithFigures({ sv: 'Lågt värde (under direktupphandlingsgränsen)', en: 'Low value (below the direct-award limit)' }, [limit, share]);
    // The amount never breaks from its unit: no-break spaces throughout.
    expect(woven.question).toEqual({ sv: 'Lågt värde (under direktupphandlingsgränsen 700\u00a0000\u00a0kr)', en: 'Low value (below the direct-award limit SEK\u00a0700,000)' });
    expect(woven.figures.map((f) => spaced(f.sv))).toEqual(['Andelskravet för reserverad upphandling: 30 %']);
    // Named in one language only: a line in both, so neither prints it twice.
    const once = questionWithFigures({ sv: 'Under direktupphandlingsgränsen', en: 'Cheap enough' }, [limit]);
    expect(once.question).toEqual({ sv: 'Under direktupphandlingsgränsen', en: 'Cheap enough' });
    expect(once.figures.map((f) => spaced(f.en))).toEqual(['Direct-award limit: SEK 700,000']);
  });

  it('prints the amounts in force on the date, in the rule set’s order without a scenario', () => {
    const now = wallRoutes(deriveDecisionTree(ruleset, { date: '2026-11-16' }));
    expect(now.map((r) => r.order)).toEqual([1, 2, 3, 4]);
    expect(now.some((r) => r.recommended)).toBe(false);
    expect(questions(now)).toContain('Lågt värde (under direktupphandlingsgränsen 700 000 kr)');
    // Before 2022-02-01 the limit was lower, and its rule asked "at most".
    const then = wallRoutes(deriveDecisionTree(ruleset, { date: '2021-06-01' }));
    expect(questions(then)).toContain('Lågt värde (högst direktupphandlingsgränsen 615 312 kr)');
  });

  it('for a scenario: the engine’s amounts on its decision date and its recommended route first', () => {
    const scenario = scenarioById('fruktkorgar-reserverad')!;
    const { outcome } = judgeScenario(ruleset, createVisibleFields(ruleset), scenario);
    const routes = wallRoutes(deriveDecisionTree(ruleset, { date: outcome.decisionDate }), outcome);
    expect(routes.map((r) => r.route)).toEqual(['reserved-contract', 'iop', 'direct-award', 'social-considerations']);
    expect(routes.map((r) => r.recommended)).toEqual([true, false, false, false]);
    const reserved = routes[0]!.groups.flatMap((g) => g.questions);
    expect(reserved.flatMap((q) => q.figures.map((f) => spaced(f.sv)))).toEqual(
      expect.arrayContaining(['Andelskravet för reserverad upphandling: 30 %', 'Längsta löptid för kontrakt reserverat enligt 19 kap. 25 §: 3 år']),
    );
    // Every question of a deciding rule is on the sheet, none of the obligations or cautions.
    const deciding = outcome.routes.flatMap((r) => r.trace.map((t) => t.ruleId)).sort();
    expect(routes.flatMap((r) => r.groups.flatMap((g) => g.questions.map((q) => q.ruleId))).sort()).toEqual(deciding);
  });

  it('gives a route with more to say a larger share of the printed width', () => {
    const routes = wallRoutes(deriveDecisionTree(ruleset, { date: '2026-11-16' }));
    const weight = Object.fromEntries(routes.map((r) => [r.route, wallWeight(r, 'sv')]));
    expect(weight['reserved-contract']).toBeGreaterThan(weight['social-considerations']!);
    expect(weight['reserved-contract']).toBeGreaterThan(weight['direct-award']!);
  });
});
