import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { organisationIds, routeIds, type Answers, type RouteId } from './answers-schema';
import { evaluate, EvaluationError, missingFacts, weakest } from './evaluate';
import type { ComparisonTrace, Outcome } from './outcome';
import { loadRuleset, type Ruleset } from './ruleset';

// A tiny rule set built for these tests, so that each behaviour of the engine shows on its own.
type Tree = Record<string, unknown>;
const loc = (sv: string, en = sv) => ({ sv, en });
const law = (excerpt: string) => ({ document: 'law', excerpt });
const cmp = (fact: string, op: string, value: unknown) => ({ fact, op, value });

function rule(id: string, kind: string, extra: Tree): Tree {
  return {
    id,
    kind,
    title: loc(id),
    legalBasis: 'Lag 1 §',
    validFrom: '2020-01-01',
    status: 'verified',
    source: law('limit'),
    explanation: kind === 'ground' || kind === 'requirement' ? { held: loc('Ja.', 'Yes.'), failed: loc('Nej.', 'No.') } : { held: loc('Gör så.', 'Do so.') },
    ...extra,
  };
}

const routes: Record<RouteId, Tree[]> = {
  'direct-award': [
    rule('direct-award.low-value', 'ground', {
      condition: { fact: 'value.totalSek', op: 'lt', param: 'limit' },
      explanation: {
        held: loc('Värdet {fact:value.totalSek} understiger {param:limit}.', 'The value {fact:value.totalSek} is below {param:limit}.'),
        failed: loc('Värdet {fact:value.totalSek} understiger inte {param:limit}.', 'The value is not below {param:limit}.'),
      },
    }),
    rule('direct-award.document', 'obligation', { appliesWhen: cmp('value.totalSek', 'gte', 10) }),
    rule('direct-award.retired', 'obligation', { validTo: '2020-12-31' }),
    rule('direct-award.risk', 'caution', { onVerdicts: ['not-allowed'] }),
  ],
  'social-considerations': [rule('social-considerations.open', 'requirement', { condition: cmp('purchase.kind', 'in', ['goods', 'services', 'works']) })],
  'reserved-contract': [
    rule('reserved-contract.any-supplier', 'ground', { condition: cmp('supplier.kind', 'eq', 'any') }),
    rule('reserved-contract.share', 'ground', { condition: { fact: 'supplier.disadvantagedShare', op: 'gte', value: 0.3 }, status: 'secondary' }),
    rule('reserved-contract.goods-only', 'requirement', { condition: cmp('purchase.kind', 'eq', 'goods') }),
  ],
  iop: [
    rule('iop.either', 'requirement', { condition: { any: [cmp('partnership.ownInitiative', 'eq', true), cmp('partnership.ownContribution', 'eq', true)] } }),
    rule('iop.both', 'requirement', { condition: { all: [cmp('partnership.ownInitiative', 'eq', true), cmp('partnership.ownContribution', 'eq', true)] } }),
    rule('iop.not-initiative', 'requirement', { condition: { not: cmp('partnership.ownInitiative', 'eq', true) } }),
  ],
};

