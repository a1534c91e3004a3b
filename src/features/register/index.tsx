import { lazy, Suspense } from 'react';
import type { DecisionFieldName, SaveDecisionButtonProps } from './save-decision-button';

// Only what other features render. The register page itself is loaded on demand by the app shell,
// and the save button is loaded when a recommendation page shows it, so the guide's first load
// carries neither the register nor TanStack Query.
export type { DecisionFieldName, SaveDecisionButtonProps };

const LazySaveDecisionButton = lazy(() => import('./save-decision-button').then((m) => ({ default: m.SaveDecisionButtonWithClient })));

export function SaveDecisionButton(props: SaveDecisionButtonProps) {
  return (
    <Suspense fallback={null}>
      <LazySaveDecisionButton {...props} />
    </Suspense>
  );
}

/**
 * The register's part of the guide's similar-purchase check (its query client, the acting user and the lookup), for
 * the wizard's lazily loaded check: a dynamic import, so the guide's first load does not carry it.
 */
export const loadSimilarPurchaseLookup = () => import('./similar-purchase-lookup');
export type SimilarPurchaseLookup = Awaited<ReturnType<typeof loadSimilarPurchaseLookup>>;
