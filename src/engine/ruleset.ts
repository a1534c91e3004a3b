import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { organisationIds, routeIds, type RouteId, type SeedOrganisationId } from './answers-schema';
import { buyersFileSchema, type BuyersFile } from './buyers-schema';
import { layerFileSchema, type LayerFile } from './layer-schema';
import { contentHash } from './canonical-hash';
import {
  cpvDivisionsSchema,
  cpvListSchema,
  factsFileSchema,
  parameterSchema,
  routeFileSchema,
  rulesetManifestSchema,
  sourceDocumentSchema,
  type Condition,
  type CpvDivisions,
  type CpvList,
  type Fact,
  type Localized,
  type OverlayFile,
  type Parameter,
  type RouteFile,
  type RulesetManifest,
  type SourceDocument,
  type SourceRef,
} from './ruleset-schema';

/** The whole rule set as plain data: it can be hashed, stored with a decision and replayed. */
export type RulesetData = {
  manifest: RulesetManifest;
  facts: Record<string, Fact>;
  sources: Record<string, SourceDocument>;
  parameters: Record<string, Parameter>;
  routes: Record<RouteId, RouteFile>;
  /**
   * The five seed organisations' policies in the shape rule sets stored before 2026.12.3 hold them; the working
   * rule set has them as layers (rules/layers/) and no overlays. A replay of an older record still reads these.
   */
  overlays?: Partial<Record<SeedOrganisationId, OverlayFile>>;
  /** Every kommun and region by SCB's codes (rules/buyers/sweden.yaml); absent in rule sets stored before it. */
  buyers?: BuyersFile;
  /** The CPV lists of rules/cpv/; missing in snapshots stored before rule set 2026.12.1. */
  cpvLists?: Record<string, CpvList>;
  /** rules/cpv/divisions.yaml; missing in snapshots stored before rule set 2026.12.1. */
  cpvDivisions?: CpvDivisions;
  /** Buyers' own documents over the law (rules/layers/); absent in rule sets stored before layers existed. */
  layers?: Record<string, LayerFile>;
};

export type Ruleset = RulesetData & { version: string; hash: string };

/** One problem in one file of rules/, with the path inside the file. */
export type RulesetProblem = { file: string; path: string; message: string };

export class RulesetLoadError extends Error {
  constructor(readonly problems: RulesetProblem[]) {
    super(
      `The rule set does not load:\n${problems
        .map((p) => `  rules/${p.file}${p.path ? ` at ${p.path}` : ''}: ${p.message}`)
        .join('\n')}`,
    );
    this.name = 'RulesetLoadError';
  }
}

/**
 * Parses and validates the files of rules/ (paths relative to rules/, text as read) into a
 * rule set. Browser, server and CLI pass the same map, read each in their own way.
 */
