import { describe, expect, it } from 'vitest';
import type { Answers } from '../../../engine/answers-schema';
import { evaluate } from '../../../engine/evaluate';
import { nodeRuleset } from '../../../rules-data/node-ruleset';
import { applyWhatIf, diffOutcomes, inputText, limitsOnDate, parseWhatIfInput, runWhatIf, sideOf, valueScale } from './what-if';
import { ljungbyAnswers } from '../../../../tests/fixtures/answers';

const ruleset = nodeRuleset();
const base: Answers = ljungbyAnswers;
const verdictOf = (result: ReturnType<typeof runWhatIf>, route: string) => {
  if (!result.ok) throw new Error('expected a result');
  return result.diff.routes.find((r) => r.route === route)!;
};

describe('what-if: one answer changed, the verdicts compared', () => {
  it('raising the value over the direct-award limit closes direct award, naming the rule and the limit', () => {
    const result = runWhatIf(ruleset, base, { field: 'value.totalSek', value: 1_200_000 });
    const direct = verdictOf(result, 'direct-award');
    expect(direct.before).toBe('recommended');
    expect(direct.after).toBe('not-allowed');
    expect(direct.changed).toBe(true);
    // The low-value ground held before and fails after: it falls away as a reason for and appears as one against.
    expect(direct.disappeared.map((r) => [r.ruleId, r.result])).toContainEqual(['direct-award.low-value', 'held']);
    const lowValue = direct.appeared.find((r) => r.ruleId === 'direct-award.low-value')!;
    expect(lowValue.result).toBe('failed');
    expect(lowValue.explanation.sv).toContain('understiger inte direktupphandlingsgränsen');
    expect(lowValue.parameters.map((p) => [p.id, p.value])).toContainEqual(['direct-award-limit', 700000]);
    expect(lowValue.source.text.length).toBeGreaterThan(0);
    expect(direct.flipped).toContainEqual(expect.objectContaining({ ruleId: 'direct-award.low-value', before: 'held', after: 'failed' }));
    expect(direct.parameters.find((p) => p.id === 'direct-award-limit')).toMatchObject({ changed: false, after: { value: 700000 } });
    if (!result.ok) throw new Error('expected a result');
    expect(result.diff.changedRoutes).toContain('direct-award');
    expect(result.diff.recommendation).toMatchObject({ before: 'direct-award', changed: true });
    expect(result.answers.value?.totalSek).toBe(1_200_000);
  });

  it('a change within the same side of every limit changes no verdict and names no reason', () => {
    const result = runWhatIf(ruleset, base, { field: 'value.totalSek', value: 500_000 });
    if (!result.ok) throw new Error('expected a result');
    expect(result.diff.changedRoutes).toEqual([]);
    for (const route of result.diff.routes) {
      expect(route.appeared).toEqual([]);
      expect(route.disappeared).toEqual([]);
    }
  });

  it('moving the decision date before February 2022 reads the limit in force then', () => {
    // Before 2022 welfare services had their own limit: answered here, so that question does not hold the verdict open.
    const answers = { ...base, purchase: { ...base.purchase, welfareService: false }, value: { totalSek: 650_000 } };
    const result = runWhatIf(ruleset, answers, { field: 'decisionDate', value: '2021-06-01' });
    const direct = verdictOf(result, 'direct-award');
    expect(direct.before).toBe('recommended');
    expect(direct.after).toBe('not-allowed');
    const limit = direct.parameters.find((p) => p.id === 'direct-award-limit')!;
    expect(limit.changed).toBe(true);
    expect(limit.before?.value).toBe(700000);
    expect(limit.after).toMatchObject({ value: 615312, from: '2020-01-01' });
    // The rule in force changed too: the old ground replaces the new one.
    expect(direct.flipped.map((f) => [f.ruleId, f.before, f.after])).toEqual(
      expect.arrayContaining([
        ['direct-award.low-value', 'held', null],
        ['direct-award.low-value-until-2022', null, 'failed'],
      ]),
    );
  });

  it('lowering the disadvantaged share under 30 % closes the reserved contract', () => {
    const above = { ...base, value: { totalSek: 1_500_000 } };
    const result = runWhatIf(ruleset, above, { field: 'supplier.disadvantagedShare', value: 0.2 });
    const reserved = verdictOf(result, 'reserved-contract');
    expect(reserved.before).toBe('recommended');
    expect(reserved.after).toBe('not-allowed');
    expect(reserved.appeared.map((r) => r.ruleId)).toContain('reserved-contract.work-integration');
    expect(reserved.parameters.find((p) => p.id === 'reserved-share')?.after?.value).toBe(0.3);
  });

  it('answering that the social enterprise does not have integration as its main purpose closes the reservation when no sheltered-employment programme is required', () => {
    const above = { ...base, value: { totalSek: 1_500_000 }, contract: { ...base.contract, shelteredEmploymentProgramme: false } };
    const parsed = parseWhatIfInput(ruleset, 'supplier.mainPurposeIntegration', 'no');
    expect(parsed).toEqual({ ok: true, value: false });
    const result = runWhatIf(ruleset, above, { field: 'supplier.mainPurposeIntegration', value: false });
    expect(verdictOf(result, 'reserved-contract').after).toBe('not-allowed');
  });

  it('turning services into goods takes the bilaga 2 question out of play', () => {
    const result = runWhatIf(ruleset, base, { field: 'purchase.kind', value: 'goods' });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.answers.purchase?.kind).toBe('goods');
  });

  it('a date the rule set cannot judge is an error for the field, not a crash', () => {
    const result = runWhatIf(ruleset, base, { field: 'decisionDate', value: '2017-06-01' });
    expect(result).toMatchObject({ ok: false });
  });

  it('diffOutcomes of the same outcome changes nothing', () => {
    const outcome = evaluate(ruleset, base);
    const diff = diffOutcomes(outcome, outcome);
    expect(diff.changedRoutes).toEqual([]);
    expect(diff.routes.every((r) => r.flipped.length === 0 && r.parameters.every((p) => !p.changed))).toBe(true);
  });

  it('applyWhatIf changes one answer and leaves the rest', () => {
    const changed = applyWhatIf(base, { field: 'supplier.kind', value: 'ideaburen' });
    expect(changed.supplier).toEqual({ ...base.supplier, kind: 'ideaburen' });
    expect(changed.value).toBe(base.value);
    expect(base.supplier?.kind).toBe('social-enterprise');
  });

  it('a new total replaces the price per year and the options it was built from, so the lower value is what is judged', () => {
    const withParts: Answers = { ...base, value: { annualSek: 300_000, totalSek: 900_000, optionsSek: 50_000 }, contract: { years: 3 } };
    const changed = applyWhatIf(withParts, { field: 'value.totalSek', value: 600_000 });
    expect(changed.value).toEqual({ totalSek: 600_000 });
    expect(changed.contract).toEqual({ years: 3 });
    expect(verdictOf(runWhatIf(ruleset, withParts, { field: 'value.totalSek', value: 600_000 }), 'direct-award').after).toBe('recommended');
  });
});

