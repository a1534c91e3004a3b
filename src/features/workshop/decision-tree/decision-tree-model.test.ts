import { createMachine } from 'xstate';
import { describe, expect, it } from 'vitest';
import type { Answers } from '../../../engine/answers-schema';
import { withIdentity } from '../../../engine/ruleset';
import type { Rule } from '../../../engine/ruleset-schema';
import { nodeRuleset } from '../../../rules-data/node-ruleset';
import { wizardMachine } from '../../../guide/wizard-machine';
import { layoutDecisionTree, rankStates, wrap } from './decision-tree-layout';
import { deriveDecisionTree, traceAnswers, wizardPath } from './decision-tree-model';
import { ljungbyAnswers } from '../../../../tests/fixtures/answers';

const ruleset = nodeRuleset();
const allRules = Object.values(ruleset.routes).flatMap((r) => r.rules);
const ruleNodes = (model: ReturnType<typeof deriveDecisionTree>) => model.routes.flatMap((r) => r.groups.flatMap((g) => g.rules));

const answers: Answers = ljungbyAnswers;

describe('the decision tree is derived from the machine and the rule set', () => {
  it('has a node for every state of the wizard machine, in its order, labelled in Swedish', () => {
    const model = deriveDecisionTree(ruleset);
    const machineStates = Object.values(wizardMachine.root.states).map((s) => s.id);
    expect(model.states.map((s) => s.stateId)).toEqual(machineStates);
    expect(model.nodeIds).toEqual(expect.arrayContaining(machineStates.map((id) => `state:${id}`)));
    expect(model.states.find((s) => s.key === 'value')?.label.sv).toBe('Värde');
    expect(model.states.find((s) => s.initial)?.key).toBe('resume');
    // Only the partnership step has no question that is always asked; the recommendation is where the flow ends.
    expect(model.states.filter((s) => s.skippable).map((s) => s.key)).toEqual(['partnership']);
    expect(model.states.filter((s) => s.terminal).map((s) => s.key)).toEqual(['recommendation']);
  });

  it('has every transition of the machine with its event and guard', () => {
    const model = deriveDecisionTree(ruleset);
    let count = 0;
    for (const node of Object.values(wizardMachine.root.states)) {
      for (const list of node.transitions.values()) count += list.length;
      count += node.always?.length ?? 0;
    }
    expect(model.transitions).toHaveLength(count);
    const next = model.transitions.find((t) => t.from === 'state:wizard.value' && t.primary && t.event === 'NEXT')!;
    expect(next).toMatchObject({ to: 'state:wizard.supplier', direction: 'forward', guard: 'canGoForwardTo' });
    expect(next.guardLabel?.sv).toBe('om svaren är giltiga och steget behövs');
    expect(model.transitions.find((t) => t.from === 'state:wizard.supplier' && t.to === 'state:wizard.review' && t.event === 'NEXT')).toMatchObject({
      direction: 'skip',
      skips: ['state:wizard.partnership'],
    });
    expect(model.globalEvents.map((g) => g.event)).toEqual(['EDIT', 'GOTO', 'RESTORE', 'RESET']);
  });

  it('a state added to a copy of the machine becomes a node of its own', () => {
    const config = wizardMachine.config;
    const extended = createMachine({ ...config, states: { ...config.states, archive: { on: { BACK: '#wizard.recommendation' } } } } as typeof config);
    const model = deriveDecisionTree(ruleset, { machine: extended });
    expect(model.states.map((s) => s.key)).toContain('archive');
    expect(model.transitions).toContainEqual(expect.objectContaining({ from: 'state:wizard.archive', to: 'state:wizard.recommendation', event: 'BACK' }));
    expect(model.states).toHaveLength(deriveDecisionTree(ruleset).states.length + 1);
  });

  it('has a node for every rule in the rule set, under its route and kind', () => {
    const model = deriveDecisionTree(ruleset);
    const nodes = ruleNodes(model);
    expect(nodes.map((r) => r.ruleId).sort()).toEqual(allRules.map((r) => r.id).sort());
    for (const node of nodes) {
      expect(node.route).toBe(node.ruleId.split('.')[0]);
      expect(model.nodeIds).toContain(node.id);
    }
    const groupOf = (ruleId: string) => model.routes.flatMap((r) => r.groups).find((g) => g.rules.some((r) => r.ruleId === ruleId))!.groupKind;
    expect(groupOf('direct-award.low-value')).toBe('ground');
    expect(groupOf('iop.no-payment-for-service')).toBe('requirement');
    expect(groupOf('direct-award.documentation')).toBe('follow-up');
  });

  it('a rule added to a copy of the rule set becomes a node, with its condition in words', () => {
    const rule: Rule = {
      id: 'direct-award.workshop-example',
      kind: 'ground',
      title: { sv: 'Övningsgrund', en: 'Exercise ground' },
      legalBasis: 'Ingen (övning)',
      validFrom: '2018-01-01',
      validTo: null,
      status: 'constructed',
      source: ruleset.routes['direct-award'].rules[0]!.source,
      condition: { fact: 'contract.years', op: 'lte', param: 'reserved-max-years' },
      explanation: { held: { sv: 'Gäller.', en: 'Holds.' }, failed: { sv: 'Gäller inte.', en: 'Does not hold.' } },
    };
    const copy = withIdentity({
      ...ruleset,
      routes: { ...ruleset.routes, 'direct-award': { ...ruleset.routes['direct-award'], rules: [...ruleset.routes['direct-award'].rules, rule] } },
    });
    const before = deriveDecisionTree(ruleset, { date: '2026-11-22' });
    const after = deriveDecisionTree(copy, { date: '2026-11-22' });
    expect(ruleNodes(after)).toHaveLength(ruleNodes(before).length + 1);
    const node = ruleNodes(after).find((r) => r.ruleId === rule.id)!;
    expect(node.title.sv).toBe('Övningsgrund');
    expect(node.lines.map((l) => l.text.sv)).toEqual(['Avtalstid med förlängningar är högst längsta löptid för kontrakt reserverat enligt 19 kap. 25 § (3 år)']);
    // And it is drawn.
    expect(layoutDecisionTree(after, 'sv').nodes.map((n) => n.id)).toContain(`rule:${rule.id}`);
  });

  it('shows the parameter values in force on the date, and only the rules in force unless asked', () => {
    const today = deriveDecisionTree(ruleset, { date: '2026-11-22' });
    const lowValue = ruleNodes(today).find((r) => r.ruleId === 'direct-award.low-value')!;
    expect(lowValue.lines[0]!.text.sv).toBe('Uppskattat värde över hela löptiden är under direktupphandlingsgränsen (700\u00a0000 kr)');
    expect(ruleNodes(today).map((r) => r.ruleId)).not.toContain('direct-award.low-value-until-2022');

    const in2021 = deriveDecisionTree(ruleset, { date: '2021-06-01' });
    const old = ruleNodes(in2021).find((r) => r.ruleId === 'direct-award.low-value-until-2022')!;
    expect(old.lines[0]!.text.sv).toContain('(615\u00a0312 kr)');
    expect(ruleNodes(in2021).map((r) => r.ruleId)).not.toContain('direct-award.low-value');

    const all = deriveDecisionTree(ruleset, { date: '2026-11-22', includeInactive: true });
    expect(ruleNodes(all).find((r) => r.ruleId === 'direct-award.low-value-until-2022')?.inForce).toBe(false);
  });

  it('orders the routes as the rule set recommends them and says when each verdict follows', () => {
    const model = deriveDecisionTree(ruleset);
    expect(model.routes.map((r) => r.route)).toEqual([...new Set(ruleset.manifest.recommendation.map((r) => r.route))]);
    expect(model.routes.map((r) => r.order)).toEqual([1, 2, 3, 4]);
    const reserved = model.routes.find((r) => r.route === 'reserved-contract')!;
    expect(reserved.recommendWhen[0]!.text.sv).toBe('Tilltänkt leverantör är ett socialt företag eller en idéburen organisation');
    const iop = model.routes.find((r) => r.route === 'iop')!;
    expect(iop.verdicts.find((v) => v.verdict === 'allowed')!.when.sv).toBe('alla krav gäller');
    // Recommended only where the guidance indicators hold (rule set 2026.12.1).
    expect(iop.recommendWhen.length).toBeGreaterThan(0);
  });
});