function tinyFiles(): Record<string, Tree> {
  const files: Record<string, Tree> = {
    'ruleset.yaml': {
      name: 'Tiny',
      version: '2026.01.1',
      lastReviewed: '2026-01-01',
      coversFrom: '2020-01-01',
      recommendation: [
        { id: 'recommend.iop', route: 'iop', rationale: loc('IOP.'), status: 'constructed', source: law('limit') },
        { id: 'recommend.direct-award', route: 'direct-award', rationale: loc('Under {param:limit}.'), status: 'verified', source: law('limit') },
        {
          id: 'recommend.reserved-contract',
          route: 'reserved-contract',
          when: cmp('supplier.kind', 'eq', 'social-enterprise'),
          rationale: loc('Reservera.'),
          status: 'verified',
          source: law('limit'),
        },
        { id: 'recommend.social-considerations', route: 'social-considerations', rationale: loc('Alltid öppen.'), status: 'verified', source: law('limit') },
      ],
    },
    'facts.yaml': {
      facts: [
        {
          path: 'purchase.kind',
          type: 'enum',
          options: [
            { value: 'goods', label: loc('varor', 'goods') },
            { value: 'services', label: loc('tjänster', 'services') },
            { value: 'works', label: loc('byggentreprenad', 'works') },
          ],
          label: loc('Vad som köps', 'What is bought'),
        },
        { path: 'value.totalSek', type: 'sek', label: loc('Värde', 'Value') },
        { path: 'supplier.kind', type: 'enum', label: loc('Leverantör', 'Supplier') },
        { path: 'supplier.disadvantagedShare', type: 'share', label: loc('Andel', 'Share') },
        { path: 'partnership.ownInitiative', type: 'boolean', label: loc('Eget initiativ', 'Own initiative') },
        { path: 'partnership.ownContribution', type: 'boolean', label: loc('Egna resurser', 'Own resources') },
      ],
    },
    'sources/law.yaml': {
      id: 'law',
      title: 'Lagen',
      issuer: 'Riksdagen',
      kind: 'law',
      adopted: null,
      validFrom: null,
      status: 'verified',
      excerpts: [
        { id: 'limit', section: '1 §', text: 'Gränsen är 100 kronor.' },
        { id: 'policy', section: 'Policy', text: 'Kommunen ska vara positiv.', status: 'unverified' },
      ],
    },
    'parameters/limit.yaml': {
      id: 'limit',
      label: loc('Gränsen', 'The limit'),
      unit: 'SEK',
      values: [
        { from: '2020-01-01', value: 100, status: 'verified', source: law('limit') },
        { from: '2022-01-01', value: 200, status: 'unverified', source: law('limit') },
      ],
    },
  };
  for (const route of routeIds) files[`routes/${route}.yaml`] = { route, name: loc(route), summary: loc(route), legalBasis: 'Lag', rules: routes[route] };
  // The five seed organisations as buyers, each with its own layer (rules/layers/), empty unless a test fills it.
  files['buyers/sweden.yaml'] = {
    source: law('limit'),
    validFrom: '2020-01-01',
    lan: [
      { code: '05', name: 'Östergötlands län', region: 'Region Östergötland', organisation: 'region-ostergotland' },
      { code: '07', name: 'Kronobergs län', region: 'Region Kronoberg' },
      { code: '18', name: 'Örebro län', region: 'Region Örebro län', organisation: 'region-orebro' },
    ],
    kommuner: [
      { code: '0583', name: 'Motala kommun', lan: '05', organisation: 'motala' },
      { code: '0781', name: 'Ljungby kommun', lan: '07', organisation: 'ljungby' },
      { code: '1814', name: 'Lekebergs kommun', lan: '18', organisation: 'lekeberg' },
    ],
  };
  for (const organisation of organisationIds.filter((o) => o !== 'other')) {
    files[`layers/${organisation}.yaml`] = {
      id: organisation,
      name: loc(`${organisation}: Policy`),
      kind: 'policy',
      owner: organisation,
      appliesTo: { buyers: [organisation] },
      version: '2020-01-01',
      validFrom: '2020-01-01',
      documents: ['law'],
      summary: loc('Policy.'),
      notes: [],
    };
  }
  const note = (id: string, route: string, extra: Tree = {}) => ({
    id: `overlay.ljungby.${id}`,
    route,
    kind: 'advice',
    validFrom: '2021-01-01',
    status: 'verified',
    source: law('policy'),
    text: loc(`Not ${id}.`),
    ...extra,
  });
  files['layers/ljungby.yaml']!.notes = [
    note('general-2021', 'general', { validTo: '2021-12-31' }),
    note('social-enterprise', 'direct-award', { appliesWhen: cmp('supplier.kind', 'eq', 'social-enterprise') }),
  ];
  return files;
}

function tinyRuleset(change: (files: Record<string, Tree>) => void = () => {}): Ruleset {
  const files = tinyFiles();
  change(files);
  return loadRuleset(Object.fromEntries(Object.entries(files).map(([name, tree]) => [name, stringify(tree)])));
}

