import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { readRulesDir } from '../rules-data/read-rules-dir';
import { evaluate } from './evaluate';
import { layersFor } from './layers';
import { listBuyers } from './buyers';
import { loadRuleset, RulesetLoadError } from './ruleset';
import type { Outcome, PolicyNote } from './outcome';
import { storedBeforeLayers } from '../../tests/fixtures/stored-ruleset';

const rules = readRulesDir();

/** Götene's own layer, on top of the V6 riktlinje it shares with five other kommuner. */
const goteneOwn = {
  id: 'gotene-egen',
  name: { sv: 'Götene kommuns tillämpningsanvisning', en: "Götene's own instructions" },
  kind: 'riktlinje',
  owner: 'Götene kommun',
  appliesTo: { buyers: ['kommun-1471'] },
  version: '2024-01-01',
  validFrom: '2024-01-01',
  documents: ['v6-riktlinjer-upphandling-2023'],
  summary: { sv: 'Egen.', en: 'Own.' },
  bands: [
    {
      id: 'layer.gotene-egen.approval',
      route: 'direct-award',
      kind: 'approval',
      fromSek: 200000,
      toSek: 700000,
      validFrom: '2024-01-01',
      status: 'constructed',
      source: { document: 'v6-riktlinjer-upphandling-2023', excerpt: 'scope' },
      text: { sv: 'Förvaltningschefen godkänner.', en: 'The head of department approves.' },
    },
  ],
};
const withLayer = (layer: object, name = 'gotene-egen') => ({ ...rules, [`layers/${name}.yaml`]: stringify(layer) });
const answers = (organisation: string, totalSek: number, decisionDate = '2026-11-20') =>
  ({ organisation, decisionDate, purchase: { kind: 'goods' as const }, value: { totalSek }, supplier: { kind: 'any' as const } }) as Parameters<typeof evaluate>[1];

describe('a buyer with a shared layer and one of its own', () => {
  const ruleset = loadRuleset(withLayer(goteneOwn));

  it('gets the shared layer first and its own on top', () => {
    expect(layersFor(ruleset, 'kommun-1471', '2026-11-20').map((l) => [l.id, l.shared])).toEqual([
      ['vastra-skaraborg-v6', true],
      ['gotene-egen', false],
    ]);
    expect(layersFor(ruleset, 'kommun-1470', '2026-11-20').map((l) => l.id)).toEqual(['vastra-skaraborg-v6']);
  });

  it('shows every note with the layer that says it, in that order', () => {
    const route = evaluate(ruleset, answers('kommun-1471', 300000)).routes.find((r) => r.route === 'direct-award')!;
    expect(route.policyNotes.map((n) => [n.id, n.layer.name.sv])).toEqual([
      ['layer.vastra-skaraborg-v6.direct-award-chapter', 'Riktlinjer för upphandling och inköp Västra Skaraborg (V6)'],
      ['layer.gotene-egen.approval', 'Götene kommuns tillämpningsanvisning'],
    ]);
  });

  it('lists the layers and their versions it applied', () => {
    expect(evaluate(ruleset, answers('kommun-1471', 300000)).layers).toEqual([
      expect.objectContaining({ id: 'vastra-skaraborg-v6', version: '2023-06-19', shared: true }),
      expect.objectContaining({ id: 'gotene-egen', version: '2024-01-01', shared: false }),
    ]);
  });

  it('never changes a verdict: the routes are judged as for a kommun with no layer', () => {
    const plain = evaluate(ruleset, answers('kommun-0780', 300000));
    expect(evaluate(ruleset, answers('kommun-1471', 300000)).routes.map((r) => r.verdict)).toEqual(plain.routes.map((r) => r.verdict));
  });
});

describe('a layer naming a seed organisation by its kommunkod', () => {
  it('binds it by its kommunkod as well as by its own id, beneath its own policy', () => {
    const ruleset = loadRuleset(withLayer({ ...goteneOwn, appliesTo: { buyers: ['kommun-0781', 'kommun-0780'] }, bands: [] }));
    expect(layersFor(ruleset, 'ljungby', '2026-11-20').map((l) => [l.id, l.shared])).toEqual([
      ['gotene-egen', true],
      ['ljungby', false],
    ]);
  });
});