describe('one set of answers through the tree', () => {
  it('follows the path the machine itself takes: no idéburen supplier, so the partnership step is skipped', () => {
    expect(wizardPath(ruleset, answers).map((s) => s.replace('state:wizard.', ''))).toEqual([
      'resume',
      'organisation',
      'purchase',
      'value',
      'supplier',
      'review',
      'recommendation',
    ]);
    const ideaburen = { ...answers, supplier: { kind: 'ideaburen' as const } };
    expect(wizardPath(ruleset, ideaburen)).toContain('state:wizard.partnership');
  });

  it('marks each rule held, failed or unknown from the engine’s trace, condition by condition', () => {
    const model = deriveDecisionTree(ruleset, { date: answers.decisionDate });
    const highlight = traceAnswers(model, ruleset, answers);
    expect(highlight.pathTransitions).toContain('t:wizard.supplier:NEXT:1:wizard.review');
    expect(highlight.verdicts.get('direct-award')).toBe('recommended');
    expect(highlight.recommended).toBe('direct-award');
    expect(highlight.rules.get('rule:direct-award.low-value')?.mark).toBe('held');
    expect(highlight.rules.get('rule:iop.ideaburen-partner')?.mark).toBe('failed');
    expect(highlight.rules.get('rule:iop.no-payment-for-service')?.mark).toBe('unknown');
    const annex2 = highlight.rules.get('rule:direct-award.annex2-below-threshold')!;
    expect(annex2.mark).toBe('failed');
    expect(Object.fromEntries(annex2.lines)).toMatchObject({ c: 'failed', 'c.0': 'held', 'c.1': 'failed', 'c.2': 'held' });
    // Obligations: shown, or not.
    expect(highlight.rules.get('rule:direct-award.documentation')?.mark).toBe('held');
    expect(highlight.rules.get('rule:direct-award.unlawful-risk')?.mark).toBe('failed');
  });

  it('draws the marks in words, not colour alone', () => {
    const model = deriveDecisionTree(ruleset, { date: answers.decisionDate });
    const layout = layoutDecisionTree(model, 'sv', traceAnswers(model, ruleset, answers));
    const text = (id: string) => layout.nodes.find((n) => n.id === id)!.lines.map((l) => l.text).join(' ');
    expect(text('rule:direct-award.low-value')).toContain('✓ För svaren: gäller');
    expect(text('rule:iop.ideaburen-partner')).toContain('✗ För svaren: gäller inte');
    expect(text('rule:iop.no-payment-for-service')).toContain('? För svaren: svar saknas');
    expect(text('verdict:direct-award:allowed')).toContain('Här hamnar svaren – och vägen rekommenderas');
    expect(text('state:wizard.partnership')).toContain('inte på svarens väg');
  });
});

