import type { DecisionStore } from '../store/decision-store';

/** The latest checkpoint a configured witness cosigned: its size, the witness's name and when. */
export type CosignedMark = { size: number; witness: string; time: string };

/**
 * What a witness has vouched for, as the register's own checks need it (evidence-gaps.ts,
 * the adopted-without-witness check in verify). The cosignatures themselves are kept by the
 * witness side of the register: a store that keeps them offers `latestCosignature()`; one that
 * does not has no witness, and this answers null.
 */
export async function latestCosigned(store: DecisionStore): Promise<CosignedMark | null> {
  const source = (store as DecisionStore & { latestCosignature?: () => Promise<CosignedMark | null> }).latestCosignature;
  return source ? await source.call(store) : null;
}