export function loadRuleset(files: Record<string, string>): Ruleset {
  const problems: RulesetProblem[] = [];
  const parsed = (file: string, text: string): unknown => {
    try {
      return parseYaml(text);
    } catch (error) {
      const message = error instanceof YAMLParseError ? error.message.split('\n')[0]! : String(error);
      problems.push({ file, path: '', message: `is not valid YAML: ${message}` });
      return undefined;
    }
  };
  const validated = <T>(file: string, schema: z.ZodType<T>, data: unknown): T | undefined => {
    if (data === undefined) return undefined;
    const result = schema.safeParse(data);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      problems.push({ file, path: issue.path.map(String).join('.'), message: issue.message });
    }
    return undefined;
  };

  let manifest: RulesetManifest | undefined;
  const facts: Record<string, Fact> = {};
  const sources: Record<string, SourceDocument> = {};
  const parameters: Record<string, Parameter> = {};
  const routes: Partial<Record<RouteId, RouteFile>> = {};
  let buyers: BuyersFile | undefined;
  const cpvLists: Record<string, CpvList> = {};
  let cpvDivisions: CpvDivisions | undefined;
  const layers: Record<string, LayerFile> = {};

  for (const file of Object.keys(files).sort()) {
    if (!file.endsWith('.yaml')) continue;
    const data = parsed(file, files[file]!);
    const [dir, name] = file.includes('/') ? [file.slice(0, file.indexOf('/')), file.slice(file.indexOf('/') + 1)] : ['', file];
    const stem = name.replace(/\.yaml$/, '');
    const expectId = (actual: string, label: string) => {
      if (actual !== stem) problems.push({ file, path: label, message: `must equal the file name "${stem}"` });
    };
    if (file === 'ruleset.yaml') {
      manifest = validated(file, rulesetManifestSchema, data);
    } else if (file === 'facts.yaml') {
      for (const fact of validated(file, factsFileSchema, data)?.facts ?? []) facts[fact.path] = fact;
    } else if (dir === 'sources') {
      const doc = validated(file, sourceDocumentSchema, data);
      if (doc) {
        expectId(doc.id, 'id');
        sources[doc.id] = doc;
      }
    } else if (dir === 'parameters') {
      const param = validated(file, parameterSchema, data);
      if (param) {
        expectId(param.id, 'id');
        parameters[param.id] = param;
      }
    } else if (dir === 'routes') {
      const route = validated(file, routeFileSchema, data);
      if (route) {
        expectId(route.route, 'route');
        routes[route.route] = route;
      }
    } else if (dir === 'overlays') {
      // A policy file in the format before 2026.12.3 would otherwise be silently ignored.
      problems.push({ file, path: '', message: `overlays/ is no longer read: write the policy as layers/${stem}.yaml (rules/README.md, "Layers")` });
    } else if (file === 'cpv/divisions.yaml') {
      cpvDivisions = validated(file, cpvDivisionsSchema, data);
    } else if (dir === 'cpv') {
      const list = validated(file, cpvListSchema, data);
      if (list) {
        expectId(list.id, 'id');
        cpvLists[list.id] = list;
      }
    } else if (dir === 'layers') {
      const layer = validated(file, layerFileSchema, data);
      if (layer) {
        expectId(layer.id, 'id');
        layers[layer.id] = layer;
      }
    } else if (file === 'buyers/sweden.yaml') {
      buyers = validated(file, buyersFileSchema, data);
    }
  }


  if (!manifest && !problems.some((p) => p.file === 'ruleset.yaml')) {
    problems.push({ file: 'ruleset.yaml', path: '', message: 'is missing' });
  }
  for (const route of routeIds) {
    if (!routes[route] && !problems.some((p) => p.file === `routes/${route}.yaml`)) {
      problems.push({ file: `routes/${route}.yaml`, path: '', message: 'is missing' });
    }
  }
  if (problems.length > 0) throw new RulesetLoadError(problems);

  const data: RulesetData = {
    manifest: manifest!,
    facts,
    sources,
    parameters,
    routes: routes as Record<RouteId, RouteFile>,
    ...(buyers ? { buyers } : {}),
    cpvLists,
    ...(cpvDivisions ? { cpvDivisions } : {}),
    ...(Object.keys(layers).length > 0 ? { layers } : {}),
  };
  const crossProblems = checkReferences(data);
  if (crossProblems.length > 0) throw new RulesetLoadError(crossProblems);
  return withIdentity(data);
}

/** Gives plain rule-set data (e.g. a snapshot stored with a decision) its version and hash. */
export function withIdentity(data: RulesetData): Ruleset {
  return { ...data, version: data.manifest.version, hash: contentHash(data) };
}

