import { stepIds, type StepId } from './steps';

/** Each step's own address, in Swedish like the rest of the UI: `#/guide/varde`. */
export const stepSlugs: Record<StepId, string> = {
  organisation: 'organisation',
  purchase: 'kop',
  value: 'varde',
  supplier: 'leverantor',
  partnership: 'partnerskap',
  review: 'granska',
  recommendation: 'beslut',
};

export function stepHash(step: StepId): string {
  return `#/guide/${stepSlugs[step]}`;
}

/** The step a hash names, or null when it names none (`#/`, another page, an unknown slug). */
export function stepOfHash(hash: string): StepId | null {
  const match = /^#?\/guide\/([^/?#]+)\/?$/.exec(hash);
  if (!match) return null;
  return stepIds.find((step) => stepSlugs[step] === match[1]) ?? null;
}