describe('reading what the trainer types', () => {
  it('reads kronor with spaces, a share in per cent and a term with a decimal comma', () => {
    expect(parseWhatIfInput(ruleset, 'value.totalSek', '1 200 000 kr')).toEqual({ ok: true, value: 1_200_000 });
    expect(parseWhatIfInput(ruleset, 'value.totalSek', '1,5 mkr')).toEqual({ ok: true, value: 1_500_000 });
    expect(parseWhatIfInput(ruleset, 'supplier.disadvantagedShare', '25 %')).toEqual({ ok: true, value: 0.25 });
    expect(parseWhatIfInput(ruleset, 'contract.years', '2,5')).toEqual({ ok: true, value: 2.5 });
    expect(parseWhatIfInput(ruleset, 'decisionDate', '2024-03-01')).toEqual({ ok: true, value: '2024-03-01' });
    expect(parseWhatIfInput(ruleset, 'organisation', 'motala')).toEqual({ ok: true, value: 'motala' });
  });

  it('answers bad input with the guide’s Swedish messages', () => {
    const error = (field: Parameters<typeof parseWhatIfInput>[1], text: string) => {
      const parsed = parseWhatIfInput(ruleset, field, text);
      return parsed.ok ? null : parsed.error.sv;
    };
    expect(error('value.totalSek', 'tolv')).toBe('Ange ett belopp i kronor med siffror, till exempel 150 000.');
    expect(error('value.totalSek', '')).toBe('Ange värdet i kronor, till exempel 150 000.');
    expect(error('value.totalSek', '225.000')).toBe('Menade du 225\u00a0000 kr? Skriv 225 000. Menade du 225 kr, skriv 225.');
    expect(error('supplier.disadvantagedShare', '0,4')).toBe('Menade du 40 %? Skriv 40. Menade du 0,4 %, skriv 0,4 %.');
    expect(error('supplier.disadvantagedShare', '140')).toMatch(/mellan 0 och 100 procent/);
    expect(error('contract.years', '0')).toMatch(/större än 0/);
    expect(error('decisionDate', '2026-13-45')).toMatch(/^Datumet finns inte/);
    expect(error('decisionDate', '13/45/2026')).toMatch(/ÅÅÅÅ-MM-DD/);
    expect(error('decisionDate', '2010-01-01')).toBe(`Regelverket kan bara bedöma beslut från och med ${ruleset.manifest.coversFrom}.`);
    expect(error('supplier.kind', 'kommunen')).toBe('Välj ett alternativ.');
    expect(error('decisionDate', '2031-01-01')).toMatch(/till och med 2030-12-31/);
    expect(error('partnership.paymentForService', '')).toBe('Välj ett alternativ.');
  });

  it('shows the current answer as the input would take it', () => {
    expect(inputText(base, 'supplier.disadvantagedShare')).toBe('40');
    expect(inputText(base, 'value.totalSek')).toBe('450000');
    expect(inputText(base, 'decisionDate')).toBe('2026-11-22');
  });
});