function checkReferences(data: RulesetData): RulesetProblem[] {
  const problems: RulesetProblem[] = [];
  const checkSource = (file: string, path: string, ref: SourceRef) => {
    const doc = data.sources[ref.document];
    if (!doc) problems.push({ file, path: `${path}.document`, message: `names no source document "${ref.document}" in rules/sources/` });
    else if (!doc.excerpts.some((e) => e.id === ref.excerpt)) {
      problems.push({ file, path: `${path}.excerpt`, message: `names no excerpt "${ref.excerpt}" in rules/sources/${ref.document}.yaml` });
    }
  };
  const checkCondition = (file: string, path: string, condition: Condition | undefined) => {
    if (!condition) return;
    if ('all' in condition) condition.all.forEach((c, i) => checkCondition(file, `${path}.all.${i}`, c));
    else if ('any' in condition) condition.any.forEach((c, i) => checkCondition(file, `${path}.any.${i}`, c));
    else if ('not' in condition) checkCondition(file, `${path}.not`, condition.not);
    else {
      if (!data.facts[condition.fact]) problems.push({ file, path: `${path}.fact`, message: `names no fact "${condition.fact}" in rules/facts.yaml` });
      if (condition.param !== undefined && !data.parameters[condition.param]) {
        problems.push({ file, path: `${path}.param`, message: `names no parameter "${condition.param}" in rules/parameters/` });
      }
    }
  };

  for (const fact of Object.values(data.facts)) {
    if (fact.source) checkSource('facts.yaml', fact.path, fact.source);
    if (fact.countedFromParts) checkSource('facts.yaml', `${fact.path}.countedFromParts`, fact.countedFromParts.source);
  }
  if (data.cpvDivisions) checkSource('cpv/divisions.yaml', 'source', data.cpvDivisions.source);
  for (const list of Object.values(data.cpvLists ?? {})) {
    const file = `cpv/${list.id}.yaml`;
    checkSource(file, 'source', list.source);
    if (!data.facts[list.fact]) problems.push({ file, path: 'fact', message: `names no fact "${list.fact}" in rules/facts.yaml` });
    list.entries.forEach((e, i) => {
      if (e.to !== undefined && e.to <= e.code) problems.push({ file, path: `entries.${i}.to`, message: 'must come after `code`' });
    });
  }
  for (const param of Object.values(data.parameters)) {
    const file = `parameters/${param.id}.yaml`;
    param.values.forEach((v, i) => {
      checkSource(file, `values.${i}.source`, v.source);
      const prev = param.values[i - 1];
      if (prev && prev.from >= v.from) problems.push({ file, path: `values.${i}.from`, message: 'values must be in date order, oldest first' });
      // The band must be known from the day the carried-over value is, or a comparison would read a value not in force.
      for (const end of v.unreadWithin ? (['low', 'high'] as const) : []) {
        const band = data.parameters[v.unreadWithin![end]];
        if (!band) problems.push({ file, path: `values.${i}.unreadWithin.${end}`, message: `names no parameter "${v.unreadWithin![end]}" in rules/parameters/` });
        else if (band.values[0]!.from > v.from) problems.push({ file, path: `values.${i}.unreadWithin.${end}`, message: `parameter "${band.id}" has no value before ${band.values[0]!.from}, but this value is in force from ${v.from}` });
      }
    });
  }
  // A rule may only read a parameter on days the parameter has a value for.
  const checkParamDates = (file: string, path: string, condition: Condition | undefined, from: string) => {
    if (!condition) return;
    if ('all' in condition) condition.all.forEach((c, i) => checkParamDates(file, `${path}.all.${i}`, c, from));
    else if ('any' in condition) condition.any.forEach((c, i) => checkParamDates(file, `${path}.any.${i}`, c, from));
    else if ('not' in condition) checkParamDates(file, `${path}.not`, condition.not, from);
    else if (condition.param !== undefined) {
      const first = data.parameters[condition.param]?.values[0]?.from;
      if (first !== undefined && first > from) {
        problems.push({ file, path: `${path}.param`, message: `parameter "${condition.param}" has no value before ${first}, but the rule applies from ${from}` });
      }
    }
  };
  const ruleIds = new Set<string>();
  for (const route of Object.values(data.routes)) {
    const file = `routes/${route.route}.yaml`;
    route.rules.forEach((rule, i) => {
      const path = `rules.${i}`;
      if (ruleIds.has(rule.id)) problems.push({ file, path: `${path}.id`, message: `"${rule.id}" is used twice` });
      ruleIds.add(rule.id);
      if (!rule.id.startsWith(`${route.route}.`)) problems.push({ file, path: `${path}.id`, message: `must start with "${route.route}."` });
      checkSource(file, `${path}.source`, rule.source);
      checkCondition(file, `${path}.appliesWhen`, rule.appliesWhen);
      checkCondition(file, `${path}.condition`, rule.condition);
      checkParamDates(file, `${path}.appliesWhen`, rule.appliesWhen, rule.validFrom);
      checkParamDates(file, `${path}.condition`, rule.condition, rule.validFrom);
    });
  }
  if (data.buyers) checkBuyers({ ...data, buyers: data.buyers }, problems, checkSource);
  for (const layer of Object.values(data.layers ?? {})) checkLayer(data, layer, problems, checkSource, checkCondition);
  // Placeholders in texts ({param:id}, {fact:path}) must name real parameters and facts.
  const checkText = (file: string, path: string, text: Localized | undefined) => {
    if (!text) return;
    for (const lang of ['sv', 'en'] as const) {
      for (const [, kind, key] of text[lang].matchAll(/\{(param|fact):([a-zA-Z0-9.-]+)\}/g)) {
        if (kind === 'param' ? !data.parameters[key!] : !data.facts[key!]) {
          problems.push({ file, path: `${path}.${lang}`, message: `names no ${kind} "${key}"` });
        }
      }
    }
  };
  for (const route of Object.values(data.routes)) {
    route.rules.forEach((rule, i) => {
      checkText(`routes/${route.route}.yaml`, `rules.${i}.explanation.held`, rule.explanation.held);
      checkText(`routes/${route.route}.yaml`, `rules.${i}.explanation.failed`, rule.explanation.failed);
    });
  }
  for (const layer of Object.values(data.layers ?? {})) {
    layer.notes.forEach((note, i) => checkText(`layers/${layer.id}.yaml`, `notes.${i}.text`, note.text));
    layer.bands.forEach((band, i) => checkText(`layers/${layer.id}.yaml`, `bands.${i}.text`, band.text));
  }
  data.manifest.recommendation.forEach((rec, i) => {
    checkText('ruleset.yaml', `recommendation.${i}.rationale`, rec.rationale);
    checkSource('ruleset.yaml', `recommendation.${i}.source`, rec.source);
    checkCondition('ruleset.yaml', `recommendation.${i}.when`, rec.when);
  });
  return problems;
}

