// The rule set's word lists without their zod schemas, so that the browser's API contracts (src/shared, zod/mini)
// can name them without pulling in ruleset-schema.ts, which is classic zod and checked only at build time.

/**
 * How far a fact is established: verified (an official source says it), secondary (only a
 * non-official source), unverified (no source found: the brief says check it), constructed
 * (a synthesis or worked example of our own).
 */
export const evidenceStatuses = ['verified', 'secondary', 'unverified', 'constructed'] as const;

export const verdicts = ['recommended', 'allowed', 'not-allowed', 'needs-info'] as const;
export type Verdict = (typeof verdicts)[number];
