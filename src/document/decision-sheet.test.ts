import { describe, expect, it } from 'vitest';
import type { Answers } from '../engine/answers-schema';
import { buyerName } from '../engine/buyers';
import { evaluate } from '../engine/evaluate';
import { cleaning, cleaningDraft, cleaningSheet, furniture, furnitureSheet, ruleset, savedRecord } from '../../tests/fixtures/decisions';
import { buildDecision } from '../guide/decision';
import { createVisibleFields } from '../guide/relevance';
import { decisionToMarkdown } from './decision-markdown';
import { buildDecisionSheet, limitsThatBear, receiptShortForm, recordedAtText } from './decision-sheet';
import { sheetForDecision, sheetForRecord } from './sheet-for';

describe('the decision sheet: page 1 says what was decided', () => {
  it('names the organisation, the purchase, the value with its sum, the chosen route with its verdict and the recommendation', () => {
    expect(cleaningSheet.organisation).toBe('Ljungby kommun');
    expect(cleaningSheet.purchase).toBe('Lokalvård i förskolor (tjänster)');
    expect(cleaningSheet.value).toBe('450\u00a0000 kr exklusive moms (225\u00a0000 kr per år × 2 år)');
    expect(cleaningSheet.chosen).toEqual({
      route: 'direct-award',
      name: 'Direktupphandling',
      verdict: 'recommended',
      verdictLabel: 'Rekommenderas',
      judgedBecause: null,
      grounds: [expect.stringMatching(/^Lågt värde \(under direktupphandlingsgränsen\) – LOU 19 a kap\. 3 §/)],
    });
    expect(cleaningSheet.recommendation.route).toBe('direct-award');
    expect(cleaningSheet.deviationFlag).toBeNull();
    expect(cleaningSheet.justification).toBe('Under direktupphandlingsgränsen; tre offerter begärs.');
    expect(cleaningSheet.ruleset).toEqual({ version: ruleset.version, hash: ruleset.hash });
    expect(cleaningSheet.record).toBeNull();
    expect(cleaningSheet.printedAt).toBe('2026-11-22 10:05 svensk tid');
  });

  it('flags a route other than the recommended one, and one judged not allowed, on its first line', () => {
    expect(furnitureSheet.deviationFlag).toBe('Avviker från rekommendationen: vald väg är tillåten men inte den rekommenderade');
    expect(furnitureSheet.deviationReason).toBe('Vi vill ställa sociala krav.');
    const iop = sheetForDecision(ruleset, { ...furniture, chosenRoute: 'iop', draft: { ...furniture.draft, decision: { ...furniture.draft.decision, chosenRoute: 'iop' } } }, 'sv');
    expect(iop.chosen?.verdict).toBe('not-allowed');
    expect(iop.deviationFlag).toBe('Avviker: vald väg bedömd som inte tillåten');
  });

  it('carries the register number, who saved it, and a receipt once the register issues one', () => {
    expect(furnitureSheet.record).toMatchObject({ number: 4, savedBy: 'anna (upphandlare)', receipt: null });
    expect(furnitureSheet.decidedBy).toBeNull();
    const withReceipt = sheetForDecision(ruleset, furniture, 'sv', { ...savedRecord, receipt: { leafHash: 'c'.repeat(64), treeSize: 12 } });
    expect(withReceipt.record?.receipt).toBe(`leafHash ${'c'.repeat(16)}…, treeSize 12`);
    expect(receiptShortForm('kvitto 12/abc')).toBe('kvitto 12/abc');
    expect(receiptShortForm(undefined)).toBeNull();
    // The register's receipt prints as its own short form, not every hash of its proof.
    const included = { status: 'included', recordId: 4, index: 3, leafHash: 'c'.repeat(64), treeSize: 12, rootHash: 'q0X3n1Lm6pZ8i7c5E1YyS0l2mHnHj3Vb4G9r8wqXc0A=', checkpointTime: '2026-12-01T14:00:00Z', checkpoint: 'note', inclusionProof: ['d'.repeat(64)] };
    expect(receiptShortForm(included)).toBe(`nr 4 · löv ${'c'.repeat(16)} · kontrollpunkt 12 poster, rot ab45f79f52e6ea96, 2026-12-01T14:00:00Z`);
  });

  it('says on page 1 in plain words and Swedish time what the receipt proves, and keeps its technical line for the appendix', () => {
    const included = { status: 'included', recordId: 4, index: 3, leafHash: 'c'.repeat(64), treeSize: 12, rootHash: 'q0X3n1Lm6pZ8i7c5E1YyS0l2mHnHj3Vb4G9r8wqXc0A=', checkpointTime: '2026-12-01T14:00:00Z', checkpoint: 'note', inclusionProof: ['d'.repeat(64)] };
    const record = sheetForDecision(ruleset, furniture, 'sv', { ...savedRecord, receipt: included }).record!;
    expect(record.receipt).toBe(
      'Kvittot visar att beslut nr 4 finns oförändrat i beslutsregistret, bekräftat med registrets signatur 2026-12-01 15:00 svensk tid. Spara det med beslutet: vid nästa granskning klistrar revisorn in det under Kontroll i beslutsregistret och ser om beslutet fortfarande är detsamma.',
    );
    expect(record.recordedAt).toBe('2026-11-22 11:00 svensk tid');
    for (const word of ['löv', 'kontrollpunkt', 'UTC', 'T14:00']) expect(record.receipt).not.toContain(word);
    expect(record.receiptDetail).toContain('kontrollpunkt 12 poster');
    expect(decisionToMarkdown(sheetForDecision(ruleset, furniture, 'sv', { ...savedRecord, receipt: included }))).toContain('### Kvittots tekniska uppgifter');
  });

  it('says on page 1, in one line with its rule, why Vägval judged a route chosen against its verdict so', () => {
    const iop = sheetForDecision(ruleset, { ...furniture, chosenRoute: 'iop' }, 'sv');
    const reasons = furniture.outcome!.routes.find((r) => r.route === 'iop')!.reasons;
    const deciding = reasons.find((r) => r.result !== 'held') ?? reasons[0]!;
    expect(iop.chosen?.judgedBecause).toMatch(new RegExp(`^${deciding.title.sv.replace(/[()]/g, '.')} – ${deciding.legalBasis.replace(/[().]/g, '.')}: `));
    expect(decisionToMarkdown(iop)).toContain(`- Varför Vägval bedömde vägen så: ${deciding.title.sv}`);
    expect(furnitureSheet.chosen?.judgedBecause).toBeNull();
  });

  it('keeps every answer given, also one a later answer made irrelevant, with its label and never a raw key', () => {
    // A common goal answered for a goods purchase from any supplier: no route needs it any more.
    expect(furnitureSheet.unasked).toEqual([{ path: 'partnership.commonGoal', label: 'Parterna har ett gemensamt formulerat allmännyttigt mål', value: 'ja' }]);
    expect(decisionToMarkdown(furnitureSheet)).toContain('#### Svar som gavs men inte längre behövdes för bedömningen\n\n- Parterna har ett gemensamt formulerat allmännyttigt mål: ja');
  });

  it("names the layer each note comes from and lists the buyer's layers with their versions, above the law", () => {
    expect(cleaningSheet.layers).toEqual([{ name: 'Ljungby kommun: Policy gällande sociala företag', owner: 'Ljungby kommun', version: '2023-03-01', shared: false }]);
    expect(cleaningSheet.policyNotes.length).toBeGreaterThan(0);
    expect(cleaningSheet.policyNotes.every((n) => n.layer === 'Ljungby kommun: Policy gällande sociala företag')).toBe(true);
    const goteneDraft = { ...cleaningDraft, answers: { ...cleaningDraft.answers, organisation: 'kommun-1471' as const } };
    const gotene = sheetForDecision(ruleset, buildDecision(ruleset, createVisibleFields(ruleset), goteneDraft), 'sv');
    expect(gotene.organisation).toBe('Götene kommun');
    expect(gotene.layers).toEqual([expect.objectContaining({ name: 'Riktlinjer för upphandling och inköp Västra Skaraborg (V6)', version: '2023-06-19', shared: true })]);
    expect(gotene.policyNotes.map((n) => n.layer)).toContain('Riktlinjer för upphandling och inköp Västra Skaraborg (V6)');
  });

  it('lists only the limits the verdicts read: not the works threshold for a services purchase', () => {
    const outcome = cleaning.outcome!;
    expect(outcome.parametersUsed.map((p) => p.id)).toContain('eu-threshold-works');
    const ids = cleaningSheet.limits.map((l) => l.id);
    expect(ids).toContain('direct-award-limit');
    expect(ids).not.toContain('eu-threshold-works');
    const read = new Set(outcome.routes.flatMap((r) => [...r.reasons, ...(r.route === 'direct-award' ? [...r.obligations, ...r.cautions] : [])]).flatMap((x) => x.parameters.map((p) => p.id)));
    expect(new Set(limitsThatBear(outcome, 'direct-award').map((p) => p.id))).toEqual(read);
  });

  it('keeps a quote and a summary apart, with the summary in Swedish for the Swedish reader', () => {
    const sources = cleaningSheet.routes.flatMap((r) => [...r.reasons, ...r.cautions]).map((r) => r.source);
    expect(sources.some((s) => s.kind === 'quote')).toBe(true);
    const cited = cleaning.outcome!.routes.flatMap((r) => [...r.reasons, ...r.cautions]).map((r) => r.source);
    const summary = cited.find((c) => c.textKind === 'summary' && c.textSv)!;
    expect(sources.find((s) => s.kind === 'summary' && s.title === summary.title)?.text).toBe(summary.textSv!.replace(/\s+/g, ' ').trim());
  });

  it('makes a saved record into the same document under the rule set it was decided with', () => {
    const answers = cleaning.answers as Answers;
    const outcome = evaluate(ruleset, answers);
    const record = {
      ...savedRecord,
      answers,
      rulesetVersion: '2026.01.1',
      rulesetHash: 'f'.repeat(64),
      verdicts: Object.fromEntries(outcome.routes.map((r) => [r.route, r.verdict])) as never,
      recommendedRoute: 'direct-award' as const,
      chosenRoute: 'direct-award' as const,
      justification: 'Under gränsen.',
      deviationReason: null,
      corrects: null,
      savedBy: { user: 'anna', role: 'procurer' as const },
      prevHash: '0'.repeat(64),
      supersededBy: null,
    };
    const sheet = sheetForRecord(ruleset, record, outcome, 'sv');
    expect(sheet.ruleset).toEqual({ version: '2026.01.1', hash: 'f'.repeat(64) });
    expect(sheet.record?.number).toBe(4);
    expect(sheet.justification).toBe('Under gränsen.');
    expect(sheet.answers.flatMap((s) => s.rows.map((r) => r.label))).toContain('Uppskattat värde över hela löptiden');
  });

  it('names any Swedish buyer, a kommun by its SCB code or a state agency', () => {
    const sheetFor = (organisation: string) =>
      sheetForDecision(ruleset, { ...cleaning, answers: { ...cleaning.answers, organisation: organisation as Answers['organisation'] } }, 'sv');
    expect(sheetFor('kommun-0180').organisation).toBe('Stockholms kommun');
    expect(sheetFor('state').organisation).toMatch(/myndighet/i);
  });

  it('writes English for the English reader', () => {
    const en = buildDecisionSheet({
      lang: 'en',
      ruleset: { version: ruleset.version, hash: ruleset.hash, organisationName: (id, lang) => buyerName(ruleset, id, lang) },
      answers: cleaning.answers,
      outcome: cleaning.outcome,
      rows: cleaning.rows,
      decision: {},
    });
    expect(en.title).toBe('Decision on the procurement route');
    expect(en.chosen?.verdictLabel).toBe('Recommended');
    expect(en.value).toMatch(/^SEK 450,000 excluding VAT/);
  });
});

describe('when the register saved the record, on page 1', () => {
  it('is Swedish time to the minute, in winter and in summer, not the stored UTC instant', () => {
    expect(recordedAtText('2026-11-22T10:00:00.000Z', 'sv')).toBe('2026-11-22 11:00 svensk tid');
    expect(recordedAtText('2026-07-22T23:30:00.000Z', 'sv')).toBe('2026-07-23 01:30 svensk tid');
    expect(recordedAtText('2026-11-22T10:00:00.000Z', 'en')).toBe('2026-11-22 11:00 Swedish time');
    expect(furnitureSheet.record?.recordedAt).toBe('2026-11-22 11:00 svensk tid');
  });
});
