import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { readRulesDir } from '../rules-data/read-rules-dir';
import { organisationIds, routeIds } from './answers-schema';
import { loadRuleset, RulesetLoadError } from './ruleset';

// A tiny rule set as plain objects: each test breaks one thing in it and reads the loader's message.
type Tree = Record<string, unknown>;

const loc = (text: string) => ({ sv: text, en: text });
const ref = { document: 'law', excerpt: 'limit' };

function tinyRuleset(): Record<string, Tree> {
  const rule = (id: string, extra: Tree = {}): Tree => ({
    id,
    kind: 'requirement',
    title: loc('Villkor'),
    legalBasis: 'Lag 1 §',
    validFrom: '2020-01-01',
    status: 'verified',
    source: ref,
    condition: { fact: 'purchase.kind', op: 'in', value: ['goods', 'services', 'works'] },
    explanation: { held: loc('Gäller.'), failed: loc('Gäller inte.') },
    ...extra,
  });
  const files: Record<string, Tree> = {
    'ruleset.yaml': {
      name: 'Tiny',
      version: '2026.01.1',
      lastReviewed: '2026-01-01',
      coversFrom: '2020-01-01',
      recommendation: [{ id: 'recommend.direct-award', route: 'direct-award', rationale: loc('Enklast.'), status: 'verified', source: ref }],
    },
    'facts.yaml': {
      facts: [
        { path: 'purchase.kind', type: 'enum', label: loc('Vad som köps') },
        { path: 'value.totalSek', type: 'sek', label: loc('Värde') },
      ],
    },
    'sources/law.yaml': {
      id: 'law',
      title: 'Lagen',
      issuer: 'Riksdagen',
      kind: 'law',
      adopted: null,
      validFrom: null,
      status: 'verified',
      excerpts: [{ id: 'limit', section: '1 §', text: 'Gränsen är 100 kronor.' }],
    },
    'parameters/limit.yaml': {
      id: 'limit',
      label: loc('Gränsen'),
      unit: 'SEK',
      values: [{ from: '2020-01-01', value: 100, status: 'verified', source: ref }],
    },
  };
  for (const route of routeIds) {
    files[`routes/${route}.yaml`] = { route, name: loc(route), summary: loc(route), legalBasis: 'Lag', rules: [rule(`${route}.open`)] };
  }
  files['routes/direct-award.yaml']!.rules = [
    rule('direct-award.low-value', {
      kind: 'ground',
      condition: { fact: 'value.totalSek', op: 'lt', param: 'limit' },
      explanation: { held: loc('Värdet {fact:value.totalSek} understiger {param:limit}.'), failed: loc('För högt.') },
    }),
  ];
  return files;
}

/** A seed organisation's policy as a layer (rules/layers/), with no notes yet. */
const seedLayer = (id: string): Tree => ({
  id,
  name: loc(`${id}: Policy`),
  kind: 'policy',
  owner: id,
  appliesTo: { buyers: [id] },
  version: '2020-01-01',
  validFrom: '2020-01-01',
  documents: ['law'],
  summary: loc('Policy.'),
  notes: [],
});

function load(change: (files: Record<string, Tree>) => void = () => {}) {
  const files = tinyRuleset();
  change(files);
  return loadRuleset(Object.fromEntries(Object.entries(files).map(([name, tree]) => [name, stringify(tree)])));
}

function loadError(change: (files: Record<string, Tree>) => void): RulesetLoadError {
  try {
    load(change);
  } catch (error) {
    if (error instanceof RulesetLoadError) return error;
    throw error;
  }
  throw new Error('the rule set loaded, but it should not have');
}

const rulesOf = (files: Record<string, Tree>, route: string) => (files[`routes/${route}.yaml`]!.rules as Tree[])!;
const firstValue = (files: Record<string, Tree>) => (files['parameters/limit.yaml']!.values as Tree[])[0]!;

