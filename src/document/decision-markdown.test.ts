import { describe, expect, it } from 'vitest';
import { cleaning, cleaningSheet, furnitureSheet, ruleset } from '../../tests/fixtures/decisions';
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
