import { describe, expect, it } from 'vitest';
import { cleaning, cleaningSheet, furniture, furnitureSheet, ruleset, savedRecord } from '../../tests/fixtures/decisions';
import { sheetForRecord } from './sheet-for';
import { decisionToMarkdown } from './decision-markdown';
import { sheetForDecision } from './sheet-for';

const md = decisionToMarkdown(furnitureSheet);
const before = (text: string, marker: string) => text.slice(0, text.indexOf(marker));

describe('the decision document as Markdown', () => {
  it('opens with the deviation and the decision, before the appendix', () => {
    expect(md.split('\n')[0]).toBe('# Beslut om upphandlingsväg');
    expect(md.split('\n')[2]).toBe('**Avviker från rekommendationen: vald väg är tillåten men inte den rekommenderade**');
    const page1 = before(md, '## Bilaga');
    for (const expected of ['Organisation: Ljungby kommun', 'Köp: Kontorsmöbler (varor)', '**Vald väg: Upphandling enligt LOU med sociala hänsyn (Tillåten)**', 'Skäl att avvika: Vi vill ställa sociala krav.', 'Motivering: Tre offerter jämfördes.', `Regelverk: ${ruleset.version} (${ruleset.hash})`, 'Nummer i beslutsregistret: nr 4', 'Diarienummer: ____', 'Underskrift: ____']) {
      expect(page1).toContain(expected);
    }
  });

  it('gives the legal ground of the chosen route on page 1: each ground that holds, with its legal basis', () => {
    const route = furniture.outcome!.routes.find((r) => r.route === 'social-considerations')!;
    const grounds = route.reasons.filter((r) => r.result === 'held');
    expect(grounds.length).toBeGreaterThan(0);
    const line = md.split('\n').find((l) => l.startsWith('- Rättslig grund för vald väg: '));
    expect(line).toBe(`- Rättslig grund för vald väg: ${grounds.map((r) => `${r.title.sv} – ${r.legalBasis}`).join('; ')}`);
    expect(before(md, '## ')).toContain(line);
    // A route judged not allowed rests on no ground: its first line says it deviates instead.
    const iop = decisionToMarkdown(sheetForDecision(ruleset, { ...furniture, chosenRoute: 'iop' }, 'sv'));
    expect(iop).not.toContain('Rättslig grund för vald väg');
  });

  it('names who decided and the diarienummer where they were given, in the guide and from a saved record', () => {
    const decided = { ...furniture, draft: { ...furniture.draft, decision: { ...furniture.draft.decision, decidedByName: 'Anna Svensson', decidedByTitle: 'upphandlingschef', diarienummer: 'KS 2026/123' } } };
    const fromGuide = decisionToMarkdown(sheetForDecision(ruleset, decided, 'sv', savedRecord));
    expect(fromGuide).toContain('- Beslutat av: Anna Svensson, upphandlingschef');
    expect(fromGuide).toContain('- Diarienummer: KS 2026/123');
    expect(fromGuide).toContain('Underskrift: ____');
    // A name without its title is not filed, and not printed either: the line stays blank.
    const halfway = { ...furniture, draft: { ...furniture.draft, decision: { ...furniture.draft.decision, decidedByName: 'Anna Svensson' } } };
    expect(decisionToMarkdown(sheetForDecision(ruleset, halfway, 'sv'))).toMatch(/- Beslutat av: _+/);
    const record = {
      ...savedRecord,
      savedBy: { user: 'anna', role: 'procurer' as const },
      answers: furniture.answers as never,
      rulesetVersion: ruleset.version,
      rulesetHash: ruleset.hash,
      verdicts: Object.fromEntries(furniture.outcome!.routes.map((r) => [r.route, r.verdict])) as never,
      recommendedRoute: furniture.outcome!.recommendation.route,
      chosenRoute: 'social-considerations' as const,
      justification: 'Tre offerter jämfördes.',
      deviationReason: 'Vi vill ställa sociala krav.',
      corrects: null,
      supersededBy: null,
      prevHash: '0'.repeat(64),
      decidedBy: { name: 'Per Holm', title: 'socialchef' },
      diarienummer: 'SN 2026/45',
    };
    const fromRecord = decisionToMarkdown(sheetForRecord(ruleset, record, furniture.outcome, 'sv'));
    expect(fromRecord).toContain('- Beslutat av: Per Holm, socialchef');
    expect(fromRecord).toContain('- Diarienummer: SN 2026/45');
  });

  it('quotes a source as a block quote and marks a summary "Sammanfattning:" outside one', () => {
    const text = decisionToMarkdown(cleaningSheet);
    const sources = cleaningSheet.routes.flatMap((r) => [...r.reasons, ...r.cautions]).map((r) => r.source);
    const quote = sources.find((s) => s.kind === 'quote')!;
    const summary = sources.find((s) => s.kind === 'summary')!;
    expect(text).toContain(`   > ${quote.text}`);
    expect(text).toContain(`   *Sammanfattning:* ${summary.text}`);
    expect(text).not.toContain(`> ${summary.text}`);
  });

  it('lists the limits that bear on the purchase, marking an unverified value "ej verifierad"', () => {
    const text = decisionToMarkdown(cleaningSheet);
    const limits = text.slice(text.indexOf('### Gränsvärden som bedömningen bygger på'), text.indexOf('### Svar'));
    for (const limit of cleaningSheet.limits) {
      const line = limits.split('\n').find((l) => l.startsWith(`- ${limit.label}: `)) ?? '';
      expect(line).toContain(`${limit.value}, gäller från ${limit.from}`);
      if (limit.statusWord) expect(line).toContain(`(${limit.statusWord})`);
    }
    const unused = cleaning.outcome!.parametersUsed.filter((p) => !cleaningSheet.limits.some((l) => l.id === p.id));
    expect(unused.length).toBeGreaterThan(0);
    for (const p of unused) expect(limits).not.toContain(p.label.sv);
  });

  it('is written in English for the English reader', () => {
    const en = decisionToMarkdown(sheetForDecision(ruleset, cleaning, 'en'));
    expect(en).toContain('# Decision on the procurement route');
    expect(en).toContain('## Appendix: reasons, sources and limits');
    expect(en).toMatch(/\*Summary:\* /);
  });
});
