import { describe, expect, it } from 'vitest';
import { ljungbyAnswers } from '../../tests/fixtures/answers';
import { decidedBySchema, decidedByText, decisionMakerFields, decisionMakerProblems, diarienummerSchema } from './decision-maker';
import { recordContentSchema, saveDecisionRequestSchema } from './decision-record';

const hash = 'a'.repeat(64);
const verdicts = { 'direct-award': 'recommended', 'social-considerations': 'allowed', 'reserved-contract': 'allowed', iop: 'not-allowed' } as const;
const oldContent = {
  answers: ljungbyAnswers,
  rulesetVersion: '2026.12.1',
  rulesetHash: hash,
  verdicts,
  recommendedRoute: 'direct-award',
  chosenRoute: 'direct-award',
  justification: 'Sparat innan fälten fanns.',
  deviationReason: null,
  corrects: null,
  savedBy: { user: 'upphandlare', role: 'procurer' },
  recordedAt: '2026-12-01T08:00:00.000Z',
};

describe('the decision maker and the diarienummer', () => {
  it('are read trimmed, one line each, within their limits', () => {
    expect(decidedBySchema.parse({ name: ' Anna Svensson ', title: 'upphandlingschef ' })).toEqual({ name: 'Anna Svensson', title: 'upphandlingschef' });
    expect(diarienummerSchema.parse(' KS 2026/123 ')).toBe('KS 2026/123');
    expect(diarienummerSchema.safeParse('K'.repeat(40)).success).toBe(true);
    expect(diarienummerSchema.safeParse('K'.repeat(41)).success).toBe(false);
    expect(diarienummerSchema.safeParse('KS 2026/1\n23').success).toBe(false);
    expect(decidedBySchema.safeParse({ name: 'Anna Svensson' }).success).toBe(false);
  });

  it('say in Swedish at the field what is wrong: too long, two lines, a name without a title or a title without a name', () => {
    expect(decisionMakerProblems({ diarienummer: 'K'.repeat(45) }).diarienummer?.sv).toBe('Diarienumret får vara högst 40 tecken – nu är det 45.');
    expect(decisionMakerProblems({ diarienummer: 'KS 1\nKS 2' }).diarienummer?.sv).toBe('Diarienumret ska stå på en rad, utan radbrytningar.');
    expect(decisionMakerProblems({ decidedByName: 'Anna Svensson' }).decidedByTitle?.sv).toMatch(/^Skriv beslutsfattarens befattning/);
    expect(decisionMakerProblems({ decidedByTitle: 'upphandlingschef' }).decidedByName?.sv).toMatch(/^Skriv namnet på den som fattade beslutet/);
    expect(decisionMakerProblems({})).toEqual({});
    expect(decisionMakerProblems({ decidedByName: 'Anna Svensson', decidedByTitle: 'upphandlingschef', diarienummer: 'KS 2026/123' })).toEqual({});
  });

  it('are filed only when valid, and printed as "name, title"', () => {
    expect(decisionMakerFields({ decidedByName: ' Anna Svensson ', decidedByTitle: 'upphandlingschef', diarienummer: ' ' })).toEqual({ decidedBy: { name: 'Anna Svensson', title: 'upphandlingschef' } });
    expect(decisionMakerFields({ decidedByName: 'Anna Svensson', diarienummer: 'K'.repeat(41) })).toEqual({});
    expect(decidedByText({ name: 'Anna Svensson', title: 'upphandlingschef' })).toBe('Anna Svensson, upphandlingschef');
  });

  it('belong to the save request and the record, and a record saved before they existed still reads', () => {
    expect(recordContentSchema.parse(oldContent)).not.toHaveProperty('decidedBy');
    const content = recordContentSchema.parse({ ...oldContent, decidedBy: { name: 'Anna Svensson', title: 'upphandlingschef' }, diarienummer: 'KS 2026/123' });
    expect(content).toMatchObject({ decidedBy: { name: 'Anna Svensson', title: 'upphandlingschef' }, diarienummer: 'KS 2026/123' });
    const request = { answers: ljungbyAnswers, rulesetHash: hash, verdicts, recommendedRoute: 'direct-award', chosenRoute: 'direct-award', justification: 'Skäl.' };
    expect(saveDecisionRequestSchema.safeParse({ ...request, diarienummer: 'KS 2026/123' }).success).toBe(true);
    const tooLong = saveDecisionRequestSchema.safeParse({ ...request, diarienummer: 'K'.repeat(41) });
    expect(tooLong.error?.issues.map((i) => i.path.join('.'))).toEqual(['diarienummer']);
  });
});
