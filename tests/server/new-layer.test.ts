import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { decisionToMarkdown } from '../../src/document/decision-markdown';
import { sheetForDecision, sheetForRecord } from '../../src/document/sheet-for';
import { verdictsOf } from '../../src/engine/outcome';
import { loadRuleset, type Ruleset } from '../../src/engine/ruleset';
import { buildDecision } from '../../src/guide/decision';
import { emptyDraft, type Draft } from '../../src/guide/draft';
import { createVisibleFields } from '../../src/guide/relevance';
import { readRulesDir, rulesDir } from '../../src/rules-data/read-rules-dir';
import { startServer, type RunningServer } from '../../src/server/start-server';
import { decisionRecordSchema } from '../../src/shared/decision-record';
import { decisionTrailSchema, replaySchema } from '../../src/shared/decision-trail';
import { auditor, post, tempDir } from './fixtures';

// A layer added by the documented path (rules/README.md, "Layers": a source in sources/, a
// file in layers/), with nothing changed in src/, changes what the guide shows, the decision document and the
// register. The layer here is a test's own, for Växjö kommun; every step reads a copy of rules/ with the two files
// added, through the same loader the browser, server and CLI use.

const source = {
  id: 'test-vaxjo-riktlinje',
  title: 'Riktlinje för direktupphandling (testfil)',
  issuer: 'Växjö kommun',
  kind: 'guidance',
  adopted: '2025-05-01',
  validFrom: '2025-06-01',
  validTo: null,
  url: 'https://example.org/riktlinje',
  status: 'constructed',
  excerpts: [{ id: 'bands', section: 'Avsnitt 4', text: 'Under 100 000 kr tas minst en offert in; från 100 000 kr minst tre, och avdelningschefen godkänner.' }],
};
const layer = {
  id: 'test-vaxjo',
  name: { sv: 'Växjö kommuns riktlinje för direktupphandling, avsnitt 4', en: "Växjö's guidelines for direct awards, section 4" },
  kind: 'riktlinje',
  owner: 'Växjö kommun (kommunstyrelsen)',
  appliesTo: { buyers: ['kommun-0780'] },
  version: '2025-06-01',
  validFrom: '2025-06-01',
  documents: ['test-vaxjo-riktlinje'],
  summary: { sv: 'Offerter och godkännande efter belopp.', en: 'Quotes and approval by amount.' },
  bands: [
    {
      id: 'layer.test-vaxjo.three-quotes',
      route: 'direct-award',
      kind: 'quotes',
      fromSek: 100000,
      toSek: 700000,
      validFrom: '2025-06-01',
      status: 'constructed',
      source: { document: 'test-vaxjo-riktlinje', excerpt: 'bands' },
      text: { sv: 'Ta in minst tre offerter; avdelningschefen godkänner köpet.', en: 'Take at least three quotes; the head of department approves.' },
    },
  ],
};

let dir: string;
let withNewLayer: Ruleset;
let published: Ruleset;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vagval-rules-'));
  cpSync(rulesDir, dir, { recursive: true });
  writeFileSync(join(dir, 'sources', 'test-vaxjo-riktlinje.yaml'), stringify(source));
  writeFileSync(join(dir, 'layers', 'test-vaxjo.yaml'), stringify(layer));
  withNewLayer = loadRuleset(readRulesDir(dir));
  published = loadRuleset(readRulesDir());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const draft: Draft = {
  ...emptyDraft(),
  answers: {
    organisation: 'kommun-0780',
    decisionDate: '2026-11-20',
    purchase: { kind: 'goods', description: 'Kontorsmöbler', annex2Service: false },
    value: { totalSek: 250_000 },
    supplier: { kind: 'any' },
  },
  decision: { justification: 'Tre offerter jämfördes.' },
  step: 'recommendation',
  visited: ['organisation', 'purchase', 'value', 'supplier', 'review', 'recommendation'],
};
const decide = (ruleset: Ruleset) => buildDecision(ruleset, createVisibleFields(ruleset), draft);

