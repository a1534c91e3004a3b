import { EvaluationError, evaluate } from '../../engine/evaluate';
import type { Outcome } from '../../engine/outcome';
import type { Ruleset } from '../../engine/ruleset';
import type { Parameter } from '../../engine/ruleset-schema';
import type { ImpactItem } from '../../shared/audit-report';
import type { DecisionRecord, RecordContent } from '../../shared/decision-record';
import { compareOutcomes } from '../replay';

const judge = (ruleset: Ruleset, content: RecordContent): Outcome | string => {
  try {
    return evaluate(ruleset, content.answers);
  } catch (error) {
    if (error instanceof EvaluationError) return `${ruleset.version}: ${error.message}`;
    throw error;
  }
};

/**
 * One stored decision judged under two rule sets: null where every verdict and the recommendation
 * agree, else what differs and why (the rules whose result changed, the values in force on the
 * decision date that changed). Used by the impact analysis's workers.
 */
export function compareUnder(id: number, content: RecordContent, from: Ruleset, to: Ruleset): ImpactItem | null {
  const after = judge(to, content);
  // Under the rule set it was saved with, the stored verdicts are the engine's (verify checks
  // that): judge it again under `from` only where `to` differs, to say why.
  if (from.hash === content.rulesetHash && typeof after !== 'string') {
    const same = after.routes.every((r) => content.verdicts[r.route] === r.verdict) && after.recommendation.route === content.recommendedRoute;
    if (same) return null;
  }
  const before = judge(from, content);
  const base = { id, organisation: content.answers.organisation, decisionDate: content.answers.decisionDate, chosenRoute: content.chosenRoute };
  if (typeof before === 'string' || typeof after === 'string') {
    if (typeof before === 'string' && typeof after === 'string') return null; // neither can judge it: nothing changed
    const known = typeof before === 'string' ? (after as Outcome) : before;
    return {
      ...base,
      recommendation: { before: typeof before === 'string' ? null : before.recommendation.route, after: typeof after === 'string' ? null : after.recommendation.route },
      routes: known.routes.map((r) => ({ route: r.route, before: typeof before === 'string' ? null : r.verdict, after: typeof after === 'string' ? null : r.verdict })),
      reasons: [],
      parameters: [],
      problem: typeof before === 'string' ? before : (after as string),
    };
  }
  const sameVerdicts = before.routes.every((b, i) => after.routes[i]?.verdict === b.verdict);
  if (sameVerdicts && before.recommendation.route === after.recommendation.route) return null;
  const record = { ...content, id, prevHash: '', hash: '', supersededBy: null } satisfies DecisionRecord;
  const replay = compareOutcomes(record, from, before, to, after);
  return {
    ...base,
    recommendation: replay.recommendation,
    routes: replay.routes.filter((r) => r.changed).map((r) => ({ route: r.route, before: r.before, after: r.after })),
    reasons: replay.routes
      .filter((r) => r.changed)
      .flatMap((r) => r.reasons)
      .filter((reason, i, all) => all.findIndex((x) => x.ruleId === reason.ruleId) === i)
      .map((r) => ({ ruleId: r.ruleId, title: r.title, before: r.before, after: r.after })),
    parameters: replay.parameters.map((p) => ({ id: p.id, label: p.label, unit: p.unit as Parameter['unit'], before: p.before?.value ?? null, after: p.after?.value ?? null })),
    problem: null,
  };
}