/**
 * The buyers list must be a register: each code once, each kommun in a known län, and each of the
 * five loaded policies tied to exactly one kommun or region, so choosing it by name gets its policy.
 */
function checkBuyers(
  data: RulesetData & { buyers: BuyersFile },
  problems: RulesetProblem[],
  checkSource: (file: string, path: string, ref: SourceRef) => void,
) {
  const file = 'buyers/sweden.yaml';
  checkSource(file, 'source', data.buyers.source);
  const seen = new Map<string, string>();
  const claim = (code: string, path: string) => {
    if (seen.has(code)) problems.push({ file, path, message: `code "${code}" is also at ${seen.get(code)}` });
    else seen.set(code, path);
  };
  const lanCodes = new Set(data.buyers.lan.map((l) => l.code));
  const tied = new Map<string, string>();
  const tie = (organisation: string | undefined, path: string) => {
    if (!organisation) return;
    if (tied.has(organisation)) problems.push({ file, path: `${path}.organisation`, message: `"${organisation}" is also tied to ${tied.get(organisation)}` });
    else tied.set(organisation, path);
  };
  data.buyers.lan.forEach((l, i) => {
    claim(`lan-${l.code}`, `lan.${i}.code`);
    tie(l.organisation, `lan.${i}`);
  });
  data.buyers.kommuner.forEach((k, i) => {
    claim(`kommun-${k.code}`, `kommuner.${i}.code`);
    if (!lanCodes.has(k.lan)) problems.push({ file, path: `kommuner.${i}.lan`, message: `names no län "${k.lan}"` });
    else if (!k.code.startsWith(k.lan)) problems.push({ file, path: `kommuner.${i}.lan`, message: `kommunkod ${k.code} does not begin with its länskod ${k.lan}` });
    tie(k.organisation, `kommuner.${i}`);
  });
  for (const org of organisationIds) {
    if (org !== 'other' && !tied.has(org)) problems.push({ file, path: '', message: `ties no kommun or region to the organisation "${org}"` });
  }
}

/**
 * A layer must cite what it says, bind buyers that exist, and never reach past the law: a band on the
 * direct-award route that runs above the legal direct-award limit (LOU 19 a kap.) on any day it applies
 * would tell a procurer to direct-award what the law says must be advertised, so the layer does not load.
 */