describe('the limits on the value scale', () => {
  it('lists the limits the rules in force compare the value with, read from the parameters for that date', () => {
    const limits = limitsOnDate(ruleset, '2026-11-22');
    const byId = Object.fromEntries(limits.map((l) => [l.id, l]));
    expect(Object.keys(byId)).toEqual(
      expect.arrayContaining(['documentation-limit', 'direct-award-limit', 'eu-threshold-goods-services', 'eu-threshold-annex2', 'eu-threshold-works']),
    );
    expect(byId['direct-award-limit']).toMatchObject({ value: ruleset.parameters['direct-award-limit']!.values.at(-1)!.value, from: '2022-02-01', status: 'verified' });
    // The brief carries the 2024–2025 thresholds over into 2026 unverified.
    expect(byId['eu-threshold-goods-services']!.status).toBe('unverified');
    expect(limits.map((l) => l.value)).toEqual([...limits.map((l) => l.value)].sort((a, b) => a - b));
    expect(byId['welfare-direct-award-limit']).toBeUndefined();
  });

  it('follows the date: the older limits and the welfare limit in 2021', () => {
    const byId = Object.fromEntries(limitsOnDate(ruleset, '2021-06-01').map((l) => [l.id, l]));
    expect(byId['direct-award-limit']).toMatchObject({ value: 615312, from: '2020-01-01' });
    expect(byId['welfare-direct-award-limit']).toMatchObject({ value: 2156469 });
  });

  it('the slider scale reaches past the highest limit and maps values and positions both ways', () => {
    const limits = limitsOnDate(ruleset, '2026-11-22');
    const scale = valueScale(limits);
    expect(scale.max).toBeGreaterThanOrEqual(30_000_000);
    expect(scale.max).toBeGreaterThan(Math.max(...limits.map((l) => l.value)));
    expect(scale.toValue(0)).toBe(0);
    expect(scale.toValue(scale.steps)).toBe(scale.max);
    let previous = -1;
    for (let p = 0; p <= scale.steps; p += 50) {
      const v = scale.toValue(p);
      expect(v).toBeGreaterThan(previous);
      previous = v;
    }
    for (const limit of limits) {
      const position = scale.toPosition(limit.value);
      expect(Math.abs(scale.toValue(position) - limit.value) / limit.value).toBeLessThan(0.02);
    }
    expect(valueScale([]).max).toBe(30_000_000);
  });

  it('says on which side of a limit a value lies', () => {
    expect(sideOf(699_999, 700_000)).toBe('below');
    expect(sideOf(700_000, 700_000)).toBe('at');
    expect(sideOf(700_001, 700_000)).toBe('above');
  });
});
