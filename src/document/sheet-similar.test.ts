import { describe, expect, it } from 'vitest';
import { incompleteWords } from '../guide/similar-purchase-words';
import { cleaningDraft, ruleset } from '../../tests/fixtures/decisions';
import { buildDecision } from '../guide/decision';
import type { Draft } from '../guide/draft';
import { createVisibleFields } from '../guide/relevance';
import type { SimilarCheck } from '../shared/similar-check';
import { decisionToMarkdown } from './decision-markdown';
import { sheetForDecision } from './sheet-for';

const answers: Draft['answers'] = {
  ...cleaningDraft.answers,
  value: { annualSek: 225_000, similarPurchasesSek: 100_000, totalSek: 550_000 },
  supplier: { ...cleaningDraft.answers.supplier, name: 'Städkooperativet Glimten', orgNumber: '556012-5790' },
};
const lookup = { organisation: 'ljungby', decisionDate: '2026-11-22', orgNumber: '556012-5790', supplierName: 'Städkooperativet Glimten' } as const;
const found = (id: number, choice: Extract<SimilarCheck, { status: 'checked' }>['found'][number]['choice']) => ({
  id, decisionDate: '2026-05-04', description: 'Lokalvård, våren', supplier: 'Städkooperativet Glimten, 556012-5790', valueSek: 100_000, route: 'direct-award' as const, match: ['orgNumber' as const], choice,
});
const sheetWith = (check: SimilarCheck | undefined, lang: 'sv' | 'en' = 'sv') =>
  sheetForDecision(ruleset, buildDecision(ruleset, createVisibleFields(ruleset), { ...cleaningDraft, answers, wizard: check ? { similarCheck: check } : {} }), lang, null, new Date(2026, 10, 22, 10, 5));

describe('the similar purchases in the decision document (LOU 5 kap.)', () => {
  const checked: SimilarCheck = {
    status: 'checked',
    lookup,
    checkedAt: '2026-11-22T10:00:00.000Z',
    window: { from: '2025-11-22', to: '2027-11-22' },
    found: [found(4, { add: true }), found(7, { add: false, reason: 'other', note: 'Annan förvaltning, annat behov' })],
  };

  it('says on page 1 what was added to the value and why the rest was not, and lists each in the appendix', () => {
    const sheet = sheetWith(checked);
    expect(sheet.similar?.summary).toBe('2 liknande direktupphandlingar i beslutsregistret 2025-11-22 – 2027-11-22: tillagt i värdet: nr 4 (100\u00a0000 kr); nr 7 inte tillagt: annat skäl – Annan förvaltning, annat behov.');
    const md = decisionToMarkdown(sheet);
    const page1 = md.slice(0, md.indexOf('## Bilaga'));
    expect(page1).toContain(`- Liknande köp (LOU 5 kap.): ${sheet.similar!.summary}`);
    const appendix = md.slice(md.indexOf('### Liknande köp (LOU 5 kap.)'));
    expect(appendix).toContain('- **nr 4, 2026-05-04: Lokalvård, våren** (Städkooperativet Glimten, 556012-5790; 100\u00a0000 kr; Direktupphandling; samma organisationsnummer): tillagt i det uppskattade värdet');
    expect(appendix).toContain('nr 7, 2026-05-04');
    // The sources on valuing similar purchases: Upphandlingsmyndigheten's answer and Konkurrensverket's page, quoted.
    expect(appendix).toContain('> Räkna också ihop alla upphandlingar av liknande kontrakt');
    expect(appendix).toContain('5 kap. även gäller vid direktupphandlingar');
  });

  it('records "kunde inte kontrolleras" with the reason when the register could not be asked', () => {
    const sheet = sheetWith({ status: 'unchecked', lookup, checkedAt: '2026-11-22T10:00:00.000Z', reason: 'offline', detail: 'the server could not be reached' });
    expect(sheet.similar).toMatchObject({ status: 'unchecked', summary: 'Kunde inte kontrolleras: beslutsregistret gick inte att nå (ingen förbindelse med servern).', detail: 'the server could not be reached' });
    expect(decisionToMarkdown(sheet)).toContain('Kontrollerat: 2026-11-22 11:00 svensk tid. Registrets svar: the server could not be reached');
    expect(sheetWith({ status: 'unchecked', lookup, checkedAt: '2026-11-22T10:00:00.000Z', reason: 'offline', detail: '' }, 'en').similar?.summary).toBe('Could not be checked: the decision register could not be reached (no connection to the server).');
  });

  it('says the search is not finished when no check was made for these answers', () => {
    expect(sheetWith(undefined).similar).toMatchObject({ status: 'pending', summary: 'Sökningen i beslutsregistret är inte klar.' });
  });
});

describe('a check the answers did not allow yet', () => {
  it('names only what is missing: with the CPV code given and no supplier, who supplies, not also what is bought', () => {
    const words = incompleteWords({ organisation: 'motala', decisionDate: '2026-11-22', purchase: { kind: 'services', cpvCode: '90911200-8' } });
    expect(words.sv).toBe('svaren säger ännu inte av vem (leverantörens namn eller organisationsnummer)');
    expect(incompleteWords({ organisation: 'motala', decisionDate: '2026-11-22', supplier: { kind: 'any', name: 'Glimten' } }).sv).toBe('svaren säger ännu inte vad som köps (CPV-kod eller beskrivning)');
  });
});
