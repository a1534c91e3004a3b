import { describe, expect, it } from 'vitest';
import { cleaningSheet, furniture, furnitureSheet, ruleset, savedRecord } from '../../../tests/fixtures/decisions';
import { sheetForDecision } from '../sheet-for';
import { pdfInfo, pdfText } from '../../../tests/support/pdf-text';
import { decisionPdfBuffer } from './pdf-buffer';
import { pdfText as pdfSafe } from './decision-pdf';

const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('the decision document as a PDF (react-pdf), read back with pdftotext', () => {
  it('says on page 1 what was decided, with å, ä and ö as selectable text', async () => {
    const pdf = await decisionPdfBuffer(furnitureSheet);
    const page1 = flat(pdfText(pdf, 1));
    for (const expected of [
      'Avviker från rekommendationen: vald väg är tillåten men inte den rekommenderade',
      'Beslut om upphandlingsväg',
      'Organisation Ljungby kommun',
      'Köp Kontorsmöbler (varor)',
      'Vald väg Upphandling enligt LOU med sociala hänsyn (Tillåten)',
      'Rättslig grund för vald väg',
      'Skäl att avvika Vi vill ställa sociala krav.',
      'Motivering Tre offerter jämfördes.',
      `${ruleset.version} ${ruleset.hash}`,
      'Nummer i beslutsregistret nr 4',
      'Diarienummer',
      'Underskrift',
      'Namnförtydligande',
      'Sida 1 av',
      'Utskrivet 2026-11-22 10:05',
      'Vägval ger stöd, inte juridisk rådgivning.',
    ]) {
      expect(page1).toContain(expected);
    }
    expect(page1).not.toContain('Bedömning av varje väg');
  });

  it('prints who decided and the diarienummer on page 1 in place of their blank lines, and keeps the lines to sign', async () => {
    const decided = { ...furniture, draft: { ...furniture.draft, decision: { ...furniture.draft.decision, decidedByName: 'Anna Svensson', decidedByTitle: 'upphandlingschef', diarienummer: 'KS 2026/123' } } };
    const page1 = flat(pdfText(await decisionPdfBuffer(sheetForDecision(ruleset, decided, 'sv', savedRecord, new Date(2026, 10, 22, 10, 5))), 1));
    expect(page1).toContain('Beslutat av Anna Svensson, upphandlingschef');
    expect(page1).toContain('Diarienummer KS 2026/123');
    for (const line of ['Underskrift', 'Namnförtydligande', 'Befattning', 'Ort och datum']) expect(page1).toContain(line);
    // Without them, each is a drawn line to fill in by hand: no text between the term and the next one.
    const blank = flat(pdfText(await decisionPdfBuffer(furnitureSheet), 1));
    expect(blank).toContain('Beslutat av Beslutsdatum 2026-11-22 Diarienummer Underskrift');
  });

  it('puts the reasons, sources and limits in the appendix, with the disclaimer and page number on every page', async () => {
    const pdf = await decisionPdfBuffer(cleaningSheet);
    const pages = Number(pdfInfo(pdf).Pages);
    expect(pages).toBeGreaterThanOrEqual(2);
    const appendix = flat(pdfText(pdf, 2, pages));
    expect(appendix).toContain('Bilaga: skäl, källor och gränsvärden');
    expect(appendix).toContain('Bedömning av varje väg');
    expect(appendix).toContain('Gränsvärden som bedömningen bygger på');
    expect(appendix).toContain('Sammanfattning:');
    for (const limit of cleaningSheet.limits) expect(appendix).toContain(flat(limit.label));
    for (let page = 1; page <= pages; page++) {
      const text = flat(pdfText(pdf, page));
      expect(text, `page ${page}`).toContain(`Sida ${page} av ${pages}`);
      expect(text, `page ${page}`).toContain('Vägval ger stöd, inte juridisk rådgivning.');
    }
  });

  it('names itself: title, subject, author, language sv-SE', async () => {
    const pdf = await decisionPdfBuffer(furnitureSheet);
    const info = pdfInfo(pdf);
    expect(info.Title).toBe('Beslut om upphandlingsväg: Ljungby kommun, 2026-11-22');
    expect(info.Subject).toBe('Vald väg: Upphandling enligt LOU med sociala hänsyn (Tillåten) · Nummer i beslutsregistret nr 4');
    expect(info.Keywords).toBe('Ljungby kommun, beslutsdatum 2026-11-22, nr 4, Upphandling enligt LOU med sociala hänsyn, LOU');
    expect(info.Author).toBe('anna (upphandlare)');
    expect(Buffer.from(pdf).toString('latin1')).toMatch(/\/Lang \(sv-SE\)/);
  });

  it('writes the few characters its font lacks the way a typist would, and keeps those it has', () => {
    expect(pdfSafe('IOP troligen inte möjligt → upphandling; ≤ 30 %')).toBe('IOP troligen inte möjligt -> upphandling; <= 30 %');
    expect(pdfSafe('−5 % · Čierna · Œuvre · Ŋ · α · ж')).toBe('−5 % · Čierna · Œuvre · Ŋ · α · ж');
  });

  it('draws Sámi, Greek and Cyrillic text with its embedded font, as selectable text', async () => {
    const text = 'Sámi: Ŋ ŧ đ č š ž á. Ελληνικά. Кириллица. Ørsted Æble.';
    const sheet = sheetForDecision(ruleset, { ...furniture, draft: { ...furniture.draft, decision: { ...furniture.draft.decision, justification: text } } }, 'sv');
    const pdf = await decisionPdfBuffer(sheet);
    expect(flat(pdfText(pdf, 1))).toContain(text);
    expect(Buffer.from(pdf).toString('latin1')).toMatch(/\/FontFile2/);
  });
});
