type Named = { answers: { organisation?: string | undefined; decisionDate?: string | undefined } };

const stem = (draft: Named) => `${draft.answers.organisation ?? 'utan-organisation'}-${draft.answers.decisionDate ?? 'utan-datum'}`;

/**
 * A draft to resume later and a decision to file are different files, and their names say which: a procurer
 * who keeps both in one folder must never file the draft ("vagval-utkast-…") as the decision ("vagval-beslut-…").
 */
export function draftFileName(draft: Named): string {
  return `vagval-utkast-${stem(draft)}.json`;
}

/** The decision document as a file: with its number in the register once it is saved there. */
export function decisionFileName(draft: Named, ext: 'json' | 'md' | 'pdf', registerNumber?: number | null): string {
  return `vagval-beslut-${stem(draft)}${registerNumber ? `-nr-${registerNumber}` : ''}.${ext}`;
}