const ruleset = tinyRuleset();
const judge = (answers: Partial<Answers>) => evaluate(ruleset, { organisation: 'other', decisionDate: '2022-06-01', ...answers } as Answers);
const route = (outcome: Outcome, id: RouteId) => outcome.routes.find((r) => r.route === id)!;
const ruleIds = (reasons: Array<{ ruleId: string }>) => reasons.map((r) => r.ruleId);
const traced = (outcome: Outcome, ruleId: string) => outcome.routes.flatMap((r) => r.trace).find((r) => r.ruleId === ruleId)!;

describe('the parameter value used is the one in force on the decision date', () => {
  const answers = { purchase: { kind: 'goods' as const }, value: { totalSek: 150 } };

  it('uses the old value on the day before a change', () => {
    const outcome = judge({ ...answers, decisionDate: '2021-12-31' });
    expect(route(outcome, 'direct-award').verdict).toBe('not-allowed');
    expect(outcome.parametersUsed).toEqual([expect.objectContaining({ id: 'limit', value: 100, from: '2020-01-01', status: 'verified' })]);
  });

  it('uses the new value from the day of the change', () => {
    const outcome = judge({ ...answers, decisionDate: '2022-01-01' });
    expect(route(outcome, 'direct-award').verdict).toBe('recommended');
    expect(outcome.parametersUsed).toEqual([expect.objectContaining({ id: 'limit', value: 200, from: '2022-01-01', status: 'unverified' })]);
  });

  it('shows the weakest status of the rule, its source and the parameters it reads beside the reason', () => {
    expect(route(judge({ ...answers, decisionDate: '2021-12-31' }), 'direct-award').reasons[0]!.status).toBe('verified');
    expect(route(judge({ ...answers, decisionDate: '2022-01-01' }), 'direct-award').reasons[0]!.status).toBe('unverified');
    expect(weakest('verified', 'secondary', 'constructed')).toBe('constructed');
    expect(weakest('constructed', 'unverified', 'secondary')).toBe('unverified');
  });

  it('refuses a decision date before the rule set covers, naming decisionDate', () => {
    const error = (() => {
      try {
        judge({ decisionDate: '2019-12-31' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(EvaluationError);
    expect(error).toMatchObject({ field: 'decisionDate', message: expect.stringContaining('before 2020-01-01') });
  });

  it('refuses a decision date after the last day a parameter it reads is known, naming the dates it covers', () => {
    const ended = tinyRuleset((f) => (f['parameters/limit.yaml']!.validTo = '2022-12-31'));
    expect(() => evaluate(ended, { organisation: 'other', decisionDate: '2023-01-01', value: { totalSek: 150 } })).toThrow(/is after 2022-12-31: rule set .* covers decisions from .* to 2022-12-31/);
    expect(() => evaluate(ended, { organisation: 'other', decisionDate: '2022-12-31', value: { totalSek: 150 } })).not.toThrow();
  });

  it('refuses to read a parameter before its first value rather than use a value not yet in force', () => {
    // The loader refuses a rule that would; a policy note's condition is not checked there.
    const early = tinyRuleset((f) => {
      f['parameters/later.yaml'] = { ...f['parameters/limit.yaml']!, id: 'later', values: [{ from: '2021-01-01', value: 300, status: 'verified', source: law('limit') }] };
      f['layers/motala.yaml']!.notes = [
        { id: 'overlay.motala.large', route: 'general', kind: 'advice', validFrom: '2020-01-01', status: 'verified', source: law('policy'), text: loc('Stort köp.'), appliesWhen: { fact: 'value.totalSek', op: 'gte', param: 'later' } },
      ];
    });
    const answers = { organisation: 'motala' as const, value: { totalSek: 500 } };
    expect(() => evaluate(early, { ...answers, decisionDate: '2020-12-31' })).toThrow(/later has no value before 2021-01-01/);
    expect(evaluate(early, { ...answers, decisionDate: '2021-01-01' }).policyNotes.map((n) => n.id)).toEqual(['overlay.motala.large']);
  });
});

describe('three-valued logic: a missing answer makes a comparison unknown', () => {
  // [ownInitiative, ownContribution] → [any, all, not(ownInitiative)]
  const table: Array<[boolean | undefined, boolean | undefined, string, string, string]> = [
    [true, true, 'held', 'held', 'failed'],
    [true, false, 'held', 'failed', 'failed'],
    [false, false, 'failed', 'failed', 'held'],
    [true, undefined, 'held', 'unknown', 'failed'],
    [false, undefined, 'unknown', 'failed', 'held'],
    [undefined, undefined, 'unknown', 'unknown', 'unknown'],
  ];
  it.each(table)('initiative %s and contribution %s: any is %s, all is %s, not is %s', (ownInitiative, ownContribution, any, all, not) => {
    const outcome = judge({ partnership: { ownInitiative, ownContribution } });
    expect([traced(outcome, 'iop.either').result, traced(outcome, 'iop.both').result, traced(outcome, 'iop.not-initiative').result]).toEqual([any, all, not]);
  });

  it('names as missing only the answers that could still decide an unknown condition', () => {
    const outcome = judge({ partnership: { ownInitiative: true } });
    expect(traced(outcome, 'iop.either').missing).toEqual([]);
    expect(traced(outcome, 'iop.both').missing).toEqual(['partnership.ownContribution']);
    expect(missingFacts(traced(outcome, 'iop.both').trace!)).toEqual(['partnership.ownContribution']);
  });

  it('says in both languages which answers are missing', () => {
    const reason = traced(judge({}), 'iop.both');
    expect(reason.result).toBe('unknown');
    expect(reason.explanation.sv).toBe('Kan inte avgöras ännu. Svar som saknas: Eget initiativ; Egna resurser.');
    expect(reason.explanation.en).toBe('Cannot be decided yet. Missing answers: Own initiative; Own resources.');
  });
});

describe('the verdict of a route', () => {
  it('is allowed when a ground holds, though another ground is still unknown', () => {
    const r = route(judge({ purchase: { kind: 'goods' }, supplier: { kind: 'any' } }), 'reserved-contract');
    expect(r.verdict).toBe('allowed');
    expect(ruleIds(r.reasons)).toEqual(['reserved-contract.any-supplier', 'reserved-contract.goods-only']);
  });

  it('is not-allowed when a requirement fails, though a ground holds', () => {
    const r = route(judge({ purchase: { kind: 'services' }, supplier: { kind: 'any' } }), 'reserved-contract');
    expect(r.verdict).toBe('not-allowed');
    expect(ruleIds(r.reasons)).toEqual(['reserved-contract.goods-only']);
  });

  it('is not-allowed when every ground fails, giving every ground as the reason', () => {
    const r = route(judge({ purchase: { kind: 'goods' }, supplier: { kind: 'social-enterprise', disadvantagedShare: 0.29 } }), 'reserved-contract');
    expect(r.verdict).toBe('not-allowed');
    expect(ruleIds(r.reasons)).toEqual(['reserved-contract.any-supplier', 'reserved-contract.share']);
  });

  it('is needs-info while no ground holds and one is unknown, naming the missing answer', () => {
    const r = route(judge({ purchase: { kind: 'goods' }, supplier: { kind: 'social-enterprise' } }), 'reserved-contract');
    expect(r.verdict).toBe('needs-info');
    expect(ruleIds(r.reasons)).toEqual(['reserved-contract.share']);
    expect(r.missing).toEqual(['supplier.disadvantagedShare']);
  });

  it('is allowed for a route with requirements only, when all of them hold', () => {
    expect(route(judge({ purchase: { kind: 'works' }, value: { totalSek: 50 } }), 'social-considerations').verdict).toBe('allowed');
  });

  it('ignores rules outside their dates', () => {
    const r = route(judge({ value: { totalSek: 50 }, decisionDate: '2020-06-01' }), 'direct-award');
    expect(ruleIds(r.obligations)).toContain('direct-award.retired');
    expect(ruleIds(route(judge({ value: { totalSek: 50 }, decisionDate: '2021-01-01' }), 'direct-award').obligations)).not.toContain('direct-award.retired');
  });
});

describe('obligations and cautions', () => {
  it('lists an obligation that applies, waits on one that needs an answer, and drops one that does not apply', () => {
    expect(ruleIds(route(judge({ value: { totalSek: 50 } }), 'direct-award').obligations)).toContain('direct-award.document');
    expect(ruleIds(route(judge({ value: { totalSek: 5 } }), 'direct-award').obligations)).not.toContain('direct-award.document');
    const waiting = route(judge({}), 'direct-award');
    expect(ruleIds(waiting.possibleObligations)).toEqual(['direct-award.document']);
    expect(waiting.possibleObligations[0]!.missing).toEqual(['value.totalSek']);
  });

  it('shows a caution only under the verdicts it names', () => {
    expect(ruleIds(route(judge({ value: { totalSek: 500 } }), 'direct-award').cautions)).toEqual(['direct-award.risk']);
    expect(route(judge({ value: { totalSek: 50 } }), 'direct-award').cautions).toEqual([]);
  });
});

describe('the recommendation', () => {
  it('is the first allowed route in the rule set order, whose verdict becomes recommended', () => {
    const outcome = judge({ purchase: { kind: 'goods' }, value: { totalSek: 50 }, supplier: { kind: 'social-enterprise', disadvantagedShare: 0.5 } });
    expect(outcome.recommendation).toMatchObject({ route: 'direct-award', ruleId: 'recommend.direct-award', status: 'verified' });
    expect(outcome.recommendation.rationale.sv).toBe('Under 200 kr.');
    expect(outcome.routes.map((r) => r.verdict)).toEqual(['recommended', 'allowed', 'allowed', 'needs-info']);
    expect(outcome.recommendation.couldChange).toEqual([{ route: 'iop', missing: ['partnership.ownInitiative', 'partnership.ownContribution'] }]);
  });

  it('skips an allowed route whose condition fails', () => {
    const outcome = judge({ purchase: { kind: 'goods' }, value: { totalSek: 500 }, supplier: { kind: 'any' } });
    expect(route(outcome, 'reserved-contract').verdict).toBe('allowed');
    expect(outcome.recommendation.route).toBe('social-considerations');
  });

  it('names the routes preferred before it that a missing answer could still open', () => {
    const outcome = judge({ purchase: { kind: 'goods' }, supplier: { kind: 'social-enterprise', disadvantagedShare: 0.5 }, partnership: { ownInitiative: false } });
    expect(outcome.recommendation.route).toBe('reserved-contract');
    expect(outcome.recommendation.couldChange).toEqual([{ route: 'direct-award', missing: ['value.totalSek'] }]);
  });

  it('is no route while none is allowed, with a rationale saying what to do', () => {
    const outcome = judge({});
    expect(outcome.recommendation.route).toBeNull();
    expect(outcome.recommendation.rationale.en).toBe('No route can be recommended yet: answer the missing questions.');
    expect(outcome.routes.some((r) => r.verdict === 'recommended')).toBe(false);
  });
});

describe('the trace: why and why not', () => {
  const outcome = judge({ purchase: { kind: 'goods' }, value: { totalSek: 150 } });
  const reason = route(outcome, 'direct-award').trace[0]!;

  it('holds every active ground and requirement with its result', () => {
    expect(route(outcome, 'reserved-contract').trace.map((r) => [r.ruleId, r.result])).toEqual([
      ['reserved-contract.any-supplier', 'unknown'],
      ['reserved-contract.share', 'unknown'],
      ['reserved-contract.goods-only', 'held'],
    ]);
  });

  it('shows each comparison with the answer, the parameter and its value, in words', () => {
    const comparison = reason.trace as ComparisonTrace;
    expect(comparison).toMatchObject({ kind: 'compare', fact: 'value.totalSek', op: 'lt', actual: 150, expected: 200, result: 'held' });
    expect(comparison.parameter).toMatchObject({ id: 'limit', value: 200, from: '2022-01-01' });
    expect(comparison.text.sv).toBe('Värde (150 kr) är under gränsen (200 kr)');
    expect(comparison.text.en).toBe('Value (SEK 150) is below the limit (SEK 200)');
  });

  it('fills the explanation with the answer and the value in force', () => {
    expect(reason.explanation).toEqual({ sv: 'Värdet 150 kr understiger 200 kr.', en: 'The value SEK 150 is below SEK 200.' });
  });

  it("fills the same texts with each decision's own answer and value in force, however many came before", () => {
    const earlier = route(judge({ purchase: { kind: 'goods' }, value: { totalSek: 90 }, decisionDate: '2021-06-01' }), 'direct-award').trace[0]!;
    const later = route(judge({ purchase: { kind: 'goods' }, value: { totalSek: 1234.5 } }), 'direct-award').trace[0]!;
    expect(earlier.explanation).toEqual({ sv: 'Värdet 90 kr understiger 100 kr.', en: 'The value SEK 90 is below SEK 100.' });
    expect(later.explanation).toEqual({ sv: 'Värdet 1\u00a0234,5 kr understiger inte 200 kr.', en: 'The value is not below SEK 200.' });
    expect((later.trace as ComparisonTrace).text).toEqual({ sv: 'Värde (1\u00a0234,5 kr) är under gränsen (200 kr)', en: 'Value (SEK 1,234.5) is below the limit (SEK 200)' });
  });

  it('cites the source excerpt with its section and text', () => {
    expect(reason.source).toMatchObject({ documentId: 'law', excerptId: 'limit', section: '1 §', text: 'Gränsen är 100 kronor.', textKind: 'quote' });
    expect(reason.legalBasis).toBe('Lag 1 §');
  });
});

describe("the organisation's policy notes", () => {
  const ljungby = (answers: Partial<Answers>) => judge({ organisation: 'ljungby', ...answers });

  it('are shown on the dates the policy applies, general notes beside the routes', () => {
    expect(ljungby({ decisionDate: '2021-12-31' }).policyNotes.map((n) => n.id)).toEqual(['overlay.ljungby.general-2021']);
    expect(ljungby({ decisionDate: '2022-01-01' }).policyNotes).toEqual([]);
    expect(ljungby({ decisionDate: '2020-12-31' }).policyNotes).toEqual([]);
  });

  it('are hidden where their condition fails and shown while it is unknown', () => {
    const notes = (answers: Partial<Answers>) => route(ljungby(answers), 'direct-award').policyNotes.map((n) => n.id);
    expect(notes({ supplier: { kind: 'social-enterprise' } })).toEqual(['overlay.ljungby.social-enterprise']);
    expect(notes({})).toEqual(['overlay.ljungby.social-enterprise']);
    expect(notes({ supplier: { kind: 'any' } })).toEqual([]);
  });

  it('carry the status of their source excerpt', () => {
    expect(route(ljungby({}), 'direct-award').policyNotes[0]!.status).toBe('unverified');
  });

  it('never change a verdict', () => {
    const answers = { purchase: { kind: 'goods' as const }, value: { totalSek: 50 }, supplier: { kind: 'social-enterprise' as const } };
    expect(ljungby(answers).routes.map((r) => r.verdict)).toEqual(judge(answers).routes.map((r) => r.verdict));
  });
});

describe('a value the law counts from its parts (LOU 5 kap.)', () => {
  const counting = tinyRuleset((files) => {
    const facts = (files['facts.yaml']!.facts as Tree[]);
    const total = facts.find((f) => f.path === 'value.totalSek')!;
    total.countedFromParts = {
      own: { perYear: 'value.annualSek', years: 'contract.years', words: loc('för detta köp', 'for this purchase') },
      added: [{ path: 'value.similarPurchasesSek', words: loc('för liknande köp', 'for similar purchases') }],
      source: law('limit'),
    };
  });
  const counted = (value: Answers['value'], contract?: Answers['contract']) =>
    evaluate(counting, { organisation: 'other', decisionDate: '2022-06-01', value, ...(contract ? { contract } : {}) } as Answers);

  it('judges the sum of the parts where it is larger than the value given, and every text quoting the value names them', () => {
    const outcome = counted({ totalSek: 150, annualSek: 150, similarPurchasesSek: 100 }, { years: 1 });
    expect(route(outcome, 'direct-award').verdict).toBe('not-allowed');
    expect(outcome.countedValues).toMatchObject([{ fact: 'value.totalSek', givenSek: 150, partsSek: 250, judgedSek: 250, basis: 'parts' }]);
    expect(route(outcome, 'direct-award').reasons[0]!.explanation.sv.replace(/\u00a0/g, ' ')).toMatch(/250 kr \(150 kr för detta köp \(.*\) och 100 kr för liknande köp/);
  });

  it('judges the value given where it is not below the sum of its parts', () => {
    const outcome = counted({ totalSek: 190, annualSek: 50, similarPurchasesSek: 40 }, { years: 2 });
    expect(route(outcome, 'direct-award').verdict).toBe('recommended');
    expect(outcome.countedValues).toMatchObject([{ givenSek: 190, partsSek: 140, judgedSek: 190, basis: 'given' }]);
  });

  it('takes a total given without a price per year as holding the similar purchases, as its question defines it', () => {
    expect(counted({ totalSek: 150, similarPurchasesSek: 100 }).countedValues).toMatchObject([{ givenSek: 150, partsSek: 150, judgedSek: 150, basis: 'given' }]);
    expect(counted({ totalSek: 80, similarPurchasesSek: 100 }).countedValues).toMatchObject([{ givenSek: 80, partsSek: 100, judgedSek: 100, basis: 'parts' }]);
  });

  it('counts nothing where no part is given, and nothing in a rule set whose fact is not counted so', () => {
    expect(counted({ totalSek: 150 }).countedValues).toEqual([]);
    expect(judge({ value: { totalSek: 150, similarPurchasesSek: 100 } }).countedValues).toEqual([]);
    expect(route(judge({ value: { totalSek: 150, similarPurchasesSek: 100 } }), 'direct-award').verdict).toBe('recommended');
  });
});

describe('a comparison with a carried-over figure whose own value is unread', () => {
  const carried = tinyRuleset((files) => {
    const band = (id: string, value: number) => ({ id, label: loc(id), unit: 'SEK', values: [{ from: '2022-01-01', value, status: 'constructed', source: law('limit') }] });
    files['parameters/limit-low.yaml'] = band('limit-low', 190);
    files['parameters/limit-high.yaml'] = band('limit-high', 210);
    const values = files['parameters/limit.yaml']!.values as Tree[];
    values[1]!.unreadWithin = { low: 'limit-low', high: 'limit-high', figure: loc('årets gräns', "this year's limit") };
  });
  const at = (totalSek: number) => evaluate(carried, { organisation: 'other', decisionDate: '2022-06-01', purchase: { kind: 'goods' }, value: { totalSek } } as Answers);

  it('is undecided inside the band, on both sides of the carried-over value, and the verdict names the figure', () => {
    for (const totalSek of [190, 199, 200, 209]) {
      const direct = route(at(totalSek), 'direct-award');
      expect(direct.verdict, `${totalSek}`).toBe('needs-info');
      expect(direct.missing).toEqual([]);
      expect(direct.unreadFigures).toEqual([{ parameter: 'limit', figure: loc('årets gräns', "this year's limit") }]);
      expect(direct.reasons[0]!.explanation.sv).toContain('årets gräns');
    }
  });

  it('is decided outside the band, and the band is not listed among the parameters used', () => {
    expect(route(at(189), 'direct-award').verdict).toBe('recommended');
    expect(route(at(210), 'direct-award').verdict).toBe('not-allowed');
    expect(at(200).parametersUsed.map((p) => p.id)).not.toContain('limit-low');
  });

  it('refuses a band that names no parameter', () => {
    expect(() =>
      tinyRuleset((files) => {
        ((files['parameters/limit.yaml']!.values as Tree[])[1]!).unreadWithin = { low: 'nowhere', high: 'nowhere', figure: loc('x') };
      }),
    ).toThrow(/nowhere/);
  });
});

describe('the outcome as a whole', () => {
  it('names the rule set version and hash, the date, the organisation and every missing answer once', () => {
    const outcome = judge({ purchase: { kind: 'goods' } });
    expect(outcome).toMatchObject({ rulesetVersion: '2026.01.1', rulesetHash: ruleset.hash, decisionDate: '2022-06-01', organisation: 'other' });
    expect(outcome.missing).toEqual([...new Set(outcome.routes.flatMap((r) => r.missing))]);
    expect(outcome.missing).toContain('value.totalSek');
  });

  it('is the same for the same answers every time', () => {
    const answers = { purchase: { kind: 'goods' as const }, value: { totalSek: 150 } };
    expect(JSON.stringify(judge(answers))).toBe(JSON.stringify(judge(answers)));
  });
});
