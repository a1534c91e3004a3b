import { describe, expect, it } from 'vitest';
import { nodeRuleset } from '../rules-data/node-ruleset';
import { answersSchema } from './answers-schema';
import { buyerName, canonicalOrganisation, findBuyer, listBuyers } from './buyers';
import { evaluate, EvaluationError } from './evaluate';
import { withIdentity } from './ruleset';
import { storedBeforeLayers } from '../../tests/fixtures/stored-ruleset';

const ruleset = nodeRuleset();
const buyers = listBuyers(ruleset);

describe('the buyers a procurer can choose', () => {
  it('are the 290 kommuner and 21 regions by SCB code, the state agencies with a layer, any other state agency and "other"', () => {
    expect(buyers.filter((b) => b.kind === 'kommun')).toHaveLength(290);
    expect(buyers.filter((b) => b.kind === 'region')).toHaveLength(21);
    expect(buyers.filter((b) => b.kind === 'state').map((b) => b.id)).toEqual(['myndighet-lunds-universitet', 'state']);
    expect(buyers.filter((b) => b.kind === 'other').map((b) => b.id)).toEqual(['other']);
    expect(new Set(buyers.map((b) => b.id)).size).toBe(buyers.length);
  });

  it('name the five seed organisations by their own ids, in their län', () => {
    expect(findBuyer(ruleset, 'ljungby')).toMatchObject({ code: '0781', kind: 'kommun', lan: { code: '07', name: 'Kronobergs län' }, overlay: 'ljungby' });
    expect(findBuyer(ruleset, 'motala')).toMatchObject({ code: '0583', lan: { name: 'Östergötlands län' } });
    expect(findBuyer(ruleset, 'lekeberg')).toMatchObject({ code: '1814', lan: { name: 'Örebro län' } });
    expect(findBuyer(ruleset, 'region-orebro')).toMatchObject({ code: '18', kind: 'region', name: 'Region Örebro län' });
    expect(findBuyer(ruleset, 'region-ostergotland')).toMatchObject({ code: '05', kind: 'region', name: 'Region Östergötland' });
    // Their SCB codes name the same buyer, under its own id (canonicalOrganisation).
    expect(findBuyer(ruleset, 'kommun-0781')).toMatchObject({ id: 'ljungby', overlay: 'ljungby' });
    expect(canonicalOrganisation(ruleset, 'region-18')).toBe('region-orebro');
    expect(canonicalOrganisation(ruleset, 'kommun-0780')).toBe('kommun-0780');
  });

  it('give every kommun and region the municipal thresholds, a state agency the central ones, and leave "other" to ask', () => {
    expect(findBuyer(ruleset, 'kommun-0780')).toMatchObject({ name: 'Växjö kommun', authorityKind: 'municipal', overlay: null });
    expect(findBuyer(ruleset, 'region-14')).toMatchObject({ name: 'Västra Götalandsregionen', authorityKind: 'municipal' });
    expect(findBuyer(ruleset, 'state')?.authorityKind).toBe('state');
    expect(findBuyer(ruleset, 'other')?.authorityKind).toBeNull();
    expect(buyerName(ruleset, 'state', 'en')).toBe('State agency');
    expect([buyerName(ruleset, 'other', 'sv'), buyerName(ruleset, 'other', 'en')]).toEqual(['Annan organisation', 'Other organisation']);
  });
});

describe('a buyer without a loaded policy', () => {
  const answers = answersSchema.parse({ organisation: 'kommun-0780', decisionDate: '2026-11-20', purchase: { kind: 'services' }, value: { totalSek: 300000 } });

  it('is judged by national law alone, with no policy notes', () => {
    const outcome = evaluate(ruleset, answers);
    expect(outcome.organisation).toBe('kommun-0780');
    expect(outcome.policyNotes).toEqual([]);
    expect(outcome.routes.flatMap((r) => r.policyNotes)).toEqual([]);
    expect(outcome.routes.find((r) => r.route === 'direct-award')?.verdict).toMatch(/recommended|allowed/);
  });

  it('is judged as a seed organisation without its policy would be: the same verdicts as "other"', () => {
    const other = evaluate(ruleset, { ...answers, organisation: 'other' });
    expect(evaluate(ruleset, answers).routes.map((r) => r.verdict)).toEqual(other.routes.map((r) => r.verdict));
  });

  it('must have a code that is in the list: an unknown kommunkod is refused, naming the organisation', () => {
    const unknown = { ...answers, organisation: 'kommun-0999' as const };
    expect(() => evaluate(ruleset, unknown)).toThrow(EvaluationError);
    try {
      evaluate(ruleset, unknown);
    } catch (error) {
      expect((error as EvaluationError).field).toBe('organisation');
    }
  });

  it('is refused by the answers contract when it is not a kommun, region or state id', () => {
    expect(answersSchema.safeParse({ ...answers, organisation: 'vaxjo' }).success).toBe(false);
    expect(answersSchema.safeParse({ ...answers, organisation: 'kommun-780' }).success).toBe(false);
    expect(answersSchema.safeParse({ ...answers, organisation: 'region-07' }).success).toBe(true);
  });
});

describe('a rule set stored before the buyers list existed', () => {
  it('keeps its hash and still knows its five organisations by their policies', () => {
    const { buyers: _buyers, version: _v, hash: _h, ...old } = storedBeforeLayers(ruleset);
    const stored = withIdentity(old);
    expect(stored.hash).not.toBe(ruleset.hash);
    expect(findBuyer(stored, 'ljungby')).toMatchObject({ name: 'Ljungby kommun', overlay: 'ljungby' });
    expect(findBuyer(stored, 'kommun-0780')).toBeUndefined();
    expect(evaluate(stored, { organisation: 'ljungby', decisionDate: '2026-11-20' }).policyNotes.length).toBeGreaterThan(0);
  });
});
