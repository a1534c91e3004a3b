import { describe, expect, it } from 'vitest';
import { nodeRuleset } from '../../../rules-data/node-ruleset';
import { readRulesDir } from '../../../rules-data/read-rules-dir';
import { createVisibleFields } from '../../../guide/relevance';
import { roomTree } from '../room-tree/room-tree-model';
import { judgeScenario } from '../scenario-outcome';
import { loadScenarios } from '../../../scenarios/load-scenarios';
import { deckSlides, phaseOf, sessionPlan } from './deck-slides';

const ruleset = nodeRuleset();
const visibleFields = createVisibleFields(ruleset);
const scenarios = loadScenarios(readRulesDir());

describe.each(scenarios.map((s) => [s.id, s] as const))('the deck of %s', (_id, scenario) => {
  const judged = judgeScenario(ruleset, visibleFields, scenario);
  const slides = deckSlides(judged);

  it('runs story, each step asked then answered, the groups’ answers, the key, why per route, what-ifs, the tree and the take-away', () => {
    expect(slides[0]).toEqual({ kind: 'story' });
    expect(slides.filter((s) => s.kind === 'step')).toHaveLength(judged.steps.length * 2);
    const kinds = [...new Set(slides.map((s) => s.kind))];
    expect(kinds).toEqual(['story', 'step', 'answers', 'reveal', 'route', 'what-if', 'tree', 'take-away']);
    expect(slides.filter((s) => s.kind === 'route')).toHaveLength(4);
    expect(slides.findIndex((s) => s.kind === 'answers') + 1).toBe(slides.findIndex((s) => s.kind === 'reveal'));
  });

  it('follows the 30-minute plan in order', () => {
    const phases = slides.map((s) => sessionPlan.indexOf(phaseOf(s)));
    expect(phases).toEqual([...phases].sort((a, b) => a - b));
    expect(sessionPlan.at(-1)!.to).toBe(30);
  });

  it('draws the room’s tree from the same outcome as the key: the recommended route framed, every verdict resting on marked questions', () => {
    const columns = roomTree(judged.outcome);
    expect(columns.filter((c) => c.recommended).map((c) => c.route)).toEqual(judged.outcome.recommendation.route ? [judged.outcome.recommendation.route] : []);
    for (const column of columns) {
      expect(column.verdict).toBe(scenario.answerKey[column.route]);
      const decisive = [...column.requirements, ...column.grounds].filter((n) => n.decisive);
      if (column.verdict !== 'needs-info') expect(decisive.length, column.route).toBeGreaterThan(0);
    }
  });
});
