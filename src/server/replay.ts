import type { Outcome, ParameterUse, PolicyNote, Reason } from '../engine/outcome';
import type { Ruleset } from '../engine/ruleset';
import type { DecisionRecord } from '../shared/decision-record';
import type { Replay } from '../shared/decision-trail';

/**
 * What would differ if a stored decision were made today: each route's verdict before and after,
 * the grounds and requirements whose result changed, the parameters (limits, shares) whose value on
 * the decision date changed between the two rule sets, and the buyer's layers and the notes a layer
 * change added, removed or reworded (a layer change is replayed like a rule change).
 */
export function compareOutcomes(record: DecisionRecord, storedRuleset: Ruleset, before: Outcome, currentRuleset: Ruleset, after: Outcome): Replay {
  const routes = before.routes.map((b) => {
    const a = after.routes.find((r) => r.route === b.route)!;
    const beforeReasons = byRule(b.trace);
    const afterReasons = byRule(a.trace);
    const ids = [...new Set([...beforeReasons.keys(), ...afterReasons.keys()])];
    const reasons = ids.flatMap((ruleId) => {
      const rb = beforeReasons.get(ruleId);
      const ra = afterReasons.get(ruleId);
      if (rb && ra && rb.result === ra.result && sameParameters(rb.parameters, ra.parameters)) return [];
      const shown = (ra ?? rb)!;
      return [{ ruleId, title: shown.title, before: rb?.result ?? null, after: ra?.result ?? null, explanation: shown.explanation }];
    });
    return { route: b.route, name: a.name, before: b.verdict, after: a.verdict, changed: b.verdict !== a.verdict, reasons };
  });

  const parameters = changedParameters(storedRuleset, currentRuleset, record.answers.decisionDate);
  const notes = changedNotes(before, after);

  const chosenAfter = after.routes.find((r) => r.route === record.chosenRoute)!.verdict;
  const chosenBefore = before.routes.find((r) => r.route === record.chosenRoute)!.verdict;
  const recommendation = { before: before.recommendation.route, after: after.recommendation.route };
  return {
    id: record.id,
    stored: { version: before.rulesetVersion, hash: before.rulesetHash },
    current: { version: after.rulesetVersion, hash: after.rulesetHash },
    sameRuleset: before.rulesetHash === after.rulesetHash,
    recommendation,
    chosenRoute: { route: record.chosenRoute, before: chosenBefore, after: chosenAfter },
    routes,
    parameters,
    layers: { before: before.layers ?? [], after: after.layers },
    notes,
    anyDifference:
      routes.some((r) => r.changed || r.reasons.length > 0) || parameters.length > 0 || recommendation.before !== recommendation.after || notes.length > 0 || layersChanged(before, after),
  };
}

const layerKey = (l: { id: string; version: string }) => `${l.id}@${l.version}`;
const layersChanged = (before: Outcome, after: Outcome) =>
  (before.layers ?? []).map(layerKey).join('|') !== after.layers.map(layerKey).join('|');

/** The notes and bands a layer change added, removed or reworded, route by route. */
function changedNotes(before: Outcome, after: Outcome): Replay['notes'] {
  const all = (o: Outcome) => [...o.policyNotes, ...o.routes.flatMap((r) => r.policyNotes)];
  const key = (n: PolicyNote) => `${n.route}|${n.id}`;
  const was = new Map(all(before).map((n) => [key(n), n]));
  const is = new Map(all(after).map((n) => [key(n), n]));
  const name = (n: PolicyNote) => n.layer?.name ?? { sv: n.organisation, en: n.organisation };
  const changes: Replay['notes'] = [];
  for (const [k, n] of is) {
    const old = was.get(k);
    if (!old) changes.push({ route: n.route, id: n.id, layer: name(n), change: 'added', text: n.text });
    else if (old.text.sv !== n.text.sv || old.text.en !== n.text.en) changes.push({ route: n.route, id: n.id, layer: name(n), change: 'reworded', text: n.text });
  }
  for (const [k, n] of was) if (!is.has(k)) changes.push({ route: n.route, id: n.id, layer: name(n), change: 'removed', text: n.text });
  return changes;
}

function byRule(reasons: Reason[]): Map<string, Reason> {
  return new Map(reasons.map((r) => [r.ruleId, r]));
}

function sameParameters(a: ParameterUse[], b: ParameterUse[]): boolean {
  return a.length === b.length && a.every((p, i) => p.id === b[i]!.id && p.value === b[i]!.value);
}

/** Every parameter whose value in force on the decision date differs between the two rule sets. */
function changedParameters(stored: Ruleset, current: Ruleset, date: string): Replay['parameters'] {
  const inForce = (ruleset: Ruleset, id: string) => {
    const values = ruleset.parameters[id]?.values.filter((v) => v.from <= date) ?? [];
    const last = values.at(-1);
    return last ? { value: last.value, from: last.from } : null;
  };
  const ids = [...new Set([...Object.keys(stored.parameters), ...Object.keys(current.parameters)])].sort();
  return ids.flatMap((id) => {
    const before = inForce(stored, id);
    const after = inForce(current, id);
    if (before?.value === after?.value && before?.from === after?.from) return [];
    const shown = (current.parameters[id] ?? stored.parameters[id])!;
    return [{ id, label: shown.label, unit: shown.unit, before, after }];
  });
}
