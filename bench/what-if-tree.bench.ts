import type { Answers } from '../src/engine/answers-schema';
import { evaluate } from '../src/engine/evaluate';
import { writePath } from '../src/guide/draft';
import { layoutDecisionTree } from '../src/features/workshop/decision-tree/decision-tree-layout';
import { deriveDecisionTree, traceAnswers } from '../src/features/workshop/decision-tree/decision-tree-model';
import { limitsOnDate, runWhatIf, valueScale } from '../src/features/workshop/what-if/what-if';
import { nodeRuleset } from '../src/rules-data/node-ruleset';
import { measure } from './measure';

const answers: Answers = {
  organisation: 'ljungby',
  decisionDate: '2026-11-22',
  purchase: { kind: 'services', annex2Service: false, reservableServiceCode: true },
  value: { totalSek: 450000 },
  supplier: { kind: 'social-enterprise', disadvantagedShare: 0.4, mainPurposeIntegration: true },
  contract: { years: 2 },
};


/** What the workshop's what-if and decision tree cost per interaction: a slider step must fit well inside a frame. */
export async function run(): Promise<void> {
  const ruleset = nodeRuleset();
  const scale = valueScale(limitsOnDate(ruleset, answers.decisionDate));
  let position = 0;
  measure('what-if slider: one step judged (all four routes)', () => {
    position = (position + 7) % (scale.steps + 1);
    evaluate(ruleset, writePath(answers, 'value.totalSek', scale.toValue(position)));
  });
  measure('what-if: one change compared (two evaluations and the diff)', () => {
    runWhatIf(ruleset, answers, { field: 'value.totalSek', value: 1_200_000 });
  });
  measure('what-if: the limits on the scale for a date', () => {
    limitsOnDate(ruleset, '2021-06-01');
  });
  measure('decision tree: model from the machine and the rule set', () => {
    deriveDecisionTree(ruleset, { date: answers.decisionDate });
  });
  const model = deriveDecisionTree(ruleset, { date: answers.decisionDate });
  measure('decision tree: answers traced (machine run and engine trace)', () => {
    traceAnswers(model, ruleset, answers);
  });
  const highlight = traceAnswers(model, ruleset, answers);
  measure('decision tree: layout with the answers marked, obligations shown', () => {
    layoutDecisionTree(model, 'sv', highlight, { followUps: true });
  });
  const layout = layoutDecisionTree(model, 'sv', highlight, { followUps: true });
  console.log(`decision tree: ${layout.nodes.length} nodes, ${layout.edges.length} edges, ${layout.width} × ${layout.height} units`);
}
