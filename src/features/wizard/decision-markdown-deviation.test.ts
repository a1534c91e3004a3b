import { describe, expect, it } from 'vitest';
import { buildDecision } from '../../guide/decision';
import { emptyDraft, type Draft } from '../../guide/draft';
import { createVisibleFields } from '../../guide/relevance';
import { nodeRuleset } from '../../rules-data/node-ruleset';
import { decisionToMarkdown } from './decision-markdown';

const ruleset = nodeRuleset();
const visibleFields = createVisibleFields(ruleset);
/** Motala's "IOP" paying 150 kr per visitor, filed as IOP although the engine judged it not allowed. */
const draft: Draft = {
  ...emptyDraft(),
  answers: {
    organisation: 'motala',
    decisionDate: '2026-11-22',
    purchase: { kind: 'services', annex2Service: true, reservableServiceCode: false },
    value: { annualSek: 150_000, totalSek: 300_000 },
    contract: { years: 2 },
    supplier: { kind: 'ideaburen', mainPurposeIntegration: false },
    partnership: { paymentForService: true, ownInitiative: true, ownContribution: false, commonGoal: true, commercialMarket: false },
  },
  decision: { justification: 'Föreningen har drivit mötesplatsen i tio år.', chosenRoute: 'iop', acknowledgedVerdict: 'not-allowed', deviationReason: 'Politiskt beslut.' },
  step: 'recommendation',
  visited: ['organisation', 'purchase', 'value', 'supplier', 'partnership', 'review', 'recommendation'],
};

describe('the Markdown of a decision that deviates', () => {
  it('flags a route judged not allowed on its first lines', () => {
    const lines = decisionToMarkdown(ruleset, buildDecision(ruleset, visibleFields, draft), 'sv').split('\n');
    expect(lines.slice(0, 3)).toContain('**Avviker: vald väg bedömd som inte tillåten**');
    const en = decisionToMarkdown(ruleset, buildDecision(ruleset, visibleFields, draft), 'en');
    expect(en.split('\n').slice(0, 3)).toContain('**Deviates: the chosen route was judged not allowed**');
  });

  it('flags an allowed route other than the recommended one, and nothing for the recommended one', () => {
    const other = decisionToMarkdown(ruleset, buildDecision(ruleset, visibleFields, { ...draft, decision: { ...draft.decision, chosenRoute: 'social-considerations' } }), 'sv');
    expect(other.split('\n').slice(0, 3)).toContain('**Avviker från rekommendationen**');
    const same = decisionToMarkdown(ruleset, buildDecision(ruleset, visibleFields, { ...draft, decision: { ...draft.decision, chosenRoute: 'direct-award' } }), 'sv');
    expect(same).not.toMatch(/Avviker/);
  });

  it('lists an answer that became irrelevant by its label, apart from the judged ones', () => {
    const goods: Draft = { ...draft, answers: { ...draft.answers, purchase: { kind: 'goods' }, supplier: { kind: 'any' } } };
    const md = decisionToMarkdown(ruleset, buildDecision(ruleset, visibleFields, goods), 'sv');
    const section = md.split('### Svar på frågor som inte längre behövs (ingår inte i bedömningen)')[1]!.split('\n## ')[0]!;
    expect(section).toMatch(/- .+: ja/);
    expect(section).not.toMatch(/partnership\.|paymentForService/);
  });
});
