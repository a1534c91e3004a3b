import { canonicalJson } from '../../engine/canonical-hash';
import type { Ruleset } from '../../engine/ruleset';
import type { Localized, Parameter } from '../../engine/ruleset-schema';
import { entryChangeWords, parameterChangeWords } from './change-words';
import type { RulesetDiff, RulesetDiffEntry } from '../../shared/audit-report';

type Part = RulesetDiffEntry['part'];

/**
 * What differs between two rule sets, part by part (rules, parameters, sources, facts, the buyers' layers,
 * the overlays of rule sets stored before 2026.12.3, the manifest), entry by entry, and within an entry field by field, as canonical JSON so that a
 * reordering of keys is no change and a changed date or value is one.
 */
export function diffRulesets(from: Ruleset, to: Ruleset): RulesetDiff {
  const entries: RulesetDiffEntry[] = [];
  const compare = (part: Part, before: Record<string, unknown>, after: Record<string, unknown>, label: (value: unknown, id: string) => string) => {
    const ids = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    const push = (id: string, change: RulesetDiffEntry['change'], b: unknown, a: unknown) => {
      const name = label(a ?? b, id);
      const fields = fieldsOf(b, a);
      const words =
        part === 'parameters'
          ? parameterChangeWords(b as Parameter | undefined, a as Parameter | undefined, from, to)
          : entryChangeWords(name, change, fields.map((f) => f.field), kindNames[part]);
      entries.push({ part, id, change, label: name, words, fields });
    };
    for (const id of ids) {
      const b = before[id];
      const a = after[id];
      if (b === undefined) push(id, 'added', undefined, a);
      else if (a === undefined) push(id, 'removed', b, undefined);
      else if (canonicalJson(a) !== canonicalJson(b)) push(id, 'changed', b, a);
    }
  };
  const sv = (value: unknown, fallback: string) => {
    const v = value as { label?: { sv?: string }; title?: unknown; name?: unknown } | undefined;
    if (v?.label?.sv) return v.label.sv;
    if (typeof v?.title === 'string') return v.title;
    if (v?.title && typeof v.title === 'object' && 'sv' in v.title) return String((v.title as { sv: string }).sv);
    if (typeof v?.name === 'string') return v.name;
    if (v?.name && typeof v.name === 'object' && 'sv' in v.name) return String((v.name as { sv: string }).sv);
    return fallback;
  };
  const { recommendation: recFrom, ...manifestFrom } = from.manifest;
  const { recommendation: recTo, ...manifestTo } = to.manifest;
  compare('manifest', { manifest: manifestFrom, recommendation: recFrom }, { manifest: manifestTo, recommendation: recTo }, (_v, id) => (id === 'manifest' ? 'Regelverkets version och giltighet' : 'Rekommendationsordningen'));
  compare('rules', rulesById(from), rulesById(to), sv);
  compare('parameters', from.parameters, to.parameters, sv);
  compare('sources', from.sources, to.sources, sv);
  compare('facts', from.facts, to.facts, sv);
  // The seed policies moved from overlays to layers in 2026.12.3: between a rule set from before and one after, the
  // overlays show as removed and the layers as added, each with its notes field by field.
  compare('overlays', from.overlays ?? {}, to.overlays ?? {}, sv);
  compare('layers', from.layers ?? {}, to.layers ?? {}, sv);
  return { from: nameOf(from), to: nameOf(to), entries };
}

/** A rule set's name for a report: version, review date and hash (the API marks the working copy). */
export const nameOf = (r: Ruleset) => ({ version: r.version, hash: r.hash, date: r.manifest.lastReviewed });

const kindNames: Record<Part, Localized> = {
  manifest: { sv: 'Uppgift', en: 'Detail' },
  rules: { sv: 'Regel', en: 'Rule' },
  parameters: { sv: 'Värde', en: 'Value' },
  sources: { sv: 'Källa', en: 'Source' },
  facts: { sv: 'Fråga', en: 'Question' },
  overlays: { sv: 'Riktlinje', en: 'Policy' },
  layers: { sv: 'Köparens lager', en: "The buyer's layer" },
};

function rulesById(ruleset: Ruleset): Record<string, unknown> {
  return Object.fromEntries(Object.values(ruleset.routes).flatMap((route) => route.rules.map((rule) => [rule.id, { route: route.route, ...rule }])));
}

function fieldsOf(before: unknown, after: unknown): RulesetDiffEntry['fields'] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
  return keys.flatMap((field) => {
    const bj = b[field] === undefined ? null : canonicalJson(b[field]);
    const aj = a[field] === undefined ? null : canonicalJson(a[field]);
    return bj === aj ? [] : [{ field, before: bj, after: aj }];
  });
}