describe('the layout', () => {
  it('ranks the states by the longest path along the forward transitions', () => {
    const model = deriveDecisionTree(ruleset);
    const rank = rankStates(model.states, model.transitions);
    expect(model.states.map((s) => rank.get(s.id))).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('places nodes without overlap, inside the picture', () => {
    const layout = layoutDecisionTree(deriveDecisionTree(ruleset, { date: '2026-11-22' }), 'sv', undefined, { followUps: true });
    for (const n of layout.nodes) {
      expect(n.x).toBeGreaterThanOrEqual(0);
      expect(n.y).toBeGreaterThanOrEqual(0);
      expect(n.x + n.w).toBeLessThanOrEqual(layout.width);
      expect(n.y + n.h).toBeLessThanOrEqual(layout.height);
    }
    for (let i = 0; i < layout.nodes.length; i++) {
      for (let j = i + 1; j < layout.nodes.length; j++) {
        const a = layout.nodes[i]!;
        const b = layout.nodes[j]!;
        const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
        expect(overlap, `${a.id} overlaps ${b.id}`).toBe(false);
      }
    }
  });

  it('wraps at spaces and never inside an amount', () => {
    expect(wrap('Uppskattat värde är under gränsen (700\u00a0000 kr)', 20)).toEqual(['Uppskattat värde är', 'under gränsen', '(700\u00a0000\u00a0kr)']);
    expect(wrap('högst gränsen (615\u00a0312 kr)', 16)).toEqual(['högst gränsen', '(615\u00a0312\u00a0kr)']);
    expect(wrap('ett ordsomärlängreänraden', 10)).toEqual(['ett', 'ordsomärl-', 'ängreänra-', 'den']);
  });
});
