import { describe, expect, it } from 'vitest';
import type { Answers } from '../../engine/answers-schema';
import { evaluate } from '../../engine/evaluate';
import { questionLabel } from '../../guide/decision';
import { nodeRuleset } from '../../rules-data/node-ruleset';
import { panelRoutes } from './verdict-panel';

const ruleset = nodeRuleset();

describe('the live panel', () => {
  it("names under each route only the questions that decide that route: a preferred route's questions stand under it, not under the recommended one", () => {
    // Cleaning in Ljungby, the supplier not yet known: direct award leads, and routes preferred before it may still open.
    const answers: Answers = { organisation: 'ljungby', decisionDate: '2026-11-22', purchase: { kind: 'services', annex2Service: false, reservableServiceCode: false }, value: { totalSek: 450000 }, contract: { years: 2 } };
    const outcome = evaluate(ruleset, answers);
    const open = outcome.recommendation.couldChange.filter((c) => c.missing.length > 0);
    expect(open.length).toBeGreaterThan(0);
    const panel = panelRoutes(ruleset, outcome, answers);
    const recommended = panel.find((r) => r.route === outcome.recommendation.route)!;
    expect(recommended.shown).toBe('preliminary');
    expect(recommended.deciding).toEqual([]);
    expect(recommended.preferredOpen.map((n) => n.sv)).toEqual(open.map((c) => outcome.routes.find((r) => r.route === c.route)!.name.sv));
    for (const route of outcome.routes.filter((r) => r.verdict === 'needs-info')) {
      expect(panel.find((p) => p.route === route.route)!.deciding.map((l) => l.sv)).toEqual(route.missing.map((path) => questionLabel(ruleset, path).sv));
    }
  });
});