describe('a region plan for the kommuner of its län', () => {
  it('binds every kommun in the län and no other', () => {
    const plan = { ...goteneOwn, id: 'lan-plan', appliesTo: { lanKommuner: ['07'] }, bands: [] };
    const ruleset = loadRuleset(withLayer(plan, 'lan-plan'));
    expect(layersFor(ruleset, 'kommun-0780', '2026-11-20').map((l) => [l.id, l.shared])).toEqual([['lan-plan', true]]);
    expect(layersFor(ruleset, 'kommun-1471', '2026-11-20').map((l) => l.id)).toEqual(['vastra-skaraborg-v6']);
  });
});

describe("every kommun and region", () => {
  // One plan per län for its kommuner, as a region's plan would be where it says it binds them.
  const base = loadRuleset(rules);
  const lanCodes = base.buyers!.lan.map((l) => l.code);
  const plans = Object.fromEntries(
    lanCodes.map((code) => [`layers/lan-${code}.yaml`, stringify({ ...goteneOwn, id: `lan-${code}`, appliesTo: { lanKommuner: [code] }, bands: [] })]),
  );
  const ruleset = loadRuleset({ ...rules, ...plans });
  const kommuner = listBuyers(ruleset).filter((b) => b.kind === 'kommun');
  const regions = listBuyers(ruleset).filter((b) => b.kind === 'region');

  it('can be chosen and is judged by national law, with the same verdicts as a buyer with no layer', () => {
    expect(kommuner.length + regions.length).toBe(311);
    const plain = evaluate(base, answers('other', 300000)).routes.map((r) => r.verdict);
    const differ = [...kommuner, ...regions].filter((b) => JSON.stringify(evaluate(ruleset, answers(b.id, 300000)).routes.map((r) => r.verdict)) !== JSON.stringify(plain));
    expect(differ.map((b) => b.id)).toEqual([]);
  });

  it("gets its own län's shared layer, and no other län's, from the day it applies; a region gets none", () => {
    const wrong = kommuner.filter((k) => {
      const ids = layersFor(ruleset, k.id, '2026-11-20').map((l) => l.id).filter((id) => id.startsWith('lan-'));
      return ids.length !== 1 || ids[0] !== `lan-${k.lan!.code}` || layersFor(ruleset, k.id, '2023-12-31').some((l) => l.id.startsWith('lan-'));
    });
    expect(wrong.map((k) => k.id)).toEqual([]);
    expect(regions.filter((r) => layersFor(ruleset, r.id, '2026-11-20').some((l) => l.id.startsWith('lan-'))).map((r) => r.id)).toEqual([]);
  });
});

describe('a layer that tries to override the law', () => {
  const problems = (layer: object) => {
    try {
      loadRuleset(withLayer(layer));
      return [];
    } catch (error) {
      if (!(error instanceof RulesetLoadError)) throw error;
      return error.problems.map((p) => `${p.file} at ${p.path}: ${p.message}`);
    }
  };

  it('does not load when a direct-award band runs above the legal limit, naming the file and the path', () => {
    const band = { ...goteneOwn.bands[0]!, toSek: 800000 };
    expect(problems({ ...goteneOwn, bands: [band] })).toEqual([
      'layers/gotene-egen.yaml at bands.0.toSek: 800 000 kr is above the legal direct-award limit of 700 000 kr in force from 2022-02-01 (LOU 19 a kap.): a layer cannot allow more than the law',
    ]);
  });

  it('does not load when a direct-award band has no upper amount', () => {
    const { toSek: _toSek, ...band } = goteneOwn.bands[0]!;
    expect(problems({ ...goteneOwn, bands: [band] })[0]).toMatch(/bands\.0\.toSek: a band on direct award needs an upper amount/);
  });

  it('checks against the lower limit of an earlier period it reaches back into', () => {
    const band = { ...goteneOwn.bands[0]!, validFrom: '2021-06-01', toSek: 700000 };
    expect(problems({ ...goteneOwn, validFrom: '2021-06-01', bands: [band] })[0]).toMatch(/above the legal direct-award limit of 615 312 kr in force from 2020-01-01/);
  });

  it('names a buyer that does not exist, and a band whose amounts are the wrong way round', () => {
    expect(problems({ ...goteneOwn, appliesTo: { buyers: ['kommun-0999'] } })).toEqual([
      'layers/gotene-egen.yaml at appliesTo.buyers.0: "kommun-0999" is no kommun, region or state agency in rules/buyers/sweden.yaml',
    ]);
    const band = { ...goteneOwn.bands[0]!, fromSek: 500000, toSek: 400000 };
    expect(problems({ ...goteneOwn, bands: [band] })).toEqual(['layers/gotene-egen.yaml at bands.0.toSek: must be above fromSek (500000 kr)']);
  });
});