describe('a new layer added as files in rules/, with nothing changed in src/', () => {
  it("shows in the guide: the direct-award route carries the band, naming the layer, and the verdicts stay the law's", () => {
    const after = decide(withNewLayer).outcome!;
    const before = decide(published).outcome!;
    const direct = after.routes.find((r) => r.route === 'direct-award')!;
    expect(direct.policyNotes.map((n) => [n.id, n.layer.name.sv])).toEqual([['layer.test-vaxjo.three-quotes', 'Växjö kommuns riktlinje för direktupphandling, avsnitt 4']]);
    expect(before.routes.flatMap((r) => r.policyNotes)).toEqual([]);
    expect(after.routes.map((r) => r.verdict)).toEqual(before.routes.map((r) => r.verdict));
  });

  it('shows in the decision document: the layer and its version among those applied, and the band under its name', () => {
    const sheet = sheetForDecision(withNewLayer, decide(withNewLayer), 'sv');
    expect(sheet.organisation).toBe('Växjö kommun');
    expect(sheet.layers).toEqual([{ name: 'Växjö kommuns riktlinje för direktupphandling, avsnitt 4', owner: 'Växjö kommun (kommunstyrelsen)', version: '2025-06-01', shared: false }]);
    const markdown = decisionToMarkdown(sheet);
    expect(markdown).toContain('Växjö kommuns riktlinje för direktupphandling, avsnitt 4 (Växjö kommun (kommunstyrelsen)), version 2025-06-01');
    expect(markdown).toContain('Ta in minst tre offerter; avdelningschefen godkänner köpet.');
    expect(decisionToMarkdown(sheetForDecision(published, decide(published), 'sv'))).not.toContain('Växjö kommuns riktlinje');
  });

  describe('in the register', () => {
    let data: ReturnType<typeof tempDir>;
    let server: RunningServer;
    let current: Ruleset;
    beforeAll(async () => {
      data = tempDir();
      current = withNewLayer;
      server = await startServer({ dataDir: data.path, port: 0, ruleset: () => current, log: () => {} });
    });
    afterAll(async () => {
      await server.close();
      data.remove();
    });

    it('keeps the layer version a decision was made under, and replays its removal like a rule change', async () => {
      const outcome = decide(withNewLayer).outcome!;
      const response = await post(`${server.url}/api/decisions`, {
        answers: draft.answers,
        rulesetHash: withNewLayer.hash,
        verdicts: verdictsOf(outcome),
        recommendedRoute: outcome.recommendation.route,
        chosenRoute: 'direct-award',
        justification: 'Tre offerter jämfördes.',
      });
      expect(response.status).toBe(201);
      const record = decisionRecordSchema.parse(await response.json());
      const trail = decisionTrailSchema.parse(await (await fetch(`${server.url}/api/decisions/${record.id}`, { headers: auditor })).json());
      expect(trail.outcome?.layers).toEqual([expect.objectContaining({ id: 'test-vaxjo', version: '2025-06-01' })]);
      expect(decisionToMarkdown(sheetForRecord(published, trail.record, trail.outcome, 'sv'))).toContain('Ta in minst tre offerter');

      current = published;
      const replay = replaySchema.parse(await (await fetch(`${server.url}/api/decisions/${record.id}/replay`, { headers: auditor })).json());
      expect(replay.layers).toEqual({ before: [expect.objectContaining({ id: 'test-vaxjo' })], after: [] });
      expect(replay.notes).toEqual([expect.objectContaining({ id: 'layer.test-vaxjo.three-quotes', change: 'removed', layer: expect.objectContaining({ sv: 'Växjö kommuns riktlinje för direktupphandling, avsnitt 4' }) })]);
      expect(replay.routes.every((r) => !r.changed)).toBe(true);
      expect(replay.anyDifference).toBe(true);
    });
  });
});
