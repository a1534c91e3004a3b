import type { RouteId } from '../../../engine/answers-schema';
import type { ConditionTrace, Outcome, Truth } from '../../../engine/outcome';
import type { Localized, Verdict } from '../../../engine/ruleset-schema';

/** One decisive question: a route's ground or requirement, answered for the scenario. */
export type RoomNode = {
  ruleId: string;
  kind: 'requirement' | 'ground';
  question: Localized;
  result: Truth;
  /** The verdict rests on it: on the scenario's path. */
  decisive: boolean;
  /** The comparison that settled it for this scenario, e.g. "Uppskattat värde (900 000 kr) är högst … (700 000 kr)". */
  answer: Localized | null;
};

export type RoomColumn = { route: RouteId; name: Localized; verdict: Verdict; recommended: boolean; requirements: RoomNode[]; grounds: RoomNode[] };

function comparisons(trace: ConditionTrace | null): Array<Extract<ConditionTrace, { kind: 'compare' }>> {
  if (!trace) return [];
  if (trace.kind === 'compare') return [trace];
  if (trace.kind === 'not') return comparisons(trace.child);
  return trace.children.flatMap(comparisons);
}

/**
 * The decision tree for a room: per route (in the rule set's order of preference) its requirements and
 * grounds as one question each, with the scenario's answer, the ones its verdict rests on marked as the path.
 * Read from the engine's outcome, so it says exactly what the reveal says.
 */
export function roomTree(outcome: Outcome): RoomColumn[] {
  return outcome.routes.map((route) => {
    const decisive = new Set(route.reasons.map((r) => r.ruleId));
    const nodes = route.trace
      .filter((r): r is typeof r & { kind: 'requirement' | 'ground' } => r.kind === 'requirement' || r.kind === 'ground')
      .map((reason): RoomNode => {
        const compared = comparisons(reason.trace);
        const settling = compared.find((c) => c.result === reason.result) ?? compared[0];
        return { ruleId: reason.ruleId, kind: reason.kind, question: reason.title, result: reason.result, decisive: decisive.has(reason.ruleId), answer: settling?.text ?? null };
      });
    return {
      route: route.route,
      name: route.name,
      verdict: route.verdict,
      recommended: outcome.recommendation.route === route.route,
      requirements: nodes.filter((n) => n.kind === 'requirement'),
      grounds: nodes.filter((n) => n.kind === 'ground'),
    };
  });
}