describe('the five seed policies, rewritten from rules/overlays/ as rules/layers/ (rule set 2026.12.3)', () => {
  const current = loadRuleset(rules);
  const stored = storedBeforeLayers(current);
  const seeds = ['ljungby', 'motala', 'lekeberg', 'region-orebro', 'region-ostergotland'] as const;
  const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);
  // Every date a note starts or ends, the days either side, and today's sort of date, within what the rule set covers.
  const dates = [
    ...new Set(
      Object.values(stored.overlays ?? {})
        .flatMap((o) => o?.notes ?? [])
        .flatMap((n) => [n.validFrom, ...(n.validTo ? [n.validTo] : [])])
        .flatMap((d) => [shift(d, -1), d, shift(d, 1)])
        .concat(['2018-01-01', '2026-11-20']),
    ),
  ].filter((d) => d >= current.manifest.coversFrom && d <= '2030-12-31');
  const variants = [
    { purchase: { kind: 'goods' as const }, value: { totalSek: 50000 }, supplier: { kind: 'any' as const } },
    { purchase: { kind: 'services' as const }, value: { totalSek: 900000 }, supplier: { kind: 'social-enterprise' as const, mainPurposeIntegration: true, disadvantagedShare: 0.4 } },
    { purchase: { kind: 'services' as const }, value: { totalSek: 300000 }, supplier: { kind: 'ideaburen' as const } },
    {},
  ];
  const said = (o: Outcome) =>
    [...o.policyNotes, ...o.routes.flatMap((r) => r.policyNotes)].map((n: PolicyNote) => ({
      id: n.id,
      route: n.route,
      kind: n.kind,
      text: n.text,
      status: n.status,
      source: `${n.source.documentId}#${n.source.excerptId}`,
      layer: `${n.layer.id}@${n.layer.version}: ${n.layer.name.sv} (${n.layer.owner})`,
    }));

  it('show the same notes, with the same ids, texts, sources and layer, on every date a note starts or ends', () => {
    const differ: string[] = [];
    let shown = 0;
    for (const organisation of seeds) {
      for (const decisionDate of dates) {
        for (const v of variants) {
          const answers = { organisation, decisionDate, ...v } as Parameters<typeof evaluate>[1];
          const before = said(evaluate(stored, answers));
          const after = said(evaluate(current, answers));
          shown += after.length;
          if (JSON.stringify(before) !== JSON.stringify(after)) differ.push(`${organisation} ${decisionDate} ${JSON.stringify(v)}`);
        }
      }
    }
    expect(differ).toEqual([]);
    expect(shown).toBeGreaterThan(100);
  });

  it('apply as the same layer, named and versioned as before, from the date the policy applies', () => {
    for (const organisation of seeds) {
      const from = current.layers![organisation]!.validFrom;
      const uses = (r: typeof current, date: string) => evaluate(r, { organisation, decisionDate: date }).layers.map((l) => JSON.stringify(l));
      for (const date of dates.filter((d) => d >= from)) expect(uses(current, date), `${organisation} ${date}`).toEqual(uses(stored, date));
    }
  });

  it('are no longer listed as applied before the policy applies, where they had no note to show', () => {
    // Ljungby's policy "Gäller från 2023-03-01": as an overlay it was listed, empty, on every date.
    const day = { organisation: 'ljungby' as const, decisionDate: '2023-02-28' };
    expect(evaluate(stored, day).layers.map((l) => l.id)).toEqual(['ljungby']);
    expect(evaluate(current, day).layers).toEqual([]);
    expect(said(evaluate(stored, day))).toEqual([]);
  });
});
