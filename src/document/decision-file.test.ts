import { describe, expect, it } from 'vitest';
import { cleaning, cleaningSheet, furniture, furnitureDraft, ruleset } from '../../tests/fixtures/decisions';
import { parseDecisionFile, toDecisionFile } from './decision-file';
import type { DecisionSheet } from './decision-sheet';
import { decisionFileName, draftFileName } from './file-names';

describe('the JSON file of a draft and of a decision', () => {
  it('judges only the questions asked: the partnership answer of a non-idéburen supplier is left out', () => {
    expect(furniture.answers.partnership).toBeUndefined();
    expect(furniture.outcome?.recommendation.route).toBe('direct-award');
    expect(furniture.rows.map((r) => r.path)).toContain('value.totalSek');
  });

  it('re-imports its own export to the same draft, with or without the document in it', () => {
    const draftFile = toDecisionFile(ruleset, furniture, { now: new Date('2026-11-22T10:00:00Z') });
    expect(draftFile).not.toHaveProperty('document');
    expect(parseDecisionFile(JSON.stringify(draftFile))).toEqual({ ok: true, draft: furnitureDraft, rulesetVersion: ruleset.version });
    const decisionFile = toDecisionFile(ruleset, furniture, { sheet: cleaningSheet });
    expect(parseDecisionFile(JSON.stringify(decisionFile))).toEqual({ ok: true, draft: furnitureDraft, rulesetVersion: ruleset.version });
  });

  it('keeps in the decision JSON whether each source is quoted or summarised', () => {
    const file = JSON.parse(JSON.stringify(toDecisionFile(ruleset, cleaning, { sheet: cleaningSheet }))) as { document: DecisionSheet };
    const kinds = new Set(file.document.routes.flatMap((r) => [...r.reasons, ...r.cautions]).map((r) => r.source.kind));
    expect(kinds).toEqual(new Set(['quote', 'summary']));
    expect(file.document.chosen?.name).toBe('Direktupphandling');
  });

  it('refuses a file that is not JSON or not a Vägval file, in Swedish, naming where', () => {
    const notJson = parseDecisionFile('{nope');
    expect(notJson.ok).toBe(false);
    if (!notJson.ok) expect(notJson.error.sv).toMatch(/inte giltig JSON/);
    const wrong = parseDecisionFile(JSON.stringify({ ...toDecisionFile(ruleset, furniture), draft: { ...furnitureDraft, step: 'elsewhere' } }));
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.error.sv).toMatch(/draft\.step/);
  });

  it('names a draft and a decision differently, and the decision by its register number once saved', () => {
    expect(draftFileName(furnitureDraft)).toBe('vagval-utkast-ljungby-2026-11-22.json');
    expect(decisionFileName(furnitureDraft, 'json')).toBe('vagval-beslut-ljungby-2026-11-22.json');
    expect(decisionFileName(furnitureDraft, 'pdf', 4)).toBe('vagval-beslut-ljungby-2026-11-22-nr-4.pdf');
    expect(draftFileName({ answers: {} })).toBe('vagval-utkast-utan-organisation-utan-datum.json');
  });
});
