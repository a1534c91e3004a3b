import type { Ruleset } from '../engine/ruleset';
import type { Localized } from '../engine/ruleset-schema';

export type FieldExplanation = { plain: Localized; example: Localized };

/**
 * The plain line and the example of a question: a rule fact's from rules/facts.yaml, the guide's own from `own`
 * (own-field-explanations.ts, passed in because it loads after the first page).
 */
export function fieldExplanation(ruleset: Ruleset, path: string, own: Readonly<Record<string, FieldExplanation>> = {}): FieldExplanation | null {
  const fact = ruleset.facts[path];
  const plain = fact?.plain ?? own[path]?.plain;
  const example = fact?.example ?? own[path]?.example;
  return plain && example ? { plain, example } : null;
}

/** The questions among `paths` that lack a plain line or an example in either language. */
export function missingExplanations(ruleset: Ruleset, paths: Iterable<string>, own: Readonly<Record<string, FieldExplanation>> = {}): string[] {
  return [...paths].filter((path) => {
    const e = fieldExplanation(ruleset, path, own);
    return !e || !e.plain.sv.trim() || !e.plain.en.trim() || !e.example.sv.trim() || !e.example.en.trim();
  });
}
