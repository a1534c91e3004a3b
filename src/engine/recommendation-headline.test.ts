import { describe, expect, it } from 'vitest';
import { nodeRuleset } from '../rules-data/node-ruleset';
import { evaluate } from './evaluate';

const ruleset = nodeRuleset();
const annex2 = (decisionDate: string, totalSek: number) =>
  evaluate(ruleset, { organisation: 'other', decisionDate, purchase: { kind: 'services', annex2Service: true }, value: { totalSek }, supplier: { kind: 'any' } }).recommendation;

describe('the headline of the recommendation', () => {
  it('quotes the bilaga 2 ground for a 6 MSEK bilaga 2 direct award, not the 700 000 kr limit, with the status of the SEK threshold it turns on', () => {
    const headline = annex2('2026-04-01', 6_000_000);
    expect(headline.ruleId).toBe('recommend.direct-award-annex2');
    expect(headline.rationale.sv).toMatch(/understiger tröskelvärdet för bilaga 2 \(8\s109\s450\skr\)/);
    expect(headline.source?.documentId).toBe('uhm-troskelvarden');
    expect(headline.source?.text).toContain('understiger gränsen');
    // The 2026–2027 SEK value is carried over unverified.
    expect(headline.status).toBe('unverified');
    expect(annex2('2025-04-01', 6_000_000).status).toBe('verified');
  });

  it('keeps the low-value headline below 700 000 kr, quoting the primary table rather than SOU 2025:96', () => {
    const headline = annex2('2026-04-01', 500_000);
    expect(headline.ruleId).toBe('recommend.direct-award');
    expect(headline.source?.documentId).toBe('uhm-troskelvarden');
  });
});
