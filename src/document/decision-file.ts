import { z } from 'zod/mini';
import type { Localized } from '../engine/ruleset-schema';
import type { Ruleset } from '../engine/ruleset';
import { draftSchema, type Draft } from '../guide/draft';
import type { Decision } from '../guide/decision';
import type { DecisionSheet } from './decision-sheet';

/**
 * The JSON file: the draft (to resume it) with the rule-set identity and the outcome it gave (to audit it) and, for
 * a decision, the document as it reads (each source marked `quote` or `summary`). Importing reads only the draft;
 * the outcome is recomputed, so a changed rule set shows as a changed hash.
 */
export const decisionFileSchema = z.object({
  format: z.literal('vagval.decision'),
  formatVersion: z.literal(1),
  exportedAt: z.string(),
  rulesetVersion: z.string(),
  rulesetHash: z.string(),
  draft: draftSchema,
  outcome: z.optional(z.unknown()),
  document: z.optional(z.unknown()),
});
export type DecisionFile = z.infer<typeof decisionFileSchema>;

/** A draft to resume (no document) or, with `sheet`, the decision as it was documented. */
export function toDecisionFile(ruleset: Pick<Ruleset, 'version' | 'hash'>, decision: Pick<Decision, 'draft' | 'outcome'>, options: { sheet?: DecisionSheet; now?: Date } = {}): DecisionFile {
  const now = options.now ?? new Date();
  return {
    format: 'vagval.decision',
    formatVersion: 1,
    exportedAt: now.toISOString(),
    rulesetVersion: ruleset.version,
    rulesetHash: ruleset.hash,
    draft: decision.draft,
    outcome: decision.outcome ?? undefined,
    ...(options.sheet ? { document: options.sheet } : {}),
  };
}

export type ImportResult = { ok: true; draft: Draft; rulesetVersion: string } | { ok: false; error: Localized };

/** Reads an exported file; says what is wrong in words, never throws. */
export function parseDecisionFile(text: string): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: { sv: 'Filen är inte giltig JSON. Välj en fil som Vägval har sparat.', en: 'The file is not valid JSON. Choose a file Vägval saved.' } };
  }
  const parsed = decisionFileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join('.') || '(filen)' : '(filen)';
    return {
      ok: false,
      error: {
        sv: `Filen är inget Vägval-beslutsunderlag som går att läsa: fel vid ${where}. Inget av det du redan har svarat har ändrats.`,
        en: `The file is not a Vägval decision file that can be read: problem at ${where}. Nothing you have already answered was changed.`,
      },
    };
  }
  return { ok: true, draft: parsed.data.draft, rulesetVersion: parsed.data.rulesetVersion };
}