describe('loading a rule set', () => {
  it('loads the tiny rule set, with the version from ruleset.yaml and a content hash', () => {
    const ruleset = load();
    expect(ruleset.version).toBe('2026.01.1');
    expect(ruleset.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(ruleset.routes).sort()).toEqual([...routeIds].sort());
  });

  it('loads the real rules/ folder', () => {
    const ruleset = loadRuleset(readRulesDir());
    expect(ruleset.manifest.coversFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // The five seed organisations' policies are layers since 2026.12.3; the working rule set has no overlays.
    expect(Object.keys(ruleset.layers ?? {})).toEqual(expect.arrayContaining(organisationIds.filter((o) => o !== 'other')));
    expect(ruleset.overlays).toBeUndefined();
  });

  it('gives the same hash for the same content however the YAML is laid out, and another for other content', () => {
    const a = load();
    const files = tinyRuleset();
    const relaid = loadRuleset(Object.fromEntries(Object.entries(files).map(([name, tree]) => [name, stringify(tree, { indent: 4 })])));
    const changed = load((f) => (firstValue(f).value = 101));
    expect(relaid.hash).toBe(a.hash);
    expect(changed.hash).not.toBe(a.hash);
  });

  it('applies the documented defaults: a rule in force has validTo null, an excerpt is a quote', () => {
    const ruleset = load();
    expect(ruleset.routes['direct-award'].rules[0]!.validTo).toBeNull();
    expect(ruleset.sources.law!.excerpts[0]!.textKind).toBe('quote');
  });
});

describe('a rule file that does not validate stops the rule set from loading', () => {
  it('names the file and the path inside it', () => {
    const error = loadError((f) => (rulesOf(f, 'iop')[0]!.kind = 'gorund'));
    expect(error.message).toContain('rules/routes/iop.yaml at rules.0.kind');
    expect(error.problems).toEqual([expect.objectContaining({ file: 'routes/iop.yaml', path: 'rules.0.kind' })]);
  });

  it('names every problem, in every file, not only the first', () => {
    const error = loadError((f) => {
      rulesOf(f, 'iop')[0]!.kind = 'gorund';
      (f['facts.yaml']!.facts as Tree[])[0]!.type = 'colour';
    });
    expect(error.problems.map((p) => `${p.file} ${p.path}`)).toEqual(['facts.yaml facts.0.type', 'routes/iop.yaml rules.0.kind']);
  });

  it('names a file that is not valid YAML', () => {
    const files = Object.fromEntries(Object.entries(tinyRuleset()).map(([name, tree]) => [name, stringify(tree)]));
    files['routes/iop.yaml'] = 'route: iop\nrules: [unclosed';
    expect(() => loadRuleset(files)).toThrow(/rules\/routes\/iop\.yaml: is not valid YAML/);
  });

  it('refuses a key the format does not know, so a misspelt key cannot be silently ignored', () => {
    const error = loadError((f) => (rulesOf(f, 'iop')[0]!.valdFrom = '2020-01-01'));
    expect(error.message).toContain('rules/routes/iop.yaml at rules.0');
    expect(error.message).toMatch(/valdFrom/);
  });

  it('refuses a summary without its Swedish wording, naming the excerpt', () => {
    const excerpts = (f: Record<string, Tree>) => f['sources/law.yaml']!.excerpts as Tree[];
    const error = loadError((f) => Object.assign(excerpts(f)[0]!, { textKind: 'summary', text: 'The limit is 100 kronor.' }));
    expect(error.message).toContain('rules/sources/law.yaml at excerpts.0.textSv');
  });

  it('refuses a rule without a source', () => {
    const error = loadError((f) => delete rulesOf(f, 'iop')[0]!.source);
    expect(error.message).toContain('rules/routes/iop.yaml at rules.0.source');
  });

  it('refuses a rule without the date it came into force', () => {
    const error = loadError((f) => delete rulesOf(f, 'iop')[0]!.validFrom);
    expect(error.message).toContain('rules/routes/iop.yaml at rules.0.validFrom');
  });

  it('refuses a date that is not written YYYY-MM-DD', () => {
    const error = loadError((f) => (rulesOf(f, 'iop')[0]!.validFrom = '1/2/2022'));
    expect(error.message).toContain('rules/routes/iop.yaml at rules.0.validFrom: must be a date written YYYY-MM-DD');
  });

  it('refuses a rule that ends before it starts', () => {
    const error = loadError((f) => (rulesOf(f, 'iop')[0]!.validTo = '2019-12-31'));
    expect(error.message).toContain('rules/routes/iop.yaml at rules.0.validTo: `validTo` must not be before `validFrom`');
  });

  it('refuses a ground or requirement without a condition or a failed explanation', () => {
    expect(loadError((f) => delete rulesOf(f, 'iop')[0]!.condition).message).toContain('rules/routes/iop.yaml at rules.0.condition: grounds and requirements need a `condition`');
    expect(loadError((f) => delete (rulesOf(f, 'iop')[0]!.explanation as Tree).failed).message).toContain('at rules.0.explanation.failed');
  });

  it('refuses a parameter value without a source', () => {
    const error = loadError((f) => delete firstValue(f).source);
    expect(error.message).toContain('rules/parameters/limit.yaml at values.0.source');
  });

  it('refuses a parameter value without a date', () => {
    const error = loadError((f) => delete firstValue(f).from);
    expect(error.message).toContain('rules/parameters/limit.yaml at values.0.from');
  });

  it('refuses parameter values out of date order', () => {
    const error = loadError((f) => {
      const values = f['parameters/limit.yaml']!.values as Tree[];
      values.push({ ...values[0]!, from: '2019-06-01' });
    });
    expect(error.message).toContain('rules/parameters/limit.yaml at values.1.from: values must be in date order, oldest first');
  });

  it('refuses a file whose id is not its file name', () => {
    const error = loadError((f) => (f['parameters/limit.yaml']!.id = 'ceiling'));
    expect(error.message).toContain('rules/parameters/limit.yaml at id: must equal the file name "limit"');
  });

  it('refuses a rule set that lacks a route', () => {
    const error = loadError((f) => delete f['routes/iop.yaml']);
    expect(error.message).toContain('rules/routes/iop.yaml: is missing');
  });

  it('refuses a policy left in overlays/, the format before 2026.12.3, rather than ignore it', () => {
    const error = loadError((f) => (f['overlays/motala.yaml'] = { organisation: 'motala', name: 'Motala kommun', kind: 'kommun', documents: [], summary: loc('Policy.'), notes: [] }));
    expect(error.message).toContain('rules/overlays/motala.yaml: overlays/ is no longer read: write the policy as layers/motala.yaml');
  });
});

describe('references between the files must name something that exists', () => {
  it('refuses a condition on an unknown parameter', () => {
    const error = loadError((f) => (rulesOf(f, 'direct-award')[0]!.condition = { fact: 'value.totalSek', op: 'lt', param: 'ceiling' }));
    expect(error.message).toContain('rules/routes/direct-award.yaml at rules.0.condition.param: names no parameter "ceiling" in rules/parameters/');
  });

  it('refuses a condition on an unknown fact, however deep it sits', () => {
    const error = loadError(
      (f) => (rulesOf(f, 'iop')[0]!.condition = { all: [{ fact: 'purchase.kind', op: 'eq', value: 'goods' }, { not: { fact: 'supplier.colour', op: 'eq', value: 'red' } }] }),
    );
    expect(error.message).toContain('rules/routes/iop.yaml at rules.0.condition.all.1.not.fact: names no fact "supplier.colour" in rules/facts.yaml');
  });

  it('refuses a source document or excerpt that is not in rules/sources', () => {
    expect(loadError((f) => (rulesOf(f, 'iop')[0]!.source = { document: 'lore', excerpt: 'limit' })).message).toContain(
      'rules/routes/iop.yaml at rules.0.source.document: names no source document "lore"',
    );
    expect(loadError((f) => (firstValue(f).source = { document: 'law', excerpt: 'ceiling' })).message).toContain(
      'rules/parameters/limit.yaml at values.0.source.excerpt: names no excerpt "ceiling" in rules/sources/law.yaml',
    );
  });

  it('refuses a rule that reads a parameter before the parameter has a value', () => {
    const error = loadError((f) => (rulesOf(f, 'direct-award')[0]!.validFrom = '2019-01-01'));
    expect(error.message).toContain('parameter "limit" has no value before 2020-01-01, but the rule applies from 2019-01-01');
  });

  it('refuses two rules with one id, and a rule id outside its route', () => {
    expect(loadError((f) => rulesOf(f, 'iop').push(rulesOf(f, 'iop')[0]!)).message).toContain('rules/routes/iop.yaml at rules.1.id: "iop.open" is used twice');
    expect(loadError((f) => (rulesOf(f, 'iop')[0]!.id = 'direct-award.open-too')).message).toContain('rules/routes/iop.yaml at rules.0.id: must start with "iop."');
  });

  it("loads a seed organisation's layer whose notes keep their overlay ids (overlay.<organisation>.…)", () => {
    const note = { id: 'overlay.motala.x', route: 'general', kind: 'advice', validFrom: '2020-01-01', status: 'verified', source: ref, text: loc('Råd.') };
    const ruleset = load((f) => (f['layers/motala.yaml'] = { ...seedLayer('motala'), notes: [note] }));
    expect(ruleset.layers?.motala?.notes.map((n) => n.id)).toEqual(['overlay.motala.x']);
  });

  it("refuses a seed layer's note whose id names another organisation, or a document that does not exist", () => {
    const error = loadError((f) => {
      f['layers/motala.yaml'] = {
        ...seedLayer('motala'),
        documents: ['motala-policy'],
        notes: [{ id: 'overlay.ljungby.x', route: 'general', kind: 'advice', validFrom: '2020-01-01', status: 'verified', source: ref, text: loc('Råd.') }],
      };
    });
    expect(error.message).toContain('rules/layers/motala.yaml at documents.0: names no source document "motala-policy"');
    expect(error.message).toContain('rules/layers/motala.yaml at notes.0.id: must start with "layer.motala." or "overlay.motala."');
  });

  it('allows overlay.<id>. note ids only in the five seed organisations\' layers', () => {
    const error = loadError((f) => {
      f['layers/vaxjo.yaml'] = {
        ...seedLayer('vaxjo'),
        appliesTo: { buyers: ['state'] },
        notes: [{ id: 'overlay.vaxjo.x', route: 'general', kind: 'advice', validFrom: '2020-01-01', status: 'verified', source: ref, text: loc('Råd.') }],
      };
    });
    expect(error.message).toContain('rules/layers/vaxjo.yaml at notes.0.id: must start with "layer.vaxjo."');
    expect(error.message).not.toContain('or "overlay.vaxjo."');
  });
});

describe('placeholders in texts', () => {
  it('may name a parameter and a fact that exist', () => {
    expect(() => load()).not.toThrow();
  });

  it('refuses {param:…} naming an unknown parameter', () => {
    const error = loadError((f) => ((rulesOf(f, 'direct-award')[0]!.explanation as Tree).held = { sv: 'Under {param:ceiling}.', en: 'Below.' }));
    expect(error.message).toContain('rules/routes/direct-award.yaml at rules.0.explanation.held.sv: names no param "ceiling"');
  });

  it('refuses {fact:…} naming an unknown fact, in either language and in notes and recommendations too', () => {
    const error = loadError((f) => {
      ((rulesOf(f, 'iop')[0]!.explanation as Tree).failed as Tree).en = 'The {fact:supplier.colour} is wrong.';
      f['layers/ljungby.yaml'] = {
        ...seedLayer('ljungby'),
        notes: [{ id: 'overlay.ljungby.x', route: 'general', kind: 'advice', validFrom: '2020-01-01', status: 'verified', source: ref, text: loc('{param:ceiling}') }],
      };
      ((f['ruleset.yaml']!.recommendation as Tree[])[0]!.rationale as Tree).sv = 'Värdet {fact:value.total}.';
    });
    expect(error.message).toContain('rules/routes/iop.yaml at rules.0.explanation.failed.en: names no fact "supplier.colour"');
    expect(error.message).toContain('rules/layers/ljungby.yaml at notes.0.text.sv: names no param "ceiling"');
    expect(error.message).toContain('rules/ruleset.yaml at recommendation.0.rationale.sv: names no fact "value.total"');
  });
});