function checkLayer(
  data: RulesetData,
  layer: LayerFile,
  problems: RulesetProblem[],
  checkSource: (file: string, path: string, ref: SourceRef) => void,
  checkCondition: (file: string, path: string, condition: Condition | undefined) => void,
) {
  const file = `layers/${layer.id}.yaml`;
  layer.documents.forEach((doc, i) => {
    if (!data.sources[doc]) problems.push({ file, path: `documents.${i}`, message: `names no source document "${doc}" in rules/sources/` });
  });
  const kommuner = new Set((data.buyers?.kommuner ?? []).flatMap((k) => [`kommun-${k.code}`, ...(k.organisation ? [k.organisation] : [])]));
  const regions = new Set((data.buyers?.lan ?? []).flatMap((l) => [`region-${l.code}`, ...(l.organisation ? [l.organisation] : [])]));
  const lanCodes = new Set((data.buyers?.lan ?? []).map((l) => l.code));
  const agencies = new Set((data.buyers?.myndigheter ?? []).map((m) => m.id));
  layer.appliesTo.buyers?.forEach((b, i) => {
    // A seed organisation (ljungby …) is a buyer by its own id even where a rule set has no buyers list.
    const seedBuyer = b !== 'other' && (organisationIds as readonly string[]).includes(b);
    if (b !== 'state' && !seedBuyer && !kommuner.has(b) && !regions.has(b) && !agencies.has(b)) {
      problems.push({ file, path: `appliesTo.buyers.${i}`, message: `"${b}" is no kommun, region or state agency in rules/buyers/sweden.yaml` });
    }
  });
  layer.appliesTo.lanKommuner?.forEach((l, i) => {
    if (!lanCodes.has(l)) problems.push({ file, path: `appliesTo.lanKommuner.${i}`, message: `names no län "${l}"` });
  });
  // The five seed organisations' notes keep the ids they had as overlays (overlay.<id>.…), which saved decisions and
  // rule cases name; every other layer's notes are layer.<id>.….
  const seed = (organisationIds as readonly string[]).includes(layer.id);
  layer.notes.forEach((note, i) => {
    const ok = note.id.startsWith(`layer.${layer.id}.`) || (seed && note.id.startsWith(`overlay.${layer.id}.`));
    if (!ok) problems.push({ file, path: `notes.${i}.id`, message: `must start with "layer.${layer.id}."${seed ? ` or "overlay.${layer.id}."` : ''}` });
    checkSource(file, `notes.${i}.source`, note.source);
    checkCondition(file, `notes.${i}.appliesWhen`, note.appliesWhen);
  });
  const limit = data.parameters['direct-award-limit'];
  layer.bands.forEach((band, i) => {
    const path = `bands.${i}`;
    if (!band.id.startsWith(`layer.${layer.id}.`)) problems.push({ file, path: `${path}.id`, message: `must start with "layer.${layer.id}."` });
    checkSource(file, `${path}.source`, band.source);
    checkCondition(file, `${path}.appliesWhen`, band.appliesWhen);
    if (band.fromSek !== undefined && band.toSek !== undefined && band.fromSek >= band.toSek) {
      problems.push({ file, path: `${path}.toSek`, message: `must be above fromSek (${band.fromSek} kr)` });
    }
    if (band.route !== 'direct-award' || !limit) return;
    // The limits in force on any day the band applies: the one on its first day and every later change.
    const inForce = limit.values.filter((v, j) => {
      const next = limit.values[j + 1]?.from;
      return (next === undefined || next > band.validFrom) && (band.validTo === null || v.from <= band.validTo);
    });
    const lowest = inForce.reduce((low, v) => (low === null || v.value < low.value ? v : low), null as (typeof inForce)[number] | null);
    if (!lowest) return;
    const kr = (n: number) => `${n.toLocaleString('sv-SE').replace(/\u00a0/g, ' ')} kr`;
    if (band.toSek === undefined) {
      problems.push({ file, path: `${path}.toSek`, message: `a band on direct award needs an upper amount: the law allows direct award only below ${kr(lowest.value)} (from ${lowest.from}, LOU 19 a kap.)` });
    } else if (band.toSek > lowest.value) {
      problems.push({ file, path: `${path}.toSek`, message: `${kr(band.toSek)} is above the legal direct-award limit of ${kr(lowest.value)} in force from ${lowest.from} (LOU 19 a kap.): a layer cannot allow more than the law` });
    }
  });
}
