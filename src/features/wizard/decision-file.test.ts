import { describe, expect, it } from 'vitest';
import { nodeRuleset } from '../../rules-data/node-ruleset';
import { buildDecision } from '../../guide/decision';
import { parseDecisionFile, toDecisionFile } from './decision-file';
import { decisionToMarkdown } from './decision-markdown';
import { emptyDraft, type Draft } from '../../guide/draft';
import { createVisibleFields } from '../../guide/relevance';

const ruleset = nodeRuleset();
const draft: Draft = {
  ...emptyDraft(),
  answers: {
    organisation: 'ljungby',
    decisionDate: '2026-11-22',
    purchase: { kind: 'goods', description: 'Kontorsmöbler' },
    value: { annualSek: 150_000, totalSek: 150_000 },
    contract: { years: 1 },
    supplier: { kind: 'any' },
    partnership: { commonGoal: true },
  },
  decision: { justification: 'Tre offerter jämfördes.', chosenRoute: 'social-considerations', deviationReason: 'Vi vill ställa sociala krav.' },
  step: 'recommendation',
  visited: ['organisation', 'purchase', 'value', 'supplier', 'review', 'recommendation'],
};
const decision = buildDecision(ruleset, createVisibleFields(ruleset), draft);

describe('the decision document and its files', () => {
  it('judges only the questions asked: the partnership answer of a non-idéburen supplier is left out', () => {
    expect(decision.answers.partnership).toBeUndefined();
    expect(decision.outcome?.recommendation.route).toBe('direct-award');
    expect(decision.rows.map((r) => r.path)).toContain('value.totalSek');
  });

  it('re-imports its own JSON export to the same draft', () => {
    const file = toDecisionFile(ruleset, decision, new Date('2026-11-22T10:00:00Z'));
    const result = parseDecisionFile(JSON.stringify(file));
    expect(result).toEqual({ ok: true, draft, rulesetVersion: ruleset.version });
  });

  it('refuses a file that is not JSON or not a Vägval file, in Swedish, naming where', () => {
    const notJson = parseDecisionFile('{nope');
    expect(notJson.ok).toBe(false);
    if (!notJson.ok) expect(notJson.error.sv).toMatch(/inte giltig JSON/);
    const wrong = parseDecisionFile(JSON.stringify({ ...toDecisionFile(ruleset, decision), draft: { ...draft, step: 'elsewhere' } }));
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.error.sv).toMatch(/draft\.step/);
  });

  it('writes Markdown with the organisation, every route, reasons quoting sources, and the decision with its deviation', () => {
    const md = decisionToMarkdown(ruleset, decision, 'sv');
    expect(md).toContain('# Beslutsunderlag: val av upphandlingsväg');
    expect(md).toContain('Ljungby kommun');
    for (const route of decision.outcome!.routes) expect(md).toContain(`### ${route.name.sv}:`);
    expect(md).toMatch(/> — Källa: /);
    expect(md).toContain('Skäl att avvika från rekommendationen: Vi vill ställa sociala krav.');
    expect(decisionToMarkdown(ruleset, decision, 'en')).toContain('# Decision document');
  });

  it('lists the limits the assessment rests on, marking a value the brief leaves unverified as "ej verifierad"', () => {
    const md = decisionToMarkdown(ruleset, decision, 'sv');
    const used = decision.outcome!.parametersUsed;
    const lineOf = (label: string) => md.split('\n').find((line) => line.startsWith(`- ${label}: `)) ?? '';
    expect(md).toContain('## Gränsvärden som bedömningen bygger på');
    const unverified = used.filter((p) => p.status === 'unverified');
    expect(unverified.length).toBeGreaterThan(0);
    for (const p of unverified) {
      expect(lineOf(p.label.sv)).toContain('(ej verifierad)');
      if (p.note) expect(lineOf(p.label.sv)).toContain(p.note.sv);
    }
    expect(unverified.some((p) => p.note?.sv.includes('tills det är kontrollerat'))).toBe(true);
    const verified = used.find((p) => p.status === 'verified');
    expect(verified).toBeDefined();
    expect(lineOf(verified!.label.sv)).toMatch(/kr, gäller från \d{4}-\d{2}-\d{2}/);
    expect(lineOf(verified!.label.sv)).not.toContain('(ej verifierad)');
  });

  it('quotes a summary in Swedish for the Swedish reader and in English for the English one', () => {
    const cited = decision.outcome!.routes.flatMap((r) => [...r.reasons, ...r.cautions, ...r.obligations].map((x) => x.source));
    const summary = cited.find((c) => c.textKind === 'summary');
    expect(summary?.textSv).toBeTruthy();
    const flat = (text: string) => text.replace(/\s+/g, ' ').trim();
    expect(decisionToMarkdown(ruleset, decision, 'sv')).toContain(flat(summary!.textSv!));
    expect(decisionToMarkdown(ruleset, decision, 'en')).toContain(flat(summary!.text));
  });
});
